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
  #bytes = 0;
  /** Oldest first: a Map iterates in insertion order. */
  readonly #byHash = new Map<string, string>();

  constructor(readonly limits: { maxDocuments: number; maxBytes: number; maxDocumentBytes: number } = APQ_LIMITS) {}

  get size(): number {
    return this.#byHash.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(hash: string): string | undefined {
    const text = this.#byHash.get(hash);
    if (text !== undefined) {
      this.#byHash.delete(hash);
      this.#byHash.set(hash, text);
    }
    return text;
  }

  /** Remembers `text` under `hash` (the caller has checked that one is the SHA-256 of the other); says whether it did. */
  register(hash: string, text: string): boolean {
    const cost = costOf(hash, text);
    if (cost > this.limits.maxDocumentBytes || this.#byHash.has(hash)) return this.#byHash.has(hash);
    this.#byHash.set(hash, text);
    this.#bytes += cost;
    for (const [oldest, held] of this.#byHash) {
      if (this.#byHash.size <= this.limits.maxDocuments && this.#bytes <= this.limits.maxBytes) break;
      this.#byHash.delete(oldest);
      this.#bytes -= costOf(oldest, held);
    }
    return true;
  }
}

const costOf = (hash: string, text: string) => 2 * (hash.length + text.length);
