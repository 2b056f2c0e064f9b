import { loadFrameworkOrThrow, DEFAULT_CONTENT_DIR, schema, type Framework } from '@altitude/schema';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { readServerOptions } from '../config/server-options.js';
import { QUERY_LIMITS } from './armor.js';
import { operationCost } from './query-cost.js';
import { openTestYoga, postQuery } from './test-yoga.js';
import type { GraphqlYoga } from './yoga.js';

let yoga: GraphqlYoga;
let levelId: string;
let framework: Framework;

beforeAll(async () => {
  yoga = await openTestYoga();
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  const { body } = await postQuery(yoga, '{ levels { id } }');
  levelId = (body.data!.levels as { id: string }[])[0]!.id;
});

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), undefined, variables, framework).cost;
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

  it('weighs long texts above plain values and counts a list the content sizes at its longest', () => {
    const plain = cost('{ capabilities { slug } }');
    expect(cost('{ capabilities { description } }')).toBe(plain + 1.5 * 4);
    expect(cost('{ changes(first: 1) { edges { node { entity } } } }')).toBeGreaterThan(
      cost('{ changes(first: 1) { edges { node { slug } } } }') + 1.5 ** 3 * 8,
    );
    const citing = Math.max(...framework.sources.map((s) => s.citedBy.length));
    expect(citing).toBeGreaterThan(10);
    expect(cost('{ sources { citedBy { slug } } }')).toBe(2 + 1.5 * citing * (2 + 1.5));
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
    const { status, bytes, body } = await postQuery(yoga, query, { ids: Array(20_000).fill(levelId) });
    expect(status).toBe(400);
    expect(body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['ids takes at most 100 IDs, got 20000.', 'BAD_USER_INPUT']]);
    expect(bytes).toBeLessThan(1000);
  });

  it('refuses, unrun, fifteen aliases of a hundred sources each listing every entity that cites it (13 MB before the content was counted)', async () => {
    const { body: sources } = await postQuery(yoga, '{ sources { id } }');
    const sourceId = (sources.data!.sources as { id: string }[])[0]!.id;
    const query = `query($ids: [ID!]!) { ${aliased(15, 'nodes(ids: $ids) { ...F }')} }
      fragment F on Source { citedBy { ... on Capability { description(format: HTML) } ... on Tension { description(format: HTML) } } }`;
    const { status, body } = await postQuery(yoga, query, { ids: Array(100).fill(sourceId) });
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('keeps the largest answers it allows well under the response size limit', async () => {
    // Fifteen aliases of a hundred IDs each, the most the limits allow, with every text of the entity.
    const { body: capabilities } = await postQuery(yoga, '{ capabilities { id } }');
    let largest = 0;
    for (const { id } of capabilities.data!.capabilities as { id: string }[]) {
      const query = `query($ids: [ID!]!) { ${aliased(15, 'nodes(ids: $ids) { ...F }')} }
        fragment F on Capability { id slug title contentHash summary(format: HTML) description(format: HTML) }`;
      const { status, bytes } = await postQuery(yoga, query, { ids: Array(100).fill(id) });
      expect(status).toBe(200);
      largest = Math.max(largest, bytes);
    }
    // About 1.5 MB with the content as it is today.
    expect(largest).toBeLessThan(readServerOptions({}).maxResponseBytes / 2);
  });

  it('lets a list at its maximum through', async () => {
    const { status, body } = await postQuery(yoga, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array(100).fill(levelId) });
    expect([status, body.errors]).toEqual([200, undefined]);
    expect(body.data!.nodes).toHaveLength(100);
  });
});
