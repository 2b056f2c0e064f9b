import { describe, expect, it } from 'vitest';
import { checkApiChanges } from './check.js';

const V1 = 'type Query { levels: [Level!]! level(slug: String!): Level } type Level { slug: String! title: String! rank: Int }';
// Removes Level.rank and makes Level.title nullable: two breaking changes.
const V2 = 'type Query { levels: [Level!]! level(slug: String!): Level } type Level { slug: String! title: String }';

const changelog = (...text: string[]) => text.join('\n');
const TABLE = ['### Breaking changes', '', '| Where | Change | Why |', '|---|---|---|'];
const RANK_ROW = '| `Level.rank` | `FIELD_REMOVED` | Ranks are implied by the order of `levels`. |';
const TITLE_ROW = '| `Level.title` | `FIELD_TYPE_CHANGED` | A level may be untitled while it is drafted. |';

const check = (snapshots: Record<string, string>, text: string, currentSdl: string) =>
  checkApiChanges({
    snapshots: Object.entries(snapshots).map(([version, sdl]) => ({ version, sdl })),
    changelog: text,
    currentSdl,
  });

describe('checkApiChanges', () => {
  it('fails on a breaking change the changelog does not list, naming path, type, message and section', async () => {
    const { problems } = await check({ '0.1.0': V1 }, changelog('## Unreleased', ...TABLE, TITLE_ROW, '## 0.1.0'), V2);
    expect(problems).toEqual([
      "`Level.rank` FIELD_REMOVED is a breaking change from 0.1.0 to the current schema with no row under `## Unreleased`: Field 'rank' was removed from object type 'Level'. " +
        'Add | `Level.rank` | `FIELD_REMOVED` | <why> | to its `### Breaking changes` table in docs/api-changes.md.',
    ]);
  });

  it('passes when every breaking change is listed', async () => {
    const result = await check({ '0.1.0': V1 }, changelog('## Unreleased', ...TABLE, RANK_ROW, TITLE_ROW, '## 0.1.0'), V2);
    expect(result.problems).toEqual([]);
    expect(result.latest).toBe('0.1.0');
    expect(result.unreleasedChanges.map((c) => [c.level, c.type, c.path])).toEqual(
      expect.arrayContaining([
        ['BREAKING', 'FIELD_REMOVED', 'Level.rank'],
        ['BREAKING', 'FIELD_TYPE_CHANGED', 'Level.title'],
      ]),
    );
  });

  it('reports a stale row and a row without a reason, by line', async () => {
    const text = changelog(
      '## Unreleased',
      ...TABLE,
      RANK_ROW,
      '| `Level.title` | `FIELD_TYPE_CHANGED` |   |',
      '| `Query.level` | `FIELD_REMOVED` | Was going to go. |',
      '## 0.1.0',
    );
    const { problems } = await check({ '0.1.0': V1 }, text, V2);
    expect(problems).toEqual([
      'docs/api-changes.md:7: the row `Level.title` FIELD_TYPE_CHANGED under `## Unreleased` has an empty Why; say why the change was worth breaking clients for and what they should do.',
      'docs/api-changes.md:8: the row `Query.level` FIELD_REMOVED under `## Unreleased` matches no breaking change from 0.1.0 to the current schema; remove it, or correct its Where and Change to what the check reports.',
    ]);
  });

  it('needs no row for additions, and reports them among the changes', async () => {
    const added = V1.replace('rank: Int }', 'rank: Int summary: String } type Source { slug: String! }');
    const result = await check({ '0.1.0': V1 }, changelog('## Unreleased', ...TABLE, '## 0.1.0'), added);
    expect(result.problems).toEqual([]);
    expect(result.unreleasedChanges.map((c) => [c.level, c.type, c.path])).toEqual([
      ['NON_BREAKING', 'TYPE_ADDED', 'Source'],
      ['NON_BREAKING', 'FIELD_ADDED', 'Source.slug'],
      ['NON_BREAKING', 'FIELD_ADDED', 'Level.summary'],
    ]);
  });

  it('checks each pair of snapshots against the newer version’s section, ordered by semver', async () => {
    const text = changelog('## Unreleased', ...TABLE, '## 0.10.0 — 2027-01-01', ...TABLE, RANK_ROW, '## 0.9.0 — 2026-12-01', '## 0.1.0');
    // 0.9.0 sorts before 0.10.0 by semver though not by name; it drops rank and keeps the title.
    const V09 = V1.replace(' rank: Int', '');
    const { problems } = await check({ '0.10.0': V2, '0.1.0': V1, '0.9.0': V09 }, text, V2);
    expect(problems).toEqual([
      expect.stringMatching(/^`Level.title` FIELD_TYPE_CHANGED is a breaking change from 0.9.0 to 0.10.0 with no row under `## 0.10.0`/),
      expect.stringMatching(
        /^docs\/api-changes.md:11: the row `Level.rank` FIELD_REMOVED under `## 0.10.0` matches no breaking change from 0.9.0 to 0.10.0/,
      ),
      expect.stringMatching(/^`Level.rank` FIELD_REMOVED is a breaking change from 0.1.0 to 0.9.0 with no row under `## 0.9.0`/),
    ]);
  });

  it('asks for the section when a version with breaking changes has none', async () => {
    const { problems } = await check({ '0.1.0': V1, '0.2.0': V2 }, changelog('## Unreleased', ...TABLE, '## 0.1.0'), V2);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/no row under `## 0.2.0`.*table in docs\/api-changes.md, adding the section first\.$/);
  });

  it('reports rows under the first snapshot, which has nothing to break, and a section with no snapshot', async () => {
    const text = changelog('## Unreleased', '## 0.2.0', '## 0.1.0', ...TABLE, RANK_ROW);
    const { problems } = await check({ '0.1.0': V1 }, text, V1);
    expect(problems).toEqual([
      expect.stringMatching(
        /^docs\/api-changes.md:8: the row `Level.rank` FIELD_REMOVED under `## 0.1.0` matches no breaking change \(0.1.0 has no earlier snapshot/,
      ),
      expect.stringMatching(/^docs\/api-changes.md:2: `## 0.2.0` names a version with no snapshot/),
    ]);
  });

  it('reports changelog errors by line instead of guessing at rows', async () => {
    const result = await check({ '0.1.0': V1 }, changelog('## Unreleased', ...TABLE, '| Level.rank | `FIELD_REMOVED` | x |'), V2);
    expect(result.problems).toEqual([expect.stringMatching(/^docs\/api-changes.md:6: Where must be the inspector path in backticks/)]);
    expect(result.unreleasedChanges).not.toEqual([]);
  });
});
