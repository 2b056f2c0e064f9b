import { describe, expect, it } from 'vitest';
import { answerKey, DocumentShapes } from './cache-key.js';

const shapes = new DocumentShapes();
const key = (query: string, variables: unknown, operationName?: string, accept = 'application/json') =>
  answerKey({ shape: shapes.of(query)!, operationName, variables, accept });

describe('answerKey', () => {
  const query = 'query Q($a: String, $b: [String!]) { level(slug: $a) { slug } }';

  it('is the same whatever the spacing, the order of keys or the variables the operation does not declare', () => {
    const one = key(query, { a: 'staff', b: ['x'] });
    expect(key(query.replace(/ /g, '  '), { b: ['x'], a: 'staff', pad: 'y'.repeat(1000) })).toBe(one);
    expect(key(query, { a: 'staff', b: ['x'] }, 'Q')).toBe(one);
  });

  it('differs by a used value, by Accept and by operation', () => {
    const one = key(query, { a: 'staff' });
    expect(key(query, { a: 'principal' })).not.toBe(one);
    expect(key(query, { a: 'staff' }, undefined, 'application/graphql-response+json')).not.toBe(one);
    expect(key(`${query} query R { levels { slug } }`, { a: 'staff' }, 'Q')).not.toBe(key(`${query} query R { levels { slug } }`, {}, 'R'));
  });

  it('is undefined for what must not be cached or cannot be told apart', () => {
    expect(shapes.of('{ levels {')).toBeUndefined();
    expect(key('mutation M { x }', {})).toBeUndefined();
    expect(key(query, [1])).toBeUndefined();
    expect(key(query, {}, 'Other')).toBeUndefined();
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(key(query, { b: deep })).toBeUndefined();
    // Working out a key for 20,000 ids would cost more than it saves.
    expect(key(query, { b: Array.from({ length: 20_000 }, () => 'x') })).toBeUndefined();
    expect(key(query, { b: Array.from({ length: 500 }, () => 'x') })).toBeDefined();
  });
});
