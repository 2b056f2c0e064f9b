import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../http/graphiql-examples.js';
import { QUERY_LIMITS } from './armor.js';
import { PERSISTED_OPERATIONS } from './persisted-operations.js';
import { openTestYoga, postQuery } from './test-yoga.js';
import type { GraphqlYoga } from './yoga.js';

let yoga: GraphqlYoga;

beforeAll(async () => {
  yoga = await openTestYoga();
});

const run = (query: string, variables: Record<string, unknown> = {}) => postQuery(yoga, query, variables);

// The README's HR-sync paging example asks for the biggest page with every field.
const CHANGE_FEED_PAGE = `{ changes(first: 500) { edges { cursor node { id kind subjectType slug subjectId changedFields fromVersion toVersion
  publishedAt contentHash previousContentHash tombstone entity } } pageInfo { hasNextPage endCursor } } }`;

const VARIABLES: Record<string, Record<string, unknown>> = {
  LevelComparison: { slugs: ['staff', 'principal', 'distinguished'] },
  LevelCard: { slug: 'principal' },
  FailureModeCard: { slug: 'super-coder' },
};

describe('query limits', () => {
  it('let through every query the widgets, GraphiQL and the docs use', async () => {
    const documents = [
      ...[...PERSISTED_OPERATIONS.values()].map((o) => ({ name: o.name, query: o.text, variables: VARIABLES[o.name] ?? {} })),
      ...EXAMPLE_QUERIES.map((e) => ({ name: e.name, query: e.query, variables: {} })),
      { name: 'change feed page', query: CHANGE_FEED_PAGE, variables: {} },
    ];
    for (const { name, query, variables } of documents) {
      const { status, body } = await run(query, variables);
      expect([name, status, body.errors]).toEqual([name, 200, undefined]);
    }
  });

  const nested = (depth: number) => `{ level(slug: "staff") ${'{ transitionsOut { to '.repeat(depth)}{ slug }${' } }'.repeat(depth)} }`;
  const cases: [string, string, RegExp][] = [
    ['depth', nested(4), /Query depth limit of 8 exceeded/],
    [
      'aliases',
      `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: levels { slug }`).join(' ')} }`,
      /Aliases limit of 15 exceeded/,
    ],
    ['tokens', `{ ${'levels { slug } '.repeat(260)} }`, /Token limit of 1000 exceeded/],
    [
      'directives',
      `{ levels { slug ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)} } }`,
      /Directives limit of 20 exceeded/,
    ],
    ['cost', '{ changes(first: 100000) { edges { node { id kind slug entity changedFields } } } }', /Query Cost limit of 50000 exceeded/],
  ];
  it.each(cases)('refuse a query over the %s limit with a message that names the limit, and never a 5xx', async (_name, query, message) => {
    const { status, body } = await run(query);
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.message).join(' ')).toMatch(message);
  });
});
