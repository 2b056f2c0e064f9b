import { graphql, type ExecutionResult, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../loader/load-framework.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import type { Framework } from '../graph/types.js';
import type { ListLimit } from './list-limits.js';
import { schema } from './schema.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

async function run(source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult & { data?: Record<string, any> }> {
  return (await graphql({ schema, source, variableValues, contextValue: { framework } })) as ExecutionResult & {
    data?: Record<string, any>;
  };
}

describe('compareLevels', () => {
  it('returns rows in dimension order and cells in the order asked for', async () => {
    const { data, errors } = await run(`{ compareLevels(slugs: ["distinguished", "staff"]) {
      levels { slug title } rows { dimension { slug } cells { level { slug } text } } transitions { slug } } }`);
    expect(errors).toBeUndefined();
    const comparison = data!.compareLevels;
    expect(comparison.levels.map((l: { slug: string }) => l.slug)).toEqual(['distinguished', 'staff']);
    expect(comparison.rows.map((r: { dimension: { slug: string } }) => r.dimension.slug)).toEqual(framework.dimensions.map((d) => d.slug));
    for (const row of comparison.rows)
      expect(row.cells.map((c: { level: { slug: string } }) => c.level.slug)).toEqual(['distinguished', 'staff']);
    expect(comparison.rows[0].cells[1].text).toBe(framework.levels[0]!.expectations[0]!.text.markdown);
    // Staff to Distinguished spans both steps of the ladder.
    expect(comparison.transitions.map((t: { slug: string }) => t.slug)).toEqual(['staff-to-principal', 'principal-to-distinguished']);
  });

  it('narrows to the dimensions asked for', async () => {
    const { data } = await run(
      `{ compareLevels(slugs: ["staff", "principal"], dimensions: ["time-horizon", "operating-scope"]) { rows { dimension { slug } } transitions { slug } } }`,
    );
    expect(data!.compareLevels.rows.map((r: { dimension: { slug: string } }) => r.dimension.slug)).toEqual([
      'operating-scope',
      'time-horizon',
    ]);
    expect(data!.compareLevels.transitions).toEqual([{ slug: 'staff-to-principal' }]);
  });

  it.each([
    [['staff'], 'compareLevels needs at least two level slugs, got 1 (staff). Valid level slugs: staff, principal, distinguished.'],
    [['staff', 'senior'], 'Unknown level slug "senior". Valid level slugs: staff, principal, distinguished.'],
    [['staff', 'staff'], 'Level slug "staff" is listed more than once. Valid level slugs: staff, principal, distinguished.'],
  ])('rejects %j with a message naming the problem and the valid slugs', async (slugs, message) => {
    const { data, errors } = await run('query($slugs: [String!]!) { levels { slug } compareLevels(slugs: $slugs) { levels { slug } } }', {
      slugs,
    });
    // The bad argument nulls its own field only.
    expect(data).toEqual({ levels: framework.levels.map((l) => ({ slug: l.slug })), compareLevels: null });
    expect(errors?.map((e) => e.message)).toEqual([message]);
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'slugs',
      validValues: ['staff', 'principal', 'distinguished'],
    });
  });
});

describe('Relay node interface', () => {
  it('round-trips every entity and source through node(id:) and nodes(ids:)', async () => {
    const { data } = await run(`{
      levels { id slug } dimensions { id slug } transitions { id slug } leverageMechanisms { id slug } failureModes { id slug }
      orgPractices { id slug } capabilities { id slug } tensions { id slug } misconceptions { id slug } glossary { id slug }
      sources { id slug } }`);
    const all = Object.values(data!).flat() as { id: string; slug: string }[];
    expect(all).toHaveLength(framework.entities.length + framework.sources.length);
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    const { data: nodes, errors } = await run(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { slug } ... on Source { slug } } }',
      { ids: all.map((n) => n.id) },
    );
    expect(errors).toBeUndefined();
    expect(nodes!.nodes).toEqual(all);
  });

  it('answers null for an unknown ID, and BAD_USER_INPUT for one this API never made', async () => {
    const unknown = Buffer.from('Level:senior').toString('base64');
    const { data, errors } = await run(`{ a: node(id: "${unknown}") { id } b: node(id: "not an id") { id } }`);
    expect(data).toEqual({ a: null, b: null });
    expect(errors?.map((e) => [e.path, e.extensions])).toEqual([[['b'], { code: 'BAD_USER_INPUT', argument: 'id', value: 'not an id' }]]);
  });

  it('keeps IDs opaque but stable', async () => {
    const first = await run('{ level(slug: "staff") { id } }');
    const second = await run('{ level(slug: "staff") { id } }');
    expect(first.data!.level.id).toBe(second.data!.level.id);
    expect(first.data!.level.id).not.toContain('staff');
  });
});

describe('entities', () => {
  it('every entity has slug, title, summary, sources and a content hash', async () => {
    const { data, errors } = await run(
      `{ search(text: "engineer", first: 50) { edges { node { entity { __typename slug title summary sources { source { slug title } section } contentHash type } } } } }`,
    );
    expect(errors).toBeUndefined();
    for (const { entity } of data!.search.edges.map((e: { node: unknown }) => e.node)) {
      expect(entity.slug).toMatch(/^[a-z0-9-]+$/);
      expect(entity.title).toBeTruthy();
      expect(entity.summary).toBeTruthy();
      expect(entity.sources.length).toBeGreaterThan(0);
      expect(entity.contentHash).toMatch(/^sha256:/);
      expect(entity.type).toBe(entity.__typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase());
    }
  });

  it('serves Markdown fields as Markdown, sanitised HTML or plain text', async () => {
    const { data } = await run(
      `{ failureMode(slug: "super-coder") { md: summary html: summary(format: HTML) text: summary(format: TEXT) symptoms(format: HTML) preventedBy { slug } } }`,
    );
    const mode = framework.find('FailureMode', 'super-coder')!;
    expect(data!.failureMode.md).toBe(mode.summary.markdown);
    expect(data!.failureMode.html).toBe(mode.summary.html);
    expect(data!.failureMode.html).toMatch(/^<p>/);
    expect(data!.failureMode.text).not.toMatch(/[<*]/);
    expect(data!.failureMode.symptoms.every((s: string) => s.startsWith('<p>'))).toBe(true);
    expect(data!.failureMode.preventedBy.map((p: { slug: string }) => p.slug)).toEqual(mode.preventedBy.map((p) => p.slug));
  });

  it('answers null for an unknown slug in single lookups', async () => {
    const { data, errors } = await run(
      '{ level(slug: "nope") { slug } failureMode(slug: "nope") { slug } leverageMechanism(slug: "nope") { slug } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ level: null, failureMode: null, leverageMechanism: null });
  });

  it('reports the framework header', async () => {
    const { data } = await run('{ framework { title summary version contentHash } }');
    expect(data!.framework).toEqual({
      title: framework.title,
      summary: framework.summary.markdown,
      version: framework.version,
      contentHash: framework.contentHash,
    });
  });
});

describe('search', () => {
  it('returns typed hits with snippets and scores', async () => {
    const { data } = await run(
      '{ search(text: "super coder", first: 3) { totalCount edges { node { type score snippet { text html highlights { start end } } entity { slug } } } } }',
    );
    const [hit] = data!.search.edges.map((e: { node: unknown }) => e.node);
    expect(hit.type).toMatch(/FAILURE_MODE|MISCONCEPTION/);
    expect(hit.entity.slug).toBe('super-coder');
    expect(hit.snippet.html).toContain('<mark>');
    expect(data!.search.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('pages forward through every hit with after, once each', async () => {
    const page = (after: string | null) =>
      run(
        'query($after: String) { search(text: "engineer", first: 4, after: $after) { totalCount edges { cursor node { entity { slug } } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
    const { data: whole } = await run('{ search(text: "engineer", first: 50) { totalCount edges { node { entity { slug } } } } }');
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const { data } = await page(after);
      seen.push(...data!.search.edges.map((e: { node: { entity: { slug: string } } }) => e.node.entity.slug));
      if (!data!.search.pageInfo.hasNextPage) break;
      after = data!.search.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole!.search.edges.map((e: { node: { entity: { slug: string } } }) => e.node.entity.slug));
    expect(seen).toHaveLength(whole!.search.totalCount);
  });

  it('rejects an out-of-range first or a cursor from another list, nulling search only', async () => {
    const { data: releases } = await run('{ releases(first: 1) { edges { cursor } } }');
    const { data, errors } = await run(
      'query($after: String) { framework { title } a: search(text: "x", first: 500) { totalCount } b: search(text: "x", after: $after) { totalCount } }',
      {
        after: releases!.releases.edges[0].cursor,
      },
    );
    expect(data).toEqual({ framework: { title: framework.title }, a: null, b: null });
    expect(errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['first must be between 1 and 50, got 500.', { code: 'BAD_USER_INPUT', argument: 'first', value: 500 }],
      [
        'after is not a cursor from search; pass the cursor of an edge you were given.',
        { code: 'BAD_USER_INPUT', argument: 'after', value: releases!.releases.edges[0].cursor },
      ],
    ]);
  });

  it('refuses a text over its limits, however it is sent', async () => {
    const { errors } = await run('query($text: String!) { search(text: $text) { totalCount } }', { text: 'a'.repeat(20_000) });
    expect(errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['text must be at most 200 characters, got 20000.', { code: 'BAD_USER_INPUT', argument: 'text', value: 20_000 }],
    ]);
  });
});

describe('client-chosen list sizes', () => {
  const ids = async (n: number) => {
    const { data } = await run('{ levels { id } }');
    return Array.from({ length: n }, () => data!.levels[0].id as string);
  };
  const slugs = (n: number) => Array.from({ length: n }, (_, i) => `slug-${i}`);

  it.each([
    ['nodes(ids:)', 'query($v: [ID!]!) { nodes(ids: $v) { id } }', () => ids(101), 'ids takes at most 100 IDs, got 101.'],
    [
      'changes(first:)',
      'query($v: Int) { changes(first: $v) { edges { cursor } } }',
      () => 501,
      'first must be between 0 and 500, got 501.',
    ],
    [
      'search(first:)',
      'query($v: Int!) { search(text: "staff", first: $v) { totalCount } }',
      () => 51,
      'first must be between 1 and 50, got 51.',
    ],
    [
      'compareLevels(slugs:)',
      'query($v: [String!]!) { compareLevels(slugs: $v) { levels { slug } } }',
      () => slugs(21),
      'slugs takes at most 20 level slugs, got 21.',
    ],
    [
      'compareLevels(dimensions:)',
      'query($v: [String!]) { compareLevels(slugs: ["staff", "principal"], dimensions: $v) { levels { slug } } }',
      () => slugs(21),
      'dimensions takes at most 20 dimension slugs, got 21.',
    ],
    [
      'Level.expectations(dimensions:)',
      'query($v: [String!]) { levels { expectations(dimensions: $v) { text } } }',
      () => slugs(21),
      'dimensions takes at most 20 dimension slugs, got 21.',
    ],
  ])('%s over its maximum is BAD_USER_INPUT naming the argument, the maximum and the size sent', async (_name, query, value, message) => {
    const sent = await value();
    const { errors } = await run(query, { v: sent });
    expect(errors?.length).toBeGreaterThan(0);
    const argument = message.split(' ')[0];
    for (const error of errors!)
      expect([error.message, error.extensions]).toEqual([
        message,
        { code: 'BAD_USER_INPUT', argument, value: Array.isArray(sent) ? sent.length : sent },
      ]);
  });

  it('answers a list at its maximum', async () => {
    const { data, errors } = await run('query($v: [ID!]!) { nodes(ids: $v) { id } }', { v: await ids(100) });
    expect(errors).toBeUndefined();
    expect(data!.nodes).toHaveLength(100);
  });

  it('declares every maximum on the field, with the same error, for the server to check and count before running anything', () => {
    const query = schema.getQueryType()!.getFields();
    const level = schema.getType('Level') as GraphQLObjectType;
    const declared = [query.nodes!, query.changes!, query.search!, query.compareLevels!, level.getFields().expectations!].map((field) =>
      Object.entries(field.extensions.listLimits as Record<string, ListLimit>).map(([name, l]) => [
        l.argument === name && name,
        l.max,
        l.omitted,
        l.tooMany(l.max + 1),
      ]),
    );
    expect(declared).toEqual([
      [['ids', 100, 0, 'ids takes at most 100 IDs, got 101.']],
      [['first', 500, 50, 'first must be between 0 and 500, got 501.']],
      [['first', 50, 10, 'first must be between 1 and 50, got 51.']],
      [
        ['slugs', 20, 0, 'slugs takes at most 20 level slugs, got 21.'],
        ['dimensions', 20, 'filter', 'dimensions takes at most 20 dimension slugs, got 21.'],
      ],
      [['dimensions', 20, 'filter', 'dimensions takes at most 20 dimension slugs, got 21.']],
    ]);
  });
});
