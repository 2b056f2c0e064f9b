import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { graphql } from 'graphql';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../graphql/schema.js';
import type { Framework } from '../../graph/types.js';
import { DEFAULT_CONTENT_DIR, REPO_ROOT } from '../../paths.js';
import { formatContentError } from '../content-error.js';
import { loadFramework, loadFrameworkOrThrow } from '../load-framework.js';

const ACME = path.join(REPO_ROOT, 'examples/acme-ladder/ladder');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

let upstream: Framework;
beforeAll(async () => {
  upstream = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});
const hashOf = (kind: 'Level' | 'Tension' | 'Capability', slug: string) => upstream.find(kind, slug)!.contentHash;

/** An overlay folder holding these files (an overlay.yaml naming it is added unless given). */
async function overlay(files: Record<string, string>, name = 'acme'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-overlay-'));
  dirs.push(dir);
  await writeFile(path.join(dir, 'overlay.yaml'), `overlay:\n  name: ${name}\n`);
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return dir;
}

async function load(overlays: string[], contentDir = DEFAULT_CONTENT_DIR) {
  const result = await loadFramework(contentDir, { overlays, cwd: os.tmpdir() });
  const rel = (e: Parameters<typeof formatContentError>[0]) => formatContentError(e, os.tmpdir()).replace(/^[^:]*\//, '');
  return result.ok
    ? { framework: result.framework, errors: [] as string[], warnings: result.warnings.map(rel) }
    : { framework: undefined, errors: result.errors.map(rel), warnings: [] as string[] };
}

const run = async (framework: Framework, source: string) =>
  (await graphql({ schema, source, contextValue: { framework } })) as { data?: any; errors?: unknown[] };

describe('amending', () => {
  it('merges maps key by key, replaces lists whole, and removes a field given null', async () => {
    const staff = upstream.find('Level', 'staff')!;
    const dir = await overlay({
      'levels.yaml': `levels:
  - slug: staff
    basedOn: ${hashOf('Level', 'staff')}
    title: Staff Engineer (L6)
    signalsBelow:
      - text: Nobody outside the team asks them anything.
        basis: interpreted
      - text: Their reviews never change a design.
        basis: interpreted
    expectations:
      time-horizon:
        headline: One or two quarters
`,
    });
    const { framework, errors } = await load([dir]);
    expect(errors).toEqual([]);
    const level = framework!.find('Level', 'staff')!;
    expect(level.title).toBe('Staff Engineer (L6)');
    expect(level.signalsBelow.map((s) => s.text.markdown)).toEqual([
      'Nobody outside the team asks them anything.',
      'Their reviews never change a design.',
    ]);
    const cell = level.expectations.find((e) => e.dimension.slug === 'time-horizon')!;
    const before = staff.expectations.find((e) => e.dimension.slug === 'time-horizon')!;
    expect([cell.headline, cell.text.markdown, cell.origin]).toEqual(['One or two quarters', before.text.markdown, 'amended']);
    expect(level.expectations.filter((e) => e.origin === 'amended')).toHaveLength(1);
    expect(level.summary.markdown).toBe(staff.summary.markdown);
    expect([level.origin, level.amendedFields]).toEqual(['amended', ['title', 'signalsBelow', 'expectations']]);
    expect(level.contentHash).not.toBe(staff.contentHash);
  });

  it('reports a field the overlay wrote at its own line, with did-you-mean', async () => {
    const dir = await overlay({
      'levels.yaml': `levels:\n  - slug: staff\n    basedOn: ${hashOf('Level', 'staff')}\n    titel: L6\n    expectations:\n      time-horizon:\n        basis: maybe\n`,
    });
    expect((await load([dir])).errors).toEqual([
      expect.stringMatching(/^levels\.yaml:4:5 levels\[0\]\.titel: unknown field "titel" \(did you mean "title"\?\)/),
      'levels.yaml:7:16 levels[0].expectations.time-horizon.basis: Invalid option: expected one of "sourced"|"interpreted"',
    ]);
  });

  it('names the upstream item a mistyped slug meant, and asks an amendment for its basedOn', async () => {
    const dir = await overlay({
      'levels.yaml': `levels:\n  - slug: principle\n    basedOn: ${hashOf('Level', 'staff')}\n    title: L8\n  - slug: staff\n    title: L6\n`,
    });
    expect((await load([dir])).errors).toEqual([
      'levels.yaml:2:11 levels[0].slug: there is no level "principle" to amend (did you mean "principal"?)',
      `levels.yaml:5:11 levels[1].slug: an amendment records the upstream item it was written against: add basedOn: ${hashOf('Level', 'staff')} (the level as it is now) once you have checked the entry against it`,
    ]);
  });
});

describe('adding and hiding', () => {
  it('checks an added item as a whole item, like content', async () => {
    const dir = await overlay({
      'levels.yaml': `levels:
  - slug: fellow
    title: Fellow
    rank: 9
    summary: The top of the ladder.
    description: Rare.
    basis: interpreted
    interpretation: Ours.
    signalsBelow:
      - { text: One., basis: interpreted }
      - { text: Two., basis: interpreted }
    sources: [{ source: najim-what-distinguished-engineers-actually-do, section: Introduction }]
    expectations:
      operating-scope: { headline: The industry, text: Beyond the company., basis: interpreted }
`,
    });
    const { errors } = await load([dir]);
    expect(errors.length).toBeGreaterThan(0);
    // Errors sort by absolute path, so where the overlay's temporary folder sits decides the order: look it up.
    expect(errors).toContainEqual(expect.stringMatching(/^levels\.yaml:\d+:\d+ levels\[0\]\.expectations: .*ownership-and-accountability/));
    // Capabilities and mechanisms need the new level too: reported at the upstream items, with the way to fix it.
    expect(errors.some((e) => /an upstream item: amend it in overlay acme/.test(e) && /fellow/.test(e))).toBe(true);
  });

  it('refuses to hide an item still referred to, naming each reference', async () => {
    const dir = await overlay({ 'levels.yaml': `levels:\n  - slug: principal\n    hidden: true\n` });
    const { errors } = await load([dir]);
    expect(errors.filter((e) => e.includes('which overlay acme hides'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/transitions\.yaml:\d+:\d+ transitions\[0\]\.to: refers to level "principal", which overlay acme hides/),
        expect.stringMatching(/transitions\.yaml:\d+:\d+ transitions\[1\]\.from: refers to level "principal", which overlay acme hides/),
      ]),
    );
  });

  it('hides an item nothing refers to', async () => {
    const dir = await overlay({ 'tensions.yaml': `tensions:\n  - slug: loneliness\n    hidden: true\n` });
    const { framework, errors } = await load([dir]);
    expect(errors).toEqual([]);
    expect(framework!.find('Tension', 'loneliness')).toBeUndefined();
    expect(framework!.tensions).toHaveLength(upstream.tensions.length - 1);
  });

  it('takes nothing but slug and basedOn on a hidden entry, and one entry per slug', async () => {
    const dir = await overlay({
      'tensions.yaml': `tensions:\n  - slug: loneliness\n    hidden: true\n    title: x\n  - slug: loneliness\n    hidden: true\n`,
    });
    expect((await load([dir])).errors).toEqual([
      'tensions.yaml:4:5 tensions[0].title: a hidden entry takes only slug (and basedOn): the item is not served, so there is nothing to amend',
    ]);
  });
});

describe('upstream updates under an amendment', () => {
  it('warns at the basedOn, naming the upstream version and the fields that changed', async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), 'altitude-content-'));
    dirs.push(content);
    await cp(DEFAULT_CONTENT_DIR, content, { recursive: true });
    const dir = await overlay({
      'levels.yaml': `levels:\n  - slug: staff\n    basedOn: ${hashOf('Level', 'staff')}\n    title: Staff Engineer (L6)\n`,
    });
    expect((await load([dir], content)).warnings).toEqual([]);

    // Upstream rewrites the staff summary.
    const levels = path.join(content, 'levels.yaml');
    await writeFile(
      levels,
      (await readFile(levels, 'utf8')).replace(
        'Leads the technical work of one team or several',
        'Leads the technical work of several teams',
      ),
    );
    const { framework, warnings } = await load([dir], content);
    const now = framework!.upstream!.find('Level', 'staff')!.contentHash;
    expect(warnings).toEqual([
      `levels.yaml:3:14 levels[0].basedOn: level "staff" changed upstream since this entry was written (upstream 0.2.0 with unreleased changes changed summary since 0.2.0); review the entry, then record basedOn: ${now} (altitude overlay pin)`,
    ]);
    // The amendment still applies on top of the new upstream text.
    expect(framework!.find('Level', 'staff')!.summary.markdown).toMatch(/^Leads the technical work of several teams/);
  });
});

describe('a stack of overlays', () => {
  it('applies them in order: a department amends what the company added', async () => {
    const company = await overlay(
      {
        'sources.yaml': `sources:\n  - slug: acme-handbook\n    title: Acme Handbook\n    summary: Ours.\n    sections: [Introduction, Levels]\n`,
      },
      'acme',
    );
    const department = await overlay(
      { 'sources.yaml': `sources:\n  - slug: acme-handbook\n    basedOn: sha256:${'0'.repeat(64)}\n    title: Acme Handbook (Platform)\n` },
      'platform',
    );
    const { framework, errors, warnings } = await load([company, department]);
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1); // the department's basedOn is not the company's item
    expect(framework!.find('Source', 'acme-handbook')).toMatchObject({ title: 'Acme Handbook (Platform)', origin: 'added' });
    expect(framework!.view).toEqual({ locale: 'en', overlays: ['acme', 'platform'] });
  });

  it('refuses two overlays of one name', async () => {
    const a = await overlay({}, 'acme');
    const b = await overlay({}, 'acme');
    expect((await load([a, b])).errors).toEqual([
      expect.stringMatching(/overlay\.yaml:2:9 overlay\.name: overlay "acme" is applied twice/),
    ]);
  });

  it('needs an overlay.yaml', async () => {
    const dir = await overlay({});
    await rm(path.join(dir, 'overlay.yaml'));
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'tensions.yaml'), 'tensions: []\n');
    expect((await load([dir])).errors).toEqual([expect.stringContaining('no overlay.yaml with an `overlay:` header')]);
  });
});

describe('the Acme example', () => {
  it('resolves without an error or a warning', async () => {
    const { framework, errors, warnings } = await load([ACME]);
    expect([errors, warnings]).toEqual([[], []]);
    expect(framework!.levels.map((l) => [l.title, l.origin])).toEqual([
      ['Staff Engineer (L6)', 'amended'],
      ['Senior Staff Engineer (L7)', 'added'],
      ['Principal Engineer (L8)', 'amended'],
      ['Distinguished Engineer (L9)', 'amended'],
      ['Fellow (L10)', 'added'],
    ]);
  });

  it('serves where each item comes from, and keeps the upstream original reachable by its own ID', async () => {
    const { framework } = await load([ACME]);
    const { data } = await run(
      framework!,
      `{ framework { title upstreamVersion overlays { name } } level(slug: "principal") { id key origin amendedFields upstream { id title origin } }
         fellow: level(slug: "fellow") { origin upstream { id } } tension(slug: "role-evolving-with-ai") { slug } }`,
    );
    expect(data.framework).toEqual({ title: 'Acme Engineering Ladder', upstreamVersion: '0.2.0', overlays: [{ name: 'acme' }] });
    expect(data.level.origin).toBe('AMENDED');
    expect(data.level.amendedFields).toContain('title');
    expect(data.level.upstream).toMatchObject({ title: 'Principal Engineer', origin: 'UPSTREAM' });
    expect(data.level.upstream.id).not.toBe(data.level.id);
    expect(data.fellow).toEqual({ origin: 'ADDED', upstream: null });
    expect(data.tension).toBeNull();
    const { data: refetched } = await run(
      framework!,
      `{ company: node(id: "${data.level.id}") { ... on Level { title } } original: node(id: "${data.level.upstream.id}") { ... on Level { title } } }`,
    );
    expect(refetched).toEqual({ company: { title: 'Principal Engineer (L8)' }, original: { title: 'Principal Engineer' } });
  });
});

describe('a slug the company added that upstream adds later', () => {
  it('is refused, naming both ways out, rather than merged into upstream', async () => {
    // The company's own whole tension, under a slug upstream has (as if upstream had added it since).
    const dir = await overlay({
      'tensions.yaml': `tensions:
  - slug: loneliness
    title: Being the only one
    summary: Few peers at Acme.
    basis: interpreted
    interpretation: Acme's own reading.
    description: Few people share the role's concerns.
    sources: [{ source: najim-what-distinguished-engineers-actually-do, section: Introduction }]
`,
    });
    expect((await load([dir])).errors).toEqual([
      `tensions.yaml:2:11 tensions[0].slug: upstream now has a tension "loneliness" too, and upstream owns its slugs: rename your item to keep it as your own (its key and IDs change with the slug), or make this entry an amendment of upstream's by adding basedOn: ${hashOf('Tension', 'loneliness')}`,
    ]);
  });
});
