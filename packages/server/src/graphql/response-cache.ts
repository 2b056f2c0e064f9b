import { representationOf, type PreparedBytes, type Representation } from '../http/send.js';

export interface CachedResponse extends Representation {
  readonly contentType: string;
  /** Its headers, laid out by the route on the first send when they are the same for every request. */
  prepared?: PreparedBytes;
}

interface Slot {
  readonly entry: CachedResponse;
  /** The clock when it was last put at the young end. */
  stamp: number;
}

/**
 * Answers already computed, for the content version being served. Content
 * only changes by a reload, so an answer stays right until then; a new
 * version empties the cache. Bounded in entries and bytes, least recently
 * used out first (nearly: see get), so a stream of distinct queries cannot
 * exhaust memory.
 */
export class ResponseCache {
  #version = '';
  #bytes = 0;
  /** Counts insertions and moves: at most `#clock - stamp` slots are younger than a slot. */
  #clock = 0;
  /** Oldest first: a Map iterates in insertion order. */
  readonly #slots = new Map<string, Slot>();

  constructor(
    readonly maxEntries = 2000,
    readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get size(): number {
    return this.#slots.size;
  }

  get(version: string, key: string): CachedResponse | undefined {
    if (version !== this.#version) return undefined;
    const slot = this.#slots.get(key);
    if (slot === undefined) return undefined;
    // Moved to the young end only once it has aged out of the young half of
    // what is held now (the byte bound may hold far fewer than maxEntries): a
    // hot answer then costs one lookup per hit, and still never nears eviction.
    if (this.#clock - slot.stamp >= this.#slots.size / 2) {
      this.#slots.delete(key);
      this.#slots.set(key, slot);
      slot.stamp = ++this.#clock;
    }
    return slot.entry;
  }

  set(version: string, key: string, body: Buffer, contentType: string): CachedResponse {
    if (version !== this.#version) {
      this.#slots.clear();
      this.#bytes = 0;
      this.#version = version;
    }
    const entry: CachedResponse = { ...representationOf(body), contentType };
    const previous = this.#slots.get(key);
    if (previous) this.#forget(key, previous);
    this.#slots.set(key, { entry, stamp: ++this.#clock });
    this.#bytes += entry.body.length + entry.gzip.length;
    for (const [oldest, slot] of this.#slots) {
      if (this.#slots.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#forget(oldest, slot);
    }
    return entry;
  }

  #forget(key: string, slot: Slot): void {
    this.#slots.delete(key);
    this.#bytes -= slot.entry.body.length + slot.entry.gzip.length;
  }
}
