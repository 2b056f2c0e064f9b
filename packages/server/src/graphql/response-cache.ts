import { gzipSync } from 'node:zlib';
import { etagOf, type Representation } from '../http/send.js';

export interface CachedResponse extends Representation {
  readonly contentType: string;
}

/**
 * Answers already computed, for the content version being served. Content
 * only changes by a reload, so an answer stays right until then; a new
 * version empties the cache. Bounded in entries and bytes, least recently
 * used out first, so a stream of distinct queries cannot exhaust memory.
 */
export class ResponseCache {
  #version = '';
  #bytes = 0;
  readonly #entries = new Map<string, CachedResponse>();

  constructor(
    readonly maxEntries = 2000,
    readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(version: string, key: string): CachedResponse | undefined {
    if (version !== this.#version) return undefined;
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(version: string, key: string, body: Buffer, contentType: string): CachedResponse {
    if (version !== this.#version) {
      this.#entries.clear();
      this.#bytes = 0;
      this.#version = version;
    }
    const entry: CachedResponse = { body, gzip: gzipSync(body), etag: etagOf(body), contentType };
    const previous = this.#entries.get(key);
    if (previous) this.#forget(key, previous);
    this.#entries.set(key, entry);
    this.#bytes += entry.body.length + entry.gzip.length;
    for (const [oldest, value] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#forget(oldest, value);
    }
    return entry;
  }

  #forget(key: string, entry: CachedResponse): void {
    this.#entries.delete(key);
    this.#bytes -= entry.body.length + entry.gzip.length;
  }
}
