import { describe, expect, it } from 'vitest';
import { AutomaticPersistedQueries } from './automatic-persisted-queries.js';

describe('AutomaticPersistedQueries', () => {
  it('forgets the least recently used document beyond its count and byte bounds', () => {
    const store = new AutomaticPersistedQueries({ maxDocuments: 3, maxBytes: 1_000_000, maxDocumentBytes: 10_000 });
    for (const hash of ['a', 'b', 'c']) store.register(hash, `{ ${hash} }`);
    store.get('a');
    store.register('d', '{ d }');
    expect([store.get('a'), store.get('b'), store.get('c'), store.get('d')]).toEqual(['{ a }', undefined, '{ c }', '{ d }']);
    const small = new AutomaticPersistedQueries({ maxDocuments: 1000, maxBytes: 10_000, maxDocumentBytes: 5_000 });
    for (let i = 0; i < 100; i++) small.register(String(i), `{ ${'x'.repeat(1000)} }`);
    expect(small.bytes).toBeLessThanOrEqual(10_000);
    expect(small.size).toBeLessThan(10);
  });

  it('does not remember a document over the size limit', () => {
    const store = new AutomaticPersistedQueries({ maxDocuments: 10, maxBytes: 1_000_000, maxDocumentBytes: 1_000 });
    expect(store.register('big', 'x'.repeat(1_000))).toBe(false);
    expect(store.get('big')).toBeUndefined();
  });
});
