import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * A parsed document, with its tokens and locations, takes about 70 times the
 * memory of its text (measured on the widgets' queries and on long alias
 * lists); a parse error keeps the text it failed on. Weighed that way, with
 * room to spare, so the caches hold many small documents and few large ones.
 */
const DOCUMENT_BYTES_PER_CHARACTER = 96;
const ERROR_BYTES_PER_CHARACTER = 4;

/** What the two caches may hold together, as weighed here. */
export const PARSE_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Yoga's parse caches (documents and parse errors, by query text), bounded in
 * memory as well as in count: yoga's own hold 1,024 of each whatever their
 * size, and comments and long strings cost a parser little but a cache much.
 */
export function boundedParseCaches(maxBytes = PARSE_CACHE_BYTES) {
  const cache = <T extends object>(bytesPerCharacter: number, share: number) =>
    new LRUCache<string, T>({
      max: 1024,
      maxSize: Math.max(1, Math.floor(maxBytes * share)),
      sizeCalculation: (_value, text) => Math.max(1, text.length * bytesPerCharacter),
    });
  return {
    documentCache: cache<DocumentNode>(DOCUMENT_BYTES_PER_CHARACTER, 0.8),
    errorCache: cache<object>(ERROR_BYTES_PER_CHARACTER, 0.2),
  };
}
