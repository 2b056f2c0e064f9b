import { schema } from '@altitude/schema';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from './armor.js';
import { operationCost } from './query-cost.js';
import { openTestYoga, postQuery } from './test-yoga.js';
import type { GraphqlYoga } from './yoga.js';

let yoga: GraphqlYoga;
let levelId: string;

beforeAll(async () => {
  yoga = await openTestYoga();
  const { body } = await postQuery(yoga, '{ levels { id } }');
  levelId = (body.data!.levels as { id: string }[])[0]!.id;
});

const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), undefined, variables);
const aliased = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');

describe('operationCost', () => {
  it('counts a size sent as a variable like the same size written in the query', () => {
    const selection = '{ edges { node { id kind slug entity } } }';
    expect(cost(`query($n: Int) { changes(first: $n) ${selection} }`, { n: 400 })).toBe(cost(`{ changes(first: 400) ${selection} }`));
    expect(cost(`query($n: Int!) { search(text: "x", first: $n) { score } }`, { n: 40 })).toBe(
      cost('{ search(text: "x", first: 40) { score } }'),
    );
  });

  it('counts the length of a list of IDs or slugs, and a default when the size is omitted', () => {
    const one = cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a'] });
    expect(cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(80).fill('a') })).toBe(80 * one);
    expect(cost('{ changes { edges { cursor } } }')).toBe(50 * cost('{ changes(first: 1) { edges { cursor } } }'));
    expect(cost('{ compareLevels(slugs: ["staff", "principal", "distinguished"]) { levels { slug } } }')).toBe(
      3 * cost('{ compareLevels(slugs: ["staff"]) { levels { slug } } }'),
    );
  });

  it('counts a size over its maximum as the maximum, since the resolver refuses it unrun', () => {
    expect(cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(20_000).fill('a') })).toBe(
      cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(100).fill('a') }),
    );
  });

  it('counts a fragment spread many times once per spread, without walking it again', () => {
    const spreads = (n: number) => `{ ${aliased(n, 'levels { ...F }')} } fragment F on Level { slug title }`;
    expect(cost(spreads(10))).toBe(10 * cost(spreads(1)));
  });
});

describe('the variable-aware cost limit', () => {
  it('refuses page sizes sent as variables that armor, reading literals only, let through', async () => {
    // Armor counted `first: $n` as 1: fifteen 500-event pages passed as one cheap query.
    const query = `query($n: Int) { ${aliased(15, 'changes(first: $n) { edges { node { id kind slug entity changedFields } } }')} }`;
    const { status, bytes, body } = await postQuery(yoga, query, { n: 500 });
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors?.[0]?.message).toMatch(new RegExp(`^Query Cost limit of ${QUERY_LIMITS.maxCost} exceeded, found \\d+\\.`));
    expect(bytes).toBeLessThan(1000);
  });

  it('answers 20,000 copies of an ID in five aliases with a short BAD_USER_INPUT, not 100 MB', async () => {
    const query = `query($ids: [ID!]!) { ${aliased(5, 'nodes(ids: $ids) { id ... on Level { slug title summary description expectations { text } } }')} }`;
    const { bytes, body } = await postQuery(yoga, query, { ids: Array(20_000).fill(levelId) });
    expect(body.errors?.map((e) => [e.message, e.extensions?.code])).toContainEqual([
      'ids takes at most 100 IDs, got 20000.',
      'BAD_USER_INPUT',
    ]);
    expect(bytes).toBeLessThan(1000);
  });

  it('lets a list at its maximum through', async () => {
    const { status, body } = await postQuery(yoga, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array(100).fill(levelId) });
    expect([status, body.errors]).toEqual([200, undefined]);
    expect(body.data!.nodes).toHaveLength(100);
  });
});
