import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('ResponseCache', () => {
  it('keeps answers per content version and forgets them all when the version changes', () => {
    const cache = new ResponseCache();
    const entry = cache.set('v1', 'a', json({ data: { a: 1 } }), 'application/json');
    expect(cache.get('v1', 'a')).toBe(entry);
    expect(cache.get('v2', 'a')).toBeUndefined();
    cache.set('v2', 'b', json({ data: { b: 1 } }), 'application/json');
    expect(cache.get('v1', 'a')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('gives equal bytes equal strong ETags, and different bytes different ones', () => {
    const one = new ResponseCache().set('v', 'k', json({ data: 1 }), 'application/json');
    const two = new ResponseCache().set('v', 'other', json({ data: 1 }), 'application/json');
    const three = new ResponseCache().set('v', 'k', json({ data: 2 }), 'application/json');
    expect(one.etag).toMatch(/^"[\w-]{27}"$/);
    expect(two.etag).toBe(one.etag);
    expect(three.etag).not.toBe(one.etag);
  });

  it('drops the least recently used answer beyond its entry and byte bounds', () => {
    const cache = new ResponseCache(2, 10_000);
    cache.set('v', 'a', json('a'), 't');
    cache.set('v', 'b', json('b'), 't');
    cache.get('v', 'a');
    cache.set('v', 'c', json('c'), 't');
    expect([cache.get('v', 'a') !== undefined, cache.get('v', 'b') !== undefined, cache.get('v', 'c') !== undefined]).toEqual([
      true,
      false,
      true,
    ]);
    const small = new ResponseCache(100, 1500);
    for (let i = 0; i < 50; i++) small.set('v', String(i), json('x'.repeat(40 + i)), 't');
    expect(small.size).toBeLessThan(5);
    expect(small.get('v', '49')).toBeDefined();
  });

  it('keeps an answer that is read often, however many others come and go', () => {
    const cache = new ResponseCache(10, 1_000_000);
    cache.set('v', 'hot', json('hot'), 't');
    for (let i = 0; i < 1000; i++) {
      cache.set('v', `cold ${i}`, json(i), 't');
      expect(cache.get('v', 'hot'), `after ${i + 1} others`).toBeDefined();
    }
    expect(cache.size).toBe(10);
    // The oldest of the cold ones went first.
    expect(cache.get('v', 'cold 990')).toBeUndefined();
    expect(cache.get('v', 'cold 991')).toBeDefined();
  });

  it('keeps an answer that is read often when the byte bound, not the entry bound, is what fills', () => {
    const big = (n: number) => json({ n, pad: 'x'.repeat(4000) });
    // Room for about a dozen of these, far fewer than the 2000 entries allowed.
    const cache = new ResponseCache(2000, 12 * (4100 + 150));
    cache.set('v', 'hot', big(-1), 't');
    for (let i = 0; i < 200; i++) {
      cache.set('v', `cold ${i}`, big(i), 't');
      expect(cache.get('v', 'hot'), `after ${i + 1} others`).toBeDefined();
    }
    expect(cache.size).toBeLessThan(20);
  });

  it('counts keys and aliases against its byte budget, not only answers', () => {
    const cache = new ResponseCache(2000, 100_000);
    for (let i = 0; i < 100; i++) cache.set('v', `${i}:${'k'.repeat(10_000)}`, json(i), 't');
    expect(cache.bytes).toBeLessThanOrEqual(100_000);
    expect(cache.size).toBeLessThan(10);
    const aliased = new ResponseCache(2000, 100_000);
    aliased.set('v', 'key', json('answer'), 't');
    const alone = aliased.bytes;
    for (let i = 0; i < 100; i++) aliased.alias('v', 'key', `${i}:${'a'.repeat(1000)}`);
    // A few aliases per answer, each counted.
    expect(aliased.bytes - alone).toBeGreaterThan(8 * 2000);
    expect(aliased.bytes - alone).toBeLessThan(10 * 2100);
    expect(aliased.getByAlias('v', `0:${'a'.repeat(1000)}`)).toBeDefined();
    expect(aliased.getByAlias('v', `99:${'a'.repeat(1000)}`)).toBeUndefined();
  });

  it('forgets the aliases of an answer it drops, and ignores aliases of an earlier version', () => {
    const cache = new ResponseCache(1, 1_000_000);
    cache.set('v', 'a', json('a'), 't', '?a');
    expect(cache.getByAlias('v', '?a')).toBe(cache.get('v', 'a'));
    cache.set('v', 'b', json('b'), 't', '?b');
    expect(cache.getByAlias('v', '?a')).toBeUndefined();
    expect(cache.getByAlias('v2', '?b')).toBeUndefined();
  });

  it('makes the gzip copy only when it is first asked for, and counts it then', () => {
    const cache = new ResponseCache();
    const entry = cache.set('v', 'k', json({ data: 'x'.repeat(1000) }), 't');
    const before = cache.bytes;
    expect(entry.gzipped).toBe(false);
    expect(entry.gzip.length).toBeGreaterThan(0);
    expect(entry.gzipped).toBe(true);
    expect(cache.bytes).toBe(before + entry.gzip.length);
  });
});
