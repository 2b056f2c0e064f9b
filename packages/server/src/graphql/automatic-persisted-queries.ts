import { LRUCache } from 'lru-cache';

/** How many documents automatic persisted queries remember, and how much text in all. */
export const APQ_LIMITS = {
  maxDocuments: 1000,
  maxBytes: 4 * 1024 * 1024,
  /** A longer document still runs when sent in full; it is just not remembered by its hash. */
  maxDocumentBytes: 64 * 1024,
} as const;

/**
 * The documents clients registered by hash (Apollo's and urql's automatic
 * persisted queries). Only the route registers, and only a document whose
 * hash it checked and that yoga found valid; bounded in count and bytes, the
 * least recently used forgotten first.
 */
export class AutomaticPersistedQueries {
  readonly #byHash: LRUCache<string, string>;

  constructor(readonly limits: { maxDocuments: number; maxBytes: number; maxDocumentBytes: number } = APQ_LIMITS) {
    this.#byHash = new LRUCache<string, string>({
      max: limits.maxDocuments,
      maxSize: limits.maxBytes,
      maxEntrySize: limits.maxDocumentBytes,
      sizeCalculation: (text, hash) => costOf(hash, text),
    });
  }

  get size(): number {
    return this.#byHash.size;
  }

  get bytes(): number {
    return this.#byHash.calculatedSize;
  }

  get(hash: string): string | undefined {
    return this.#byHash.get(hash);
  }

  /** Remembers `text` under `hash` (the caller has checked that one is the SHA-256 of the other); says whether it did. */
  register(hash: string, text: string): boolean {
    if (!this.#byHash.has(hash)) this.#byHash.set(hash, text);
    return this.#byHash.has(hash);
  }
}

/** Text counted at 2 bytes a character, as strings are held. */
const costOf = (hash: string, text: string) => 2 * (hash.length + text.length);
