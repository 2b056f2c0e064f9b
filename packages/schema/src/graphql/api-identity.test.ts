import { graphql, type ExecutionResult } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../loader/load-framework.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ENTITY_KINDS, type Framework } from '../graph/types.js';
import { diffSnapshots } from '../releases/change-feed.js';
import type { FrameworkExportJson } from '../export/export-model.js';
import { exportFramework } from '../export/canonical.js';
import { decodeGlobalId, encodeGlobalId } from './global-id.js';
import { schema } from './schema.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

type Result = ExecutionResult & { data?: Record<string, any> };
const run = async (source: string, variableValues?: Record<string, unknown>, served = framework): Promise<Result> =>
  (await graphql({ schema, source, variableValues, contextValue: { framework: served } })) as Result;

describe('global IDs', () => {
  it('differ by view while the key stays the same, and node() refetches only what its view served', async () => {
    const query = '{ level(slug: "staff") { id key } }';
    const upstream = (await run(query)).data!.level;
    // A company's view: an overlay that changes nothing still makes its own objects.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-view-'));
    try {
      await writeFile(path.join(dir, 'overlay.yaml'), 'overlay:\n  name: acme\n');
      const acme = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR, { overlays: [dir] });
      const amended = (await run(query, undefined, acme)).data!.level;
      expect(amended.id).not.toBe(upstream.id);
      expect(amended.key).toBe(upstream.key);
      expect(upstream.key).toBe('Level:staff');
      expect(decodeGlobalId(amended.id)).toEqual({ typename: 'Level', id: 'staff', locale: 'en', view: 'acme' });

      const refetch = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
      // French is not served here.
      const german = encodeGlobalId('Level', 'staff', { locale: 'fr', overlays: [] });
      const ids = [upstream.id, amended.id, german];
      expect((await run(refetch, { ids })).data!.nodes).toEqual([{ id: upstream.id }, null, null]);
      // The company's server serves its own objects, and upstream's originals beside them, by their own IDs.
      expect((await run(refetch, { ids }, acme)).data!.nodes).toEqual([{ id: upstream.id }, { id: amended.id }, null]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('still resolve an API 0.1 ID (base64 of Type:slug) to the upstream English object', async () => {
    const { data } = await run(`{ node(id: "${Buffer.from('Level:staff').toString('base64')}") { id ... on Level { slug } } }`);
    expect(data!.node.slug).toBe('staff');
    expect(decodeGlobalId(data!.node.id).view).toBe('upstream');
  });

  it('refuse an ID longer than any this API makes without decoding it', async () => {
    const { data, errors } = await run('query($id: ID!) { node(id: $id) { id } }', { id: 'A'.repeat(100_000) });
    expect(data).toEqual({ node: null });
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id', value: 100_000 });
  });
});

describe('expectations as nodes', () => {
  it('serve one ID per cell wherever the cell is reached, and node() returns it', async () => {
    const { data } = await run(`{
      level(slug: "principal") { expectations { id key contentHash dimension { slug } } }
      dimension(slug: "time-horizon") { expectations { id level { slug } } }
      compareLevels(slugs: ["staff", "principal"], dimensions: ["time-horizon"]) { rows { cells { id } } }
      expectation(level: "principal", dimension: "time-horizon") { id headline }
    }`);
    const viaLevel = data!.level.expectations.find((e: { dimension: { slug: string } }) => e.dimension.slug === 'time-horizon');
    const viaDimension = data!.dimension.expectations.find((e: { level: { slug: string } }) => e.level.slug === 'principal');
    const viaComparison = data!.compareLevels.rows[0].cells[1];
    expect(new Set([viaLevel.id, viaDimension.id, viaComparison.id, data!.expectation.id]).size).toBe(1);
    expect(viaLevel.key).toBe('Expectation:principal/time-horizon');
    expect(viaLevel.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const { data: refetched } = await run(`{ node(id: "${viaLevel.id}") { ... on Expectation { headline level { slug } } } }`);
    expect(refetched!.node).toEqual({ headline: data!.expectation.headline, level: { slug: 'principal' } });
  });

  it('answer null for a level or dimension that does not exist', async () => {
    const { data, errors } = await run('{ expectation(level: "staff", dimension: "nope") { id } }');
    expect(errors).toBeUndefined();
    expect(data!.expectation).toBeNull();
  });
});

describe('lookups and counts', () => {
  it('look every entity type and sources up by slug', async () => {
    const singular: Record<string, [string, string]> = {
      Dimension: ['dimension', 'dimensions'],
      Level: ['level', 'levels'],
      Transition: ['transition', 'transitions'],
      LeverageMechanism: ['leverageMechanism', 'leverageMechanisms'],
      FailureMode: ['failureMode', 'failureModes'],
      OrgPractice: ['orgPractice', 'orgPractices'],
      Capability: ['capability', 'capabilities'],
      Tension: ['tension', 'tensions'],
      Misconception: ['misconception', 'misconceptions'],
      GlossaryTerm: ['glossaryTerm', 'glossary'],
      Source: ['source', 'sources'],
    };
    expect(Object.keys(singular).sort()).toEqual([...ENTITY_KINDS, 'Source'].sort());
    for (const [one, all] of Object.values(singular)) {
      const { data } = await run(`{ ${all} { id slug } }`);
      const items = data![all] as { id: string; slug: string }[];
      const last = items.at(-1)!;
      const found = await run(`{ hit: ${one}(slug: "${last.slug}") { id } miss: ${one}(slug: "no-such-slug") { id } }`);
      expect(found.data, one).toEqual({ hit: { id: last.id }, miss: null });
    }
  });

  it('count entities and sources the same way for the framework and its release', async () => {
    const { data } = await run('{ framework { entityCount } frameworkVersion { released } release(version: "0.2.0") { entityCount } }');
    expect(data!.frameworkVersion.released).toBe(true);
    expect(data!.framework.entityCount).toBe(framework.entities.length + framework.sources.length);
    expect(data!.release.entityCount).toBe(data!.framework.entityCount);
  });

  it('serve releases as nodes and as a connection paged forward', async () => {
    const { data } = await run(
      '{ releases(first: 2) { totalCount edges { node { id version publishedAt } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(data!.releases.totalCount).toBe(framework.releases.length);
    expect(data!.releases.edges.map((e: { node: { version: string } }) => e.node.version)).toEqual(['0.1.0', '0.1.1']);
    expect(data!.releases.edges[0].node.publishedAt).toBe('2026-11-21T20:21:46.439Z');
    const rest = await run('query($after: String) { releases(after: $after) { edges { node { version } } pageInfo { hasNextPage } } }', {
      after: data!.releases.pageInfo.endCursor,
    });
    expect(rest.data!.releases.edges.map((e: { node: { version: string } }) => e.node.version)).toEqual(['0.2.0']);
    const node = await run(`{ node(id: "${data!.releases.edges[1].node.id}") { ... on Release { version } } }`);
    expect(node.data!.node).toEqual({ version: '0.1.1' });
  });

  it('declare dates and URLs as scalars with their specifications', async () => {
    const { data } = await run(
      '{ d: __type(name: "DateTime") { specifiedByURL } day: __type(name: "Date") { specifiedByURL } u: __type(name: "URL") { specifiedByURL } }',
    );
    expect(Object.values(data!).every((t) => /^https:\/\//.test((t as { specifiedByURL: string }).specifiedByURL))).toBe(true);
  });
});

describe('change events', () => {
  it('link each event to its subject, typed, with opaque IDs unique across the feed', async () => {
    const { data } = await run(
      '{ changes(first: 500) { edges { node { id kind subjectType slug subjectId subject { id } toVersion } } } }',
    );
    const events = data!.changes.edges.map((e: { node: unknown }) => e.node) as {
      id: string;
      kind: string;
      subjectType: string;
      slug: string;
      subjectId: string;
      subject: { id: string } | null;
    }[];
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const event of events) {
      const live = event.subject !== null;
      // Deleted subjects (here or later) have no live object, but keep their ID for cache eviction.
      if (live) expect(event.subject!.id).toBe(event.subjectId);
      if (event.kind === 'DELETED') expect(event.subject).toBeNull();
      expect(decodeGlobalId(event.subjectId).typename).toBe(
        event.subjectType.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase()),
      );
    }
    expect(events.filter((e) => e.subjectType === 'EXPECTATION').length).toBeGreaterThan(0);
    const refetched = await run(`{ node(id: "${events[3]!.id}") { ... on ChangeEvent { slug } } }`);
    expect(refetched.data!.node.slug).toBe(events[3]!.slug);
  });

  it('report an edited expectation as itself, and name changed fields as the schema does', () => {
    const before = exportFramework(framework, '');
    const level = before.levels[0]!;
    const misconception = before.misconceptions.find((m) => m.relatedFailureModes.length > 0)!;
    const after: FrameworkExportJson = {
      ...before,
      levels: [
        {
          ...level,
          contentHash: `sha256:${'1'.repeat(64)}`,
          expectations: level.expectations.map((cell, i) => (i === 0 ? { ...cell, headline: 'Edited' } : cell)),
        },
        ...before.levels.slice(1),
      ],
      misconceptions: before.misconceptions.map((m) =>
        m === misconception ? { ...m, relatedFailureModes: [], contentHash: `sha256:${'2'.repeat(64)}` } : m,
      ),
    };
    const events = diffSnapshots(
      { version: '0.2.0', publishedAt: null, snapshot: before },
      { version: null, publishedAt: null, snapshot: after },
    );
    expect(events.map((e) => [e.subjectKind, e.slug, e.changedFields])).toEqual([
      ['Level', level.slug, ['expectations']],
      ['Expectation', `${level.slug}/${level.expectations[0]!.dimension}`, ['headline']],
      ['Misconception', misconception.slug, ['failureModes']],
    ]);
    expect(events[1]!.entity).toMatchObject({ level: level.slug, headline: 'Edited' });
  });

  it('give an unreleased event a new ID when the unreleased content changes again', () => {
    const before = exportFramework(framework, '');
    const edit = (headline: string): FrameworkExportJson => ({
      ...before,
      levels: before.levels.map((l, i) =>
        i === 0 ? { ...l, expectations: l.expectations.map((c, j) => (j === 0 ? { ...c, headline } : c)) } : l,
      ),
    });
    const from = { version: '0.2.0', publishedAt: null, snapshot: before };
    const keyOf = (headline: string) =>
      diffSnapshots(from, { version: null, publishedAt: null, snapshot: edit(headline) }).find((e) => e.subjectKind === 'Expectation')!.key;
    expect(keyOf('First edit')).not.toBe(keyOf('Second edit'));
    expect(keyOf('First edit')).toBe(keyOf('First edit'));
  });
});
