import type { Framework } from '@altitude/schema';
import { describe, expect, it } from 'vitest';
import { MadeOnce } from './made-once.js';

// Only its identity matters: MadeOnce keys its entries by content version.
const framework = {} as Framework;

describe('MadeOnce', () => {
  it('makes once per key and content version', () => {
    const made = new MadeOnce<string>();
    let calls = 0;
    const make = () => `made ${++calls}`;
    expect(made.get(framework, 'a', make)).toBe('made 1');
    expect(made.get(framework, 'a', make)).toBe('made 1');
    expect(made.get({} as Framework, 'a', make)).toBe('made 2');
  });

  it('when full, evicts the least recently used entry only', () => {
    const made = new MadeOnce<string>();
    const counts = new Map<string, number>();
    const get = (key: string) =>
      made.get(framework, key, () => {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return key;
      });
    for (let i = 0; i < 200; i++) get(`page ${i}`);
    expect(made.size(framework)).toBe(200);
    // A busy page is used again, then a stream of one-off keys arrives.
    get('page 0');
    for (let i = 0; i < 150; i++) get(`one-off ${i}`);
    expect(made.size(framework)).toBe(200);
    get('page 0');
    get('page 199');
    expect(counts.get('page 0')).toBe(1);
    expect(counts.get('page 199')).toBe(1);
    // The least recently used went first, one at a time.
    get('page 1');
    expect(counts.get('page 1')).toBe(2);
  });

  it('takes its bound from the constructor and can forget a key', () => {
    const made = new MadeOnce<number>(3);
    for (let i = 0; i < 10; i++) made.get(framework, String(i), () => i);
    expect(made.size(framework)).toBe(3);
    made.forget(framework, '9');
    expect(made.size(framework)).toBe(2);
  });
});
