import { hash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { PreparedBytes, Representation } from '../http/send.js';

export interface CachedResponse extends Representation {
  readonly contentType: string;
  /** Whether gzip has been made yet: it is made on first use, as most answers are asked for once. */
  readonly gzipped: boolean;
  /** Its headers, laid out by the route on the first send when they are the same for every request; one per cacheability. */
  prepared?: { shared?: PreparedBytes; private?: PreparedBytes };
}

interface Slot {
  readonly key: string;
  readonly entry: CachedResponse;
  /** Other keys that lead here (the raw query strings of GETs), each counted in the budget. */
  readonly aliases: string[];
  /** What this slot costs against the budget. */
  bytes: number;
  /** The clock when it was last put at the young end. */
  stamp: number;
}

/** A rough cost of a slot's and an alias's bookkeeping (objects, map entries), counted with the bytes. */
const SLOT_OVERHEAD = 256;
const ALIAS_OVERHEAD = 64;
/** A slot keeps at most this many aliases, each at most this long; other spellings are looked up the slow way. */
const MAX_ALIASES = 8;
const MAX_ALIAS_LENGTH = 2048;

/** What a string key costs: JavaScript strings take up to two bytes a character. */
const keyBytes = (key: string) => 2 * key.length;

/**
 * Answers already computed, for the content version being served. Content
 * only changes by a reload, so an answer stays right until then; a new
 * version empties the cache. Bounded in entries and in bytes, where the bytes
 * count everything held (answers, their gzip copies, keys and aliases), least
 * recently used out first (nearly: see get), so a stream of distinct or
 * padded requests cannot exhaust memory.
 */
export class ResponseCache {
  #version = '';
  #bytes = 0;
  /** Counts insertions and moves: at most `#clock - stamp` slots are younger than a slot. */
  #clock = 0;
  /** Oldest first: a Map iterates in insertion order. */
  readonly #slots = new Map<string, Slot>();
  readonly #aliases = new Map<string, Slot>();

  constructor(
    readonly maxEntries = 2000,
    readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** Answers held. */
  get size(): number {
    return this.#slots.size;
  }

  /** Everything held, as counted against maxBytes. */
  get bytes(): number {
    return this.#bytes;
  }

  get(version: string, key: string): CachedResponse | undefined {
    return this.#touch(version, this.#slots.get(key));
  }

  /** The answer a raw key (see alias) leads to. */
  getByAlias(version: string, alias: string): CachedResponse | undefined {
    return this.#touch(version, this.#aliases.get(alias));
  }

  /**
   * Lets `alias` (a GET's raw query string) lead to the answer held under
   * `key`, so its repeats skip working the key out. Counted in the budget;
   * ignored when the answer is gone or has enough aliases already.
   */
  alias(version: string, key: string, alias: string): void {
    const slot = this.#slots.get(key);
    if (version !== this.#version || slot === undefined || alias.length > MAX_ALIAS_LENGTH) return;
    if (slot.aliases.length >= MAX_ALIASES || this.#aliases.has(alias)) return;
    slot.aliases.push(alias);
    this.#aliases.set(alias, slot);
    this.#grow(slot, keyBytes(alias) + ALIAS_OVERHEAD);
  }

  set(version: string, key: string, body: Buffer, contentType: string, alias?: string): CachedResponse {
    if (version !== this.#version) {
      this.#slots.clear();
      this.#aliases.clear();
      this.#bytes = 0;
      this.#version = version;
    }
    const previous = this.#slots.get(key);
    if (previous) this.#forget(previous);
    const slot: Slot = { key, entry: this.#entry(body, contentType, () => slot), aliases: [], bytes: 0, stamp: ++this.#clock };
    this.#slots.set(key, slot);
    this.#grow(slot, SLOT_OVERHEAD + keyBytes(key) + body.length);
    if (alias !== undefined) this.alias(version, key, alias);
    return slot.entry;
  }

  /** The entry, with gzip made on first use and then counted against the budget of the slot that still holds it. */
  #entry(body: Buffer, contentType: string, slot: () => Slot): CachedResponse {
    let gzip: Buffer | undefined;
    // send.ts's etagOf, in one call: a cache miss makes one for every answer, and the one-shot hash costs half as much.
    const etag = `"${hash('sha256', body, 'base64url').slice(0, 27)}"`;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getter below is the entry's, not the cache's
    const cache = this;
    return {
      body,
      etag,
      contentType,
      get gzipped() {
        return gzip !== undefined;
      },
      get gzip() {
        if (gzip === undefined) {
          gzip = gzipSync(body);
          const held = slot();
          if (cache.#slots.get(held.key) === held) cache.#grow(held, gzip.length);
        }
        return gzip;
      },
    };
  }

  #touch(version: string, slot: Slot | undefined): CachedResponse | undefined {
    if (slot === undefined || version !== this.#version) return undefined;
    // Moved to the young end only once it has aged out of the young half of
    // what is held now (the byte bound may hold far fewer than maxEntries): a
    // hot answer then costs one lookup per hit, and still never nears eviction.
    if (this.#clock - slot.stamp >= this.#slots.size / 2) {
      this.#slots.delete(slot.key);
      this.#slots.set(slot.key, slot);
      slot.stamp = ++this.#clock;
    }
    return slot.entry;
  }

  /** Adds to a slot's cost, then drops the oldest slots until both bounds hold again (the newest one last of all). */
  #grow(slot: Slot, bytes: number): void {
    slot.bytes += bytes;
    this.#bytes += bytes;
    for (const oldest of this.#slots.values()) {
      if (this.#slots.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#forget(oldest);
    }
  }

  #forget(slot: Slot): void {
    this.#slots.delete(slot.key);
    for (const alias of slot.aliases) this.#aliases.delete(alias);
    this.#bytes -= slot.bytes;
  }
}
