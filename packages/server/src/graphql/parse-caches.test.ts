import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { boundedParseCaches, PARSE_CACHE_BYTES } from './parse-caches.js';

describe('boundedParseCaches', () => {
  it('holds many small documents but few large ones, within its budget', () => {
    const { documentCache, errorCache } = boundedParseCaches();
    for (let i = 0; i < 1000; i++) documentCache.set(`query Q${i} { levels { slug } }`, parse(`query Q${i} { levels { slug } }`));
    expect(documentCache.size).toBe(1000);
    // Documents padded with 30,000 characters of comments, as a client could send over and over.
    for (let i = 0; i < 1000; i++) {
      const text = `query Big${i} { __typename }\n${'#'.repeat(30_000)}`;
      documentCache.set(text, parse(text));
      errorCache.set(`{ ${i}${'#'.repeat(30_000)}`, new Error('Syntax Error'));
    }
    expect(documentCache.calculatedSize).toBeLessThanOrEqual(PARSE_CACHE_BYTES * 0.8);
    expect(documentCache.size).toBeLessThan(20);
    expect(errorCache.calculatedSize).toBeLessThanOrEqual(PARSE_CACHE_BYTES * 0.2);
  });
});
