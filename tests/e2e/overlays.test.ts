import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { postGraphql, REPO_ROOT, runCli, startCliServer, type CliServer } from '../support/cli.js';

const ACME = path.join(REPO_ROOT, 'examples/acme-ladder');
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-overlays-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the Acme example, as its README runs it', () => {
  it('checks with the overlay its altitude.config.yaml names, strictly', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--strict'], { cwd: ACME });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^content OK with overlay acme on upstream 0\.2\.0: .*5 levels, 4 transitions/);
  });

  it('exports job profiles with its titles and job codes', async () => {
    const { code, stdout } = await runCli(['export', '--format', 'csv'], { cwd: ACME });
    expect(code).toBe(0);
    const rows = stdout
      .split('\n')
      .slice(1, 6)
      .map((line) => line.split(',').slice(0, 2).join(','));
    expect(rows).toEqual([
      'ENG-L6,Staff Engineer (L6)',
      'ENG-L7,Senior Staff Engineer (L7)',
      'ENG-L8,Principal Engineer (L8)',
      'ENG-L9,Distinguished Engineer (L9)',
      'ENG-L10,Fellow (L10)',
    ]);
  });

  it('lists what the overlay changes, as a table and as JSON', async () => {
    const table = await runCli(['overlay', 'diff'], { cwd: ACME });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Overlay acme on upstream 0\.2\.0: 6 added, \d+ amended, 2 hidden\n/);
    expect(table.stdout).toContain('title: "Staff Engineer" → "Staff Engineer (L6)"');
    const json = JSON.parse((await runCli(['overlay', 'diff', '--json'], { cwd: ACME })).stdout) as {
      added: { type: string; slug: string }[];
      hidden: { type: string; slug: string }[];
      amended: { slug: string; changes: { field: string; before: unknown; after: unknown }[] }[];
    };
    expect(json.added.map((i) => `${i.type}:${i.slug}`)).toContain('Level:fellow');
    expect(json.hidden.map((i) => `${i.type}:${i.slug}`).sort()).toEqual([
      'Tension:role-evolving-with-ai',
      'Transition:staff-to-principal',
    ]);
    expect(json.amended.find((i) => i.slug === 'staff')!.changes).toEqual([
      { field: 'title', before: 'Staff Engineer', after: 'Staff Engineer (L6)' },
    ]);
  });
});

describe('several overlays from the command line', () => {
  it('apply in the order given: a department on top of the company', async () => {
    const department = path.join(work, 'platform-org');
    await mkdir(department);
    await writeFile(path.join(department, 'overlay.yaml'), 'overlay:\n  name: platform-org\n  title: Platform Org Ladder\n');
    const hash = (await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR, { overlays: [path.join(ACME, 'ladder')] })).find(
      'Level',
      'fellow',
    )!.contentHash;
    await writeFile(
      path.join(department, 'levels.yaml'),
      `levels:\n  - slug: fellow\n    basedOn: ${hash}\n    title: Platform Fellow (L10)\n`,
    );
    const { code, stdout, stderr } = await runCli(['check', '--strict', '--overlay', path.join(ACME, 'ladder'), '--overlay', department]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^content OK with overlays acme, platform-org on upstream 0\.2\.0:/);
    const diff = JSON.parse(
      (await runCli(['overlay', 'diff', '--json', '--overlay', path.join(ACME, 'ladder'), '--overlay', department])).stdout,
    ) as {
      overlays: string[];
      added: { slug: string; title: string }[];
    };
    expect(diff.overlays).toEqual(['acme', 'platform-org']);
    expect(diff.added.find((i) => i.slug === 'fellow')!.title).toBe('Platform Fellow (L10)');
  });
});

describe('an overlay from init to an upstream upgrade', () => {
  it('starts, amends, warns when upstream moves, and pins after review', async () => {
    const content = path.join(work, 'content');
    await cp(DEFAULT_CONTENT_DIR, content, { recursive: true });
    const ladder = path.join(work, 'ladder');
    const cli = (...args: string[]) => runCli([...args, '--content', content], { cwd: work });

    const init = await runCli(['overlay', 'init', 'ladder', '--content', content], { cwd: work });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('Wrote a starter overlay "ladder" to ladder/');
    expect(await cli('check', '--overlay', 'ladder', '--strict')).toMatchObject({ code: 0 });
    expect((await runCli(['overlay', 'init', 'ladder'], { cwd: work })).code).toBe(2);

    // An amendment without basedOn is an error naming the hash to record; pin records it.
    await writeFile(
      path.join(ladder, 'levels.yaml'),
      '# Our levels\nlevels:\n  - slug: staff # the first rung\n    title: Staff Engineer (L6)\n',
    );
    const missing = await cli('check', '--overlay', 'ladder');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^ladder\/levels\.yaml:3:11 levels\[0\]\.slug: an amendment records the upstream item it was written against: add basedOn: sha256:/,
    );
    const pinned = await cli('overlay', 'pin', '--overlay', 'ladder');
    expect(pinned.code, pinned.stderr).toBe(0);
    expect(pinned.stdout).toMatch(
      /^ladder\/levels\.yaml: levels "staff" basedOn recorded: sha256:[0-9a-f]{64}\nPinned 1 of 1 entries in 1 file\.\n$/,
    );
    const hash = (await loadFrameworkOrThrow(content)).find('Level', 'staff')!.contentHash;
    expect(await readFile(path.join(ladder, 'levels.yaml'), 'utf8')).toBe(
      `# Our levels\nlevels:\n  - slug: staff # the first rung\n    basedOn: ${hash}\n    title: Staff Engineer (L6)\n`,
    );
    expect(await cli('check', '--overlay', 'ladder', '--strict')).toMatchObject({ code: 0 });

    // Upstream changes the amended level: a warning, an error under --strict, and pin after review.
    const levels = path.join(content, 'levels.yaml');
    await writeFile(
      levels,
      (await readFile(levels, 'utf8')).replace(
        'Leads the technical work of one team or several',
        'Leads the technical work of several teams',
      ),
    );
    const warned = await cli('check', '--overlay', 'ladder');
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(
      /^warning: ladder\/levels\.yaml:4:14 levels\[0\]\.basedOn: level "staff" changed upstream since this entry was written \(upstream 0\.2\.0 with unreleased changes changed summary since 0\.2\.0\)/,
    );
    expect(warned.stdout).toMatch(/; 1 warning\nlocales: /);
    expect((await cli('check', '--overlay', 'ladder', '--strict')).code).toBe(1);
    expect((await cli('overlay', 'pin', '--overlay', 'ladder')).stdout).toContain('basedOn updated');
    expect(await cli('check', '--overlay', 'ladder', '--strict')).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('altitude serve --watch with an overlay', () => {
  let server: CliServer;
  let ladder: string;
  beforeAll(async () => {
    ladder = path.join(work, 'watched');
    await cp(path.join(ACME, 'ladder'), ladder, { recursive: true });
    server = await startCliServer(['--watch', '--overlay', ladder]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('shows the company ladder on the demo page, with what the overlay changes, axe clean', async () => {
    const browser = await launchChromium();
    try {
      // axe is injected as a script, which the demo page's CSP would refuse.
      const page = await browser.newPage({ bypassCSP: true });
      await page.goto(`${server.url}/`);
      const summary = page.locator('section.overlay');
      // The first read waits for the page to draw the section; a busy machine takes more than poll's default second.
      await expect.poll(() => summary.locator('caption').textContent(), { timeout: 15_000 }).toBe('What the overlay changes');
      expect(await summary.locator('p').first().textContent()).toMatch(
        /^Acme Engineering Ladder is the upstream framework 0\.2\.0 with overlay acme applied: 6 added, \d+ amended, 2 hidden\./,
      );
      expect(await summary.locator('tr', { hasText: 'fellow' }).locator('td').first().textContent()).toBe('Added');
      expect(await summary.locator('tr', { hasText: 'role-evolving-with-ai' }).locator('td').first().textContent()).toBe('Hidden');
      // The builder offers the company's levels.
      expect(await page.locator('.builder').textContent()).toContain('Fellow (L10)');
      expect(await axeViolations(page, 'section.overlay')).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('logs the overlay and its stale amendments at start, and keeps the last good result through a broken edit', async () => {
    expect(server.logs.find((l) => l.msg === 'listening')).toMatchObject({
      overlays: ['acme'],
      upstreamVersion: '0.2.0',
      staleAmendments: 0,
    });
    const title = async () => (await postGraphql(server.url, '{ level(slug: "staff") { title } }')).body.data.level.title as string;
    expect(await title()).toBe('Staff Engineer (L6)');
    const file = path.join(ladder, 'levels.yaml');
    const good = await readFile(file, 'utf8');

    await writeFile(file, good.replace('title: Staff Engineer (L6)', 'titel: Staff Engineer (L6)'));
    const failure = await server.waitForLog((l) => l.msg === 'content reload failed; still serving the last good content');
    expect((failure.errors as string[]).join('\n')).toMatch(
      /levels\.yaml:\d+:\d+ levels\[0\]\.titel: unknown field "titel" \(did you mean "title"\?\)/,
    );
    expect(await title()).toBe('Staff Engineer (L6)');

    await writeFile(file, good.replace('title: Staff Engineer (L6)', 'title: Staff Engineer (Level 6)'));
    await vi.waitFor(async () => expect(await title()).toBe('Staff Engineer (Level 6)'), { timeout: 10_000 });
  });
});

describe("a company's releases and change feed", () => {
  it('records the upstream version it was built on, and an upstream upgrade shows as what it changes for the company', async () => {
    const root = path.join(work, 'company-release');
    const content = path.join(root, 'content');
    const ladder = path.join(root, 'ladder');
    await cp(DEFAULT_CONTENT_DIR, content, { recursive: true });
    await cp(path.join(ACME, 'ladder'), ladder, { recursive: true });
    const cli = (...args: string[]) => runCli([...args, '--content', content, '--overlay', ladder], { cwd: root });

    const released = await cli('release', '1.0.0');
    expect(released.code, released.stderr).toBe(0);
    expect(released.stdout).toMatch(
      /^Released 1\.0\.0 on upstream 0\.2\.0: \d+ changes since the beginning \(\d+ created, 0 updated, 0 deleted\)\. Snapshot: ladder\/releases\/1\.0\.0\.json\n$/,
    );
    const file = JSON.parse(await readFile(path.join(ladder, 'releases/1.0.0.json'), 'utf8')) as {
      version: string;
      upstreamVersion: string;
    };
    expect([file.version, file.upstreamVersion]).toEqual(['1.0.0', '0.2.0']);
    expect(await readFile(path.join(ladder, 'overlay.yaml'), 'utf8')).toMatch(/\n {2}version: 1\.0\.0\n/);
    expect(await readFile(path.join(content, 'framework.yaml'), 'utf8')).toMatch(/\n {2}version: "?0\.2\.0"?\n/);

    // Upstream edits a tension Acme hides and one it serves.
    const tensions = path.join(content, 'tensions.yaml');
    const text = await readFile(tensions, 'utf8');
    await writeFile(
      tensions,
      text
        .replace(/(slug: role-evolving-with-ai\n\s+title: )(.*)/, '$1AI changes the role')
        .replace(/(slug: loneliness\n\s+title: )(.*)/, '$1Few peers'),
    );
    const server = await startCliServer(['--content', content, '--overlay', ladder]);
    try {
      const { body } = await postGraphql(
        server.url,
        '{ frameworkVersion { version released } releases { edges { node { version upstreamVersion } } } changes(first: 200) { edges { node { kind subjectType slug toVersion changedFields } } } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.frameworkVersion).toEqual({ version: '1.0.0', released: false });
      expect(body.data.releases.edges).toEqual([{ node: { version: '1.0.0', upstreamVersion: '0.2.0' } }]);
      const unreleased = body.data.changes.edges
        .map((e: { node: Record<string, unknown> }) => e.node)
        .filter((e: { toVersion: unknown }) => e.toVersion === null);
      expect(unreleased).toEqual([
        { kind: 'UPDATED', subjectType: 'TENSION', slug: 'loneliness', toVersion: null, changedFields: ['title'] },
      ]);
    } finally {
      await server.stop();
    }
  });
});
