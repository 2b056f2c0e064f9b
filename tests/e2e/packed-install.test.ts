import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { postGraphql, REPO_ROOT, type CliServer } from '../support/cli.js';
import { createPackedProject, type PackedProject } from '../support/packed-project.js';

// Packing and installing take seconds with the workspace's pnpm store; a cold
// store downloads every dependency.
const INSTALL_TIMEOUT_MS = 180_000;

let project: PackedProject;
beforeAll(async () => {
  project = await createPackedProject();
}, INSTALL_TIMEOUT_MS);
afterAll(async () => {
  await project?.remove();
});

/** The files under `dir` in the repository, relative to it, that `keep` accepts. */
async function repoFiles(dir: string, keep: (file: string) => boolean): Promise<string[]> {
  const entries = await readdir(path.join(REPO_ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter(keep)
    .sort();
}

describe('the packed packages', () => {
  it('hold what runs, and no sources, tests or build state', () => {
    for (const { files } of Object.values(project.packed)) {
      expect(files.filter((f) => /^src\/|\.test\.|(^|\/)test-|\.tsbuildinfo$/.test(f))).toEqual([]);
      expect(files).toContain('package.json');
    }
    expect(project.packed['@altitude/server'].files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'dist/index.d.ts']));
    expect(project.packed['@altitude/schema'].files).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'schema.graphql', 'framework.schema.json']),
    );
    expect(project.packed['@altitude/widgets'].files).toEqual(
      expect.arrayContaining([
        'dist/altitude-widgets.js',
        'dist/altitude-embed.js',
        'dist/ssr.js',
        'dist/index.d.ts',
        'persisted-operations.json',
        'custom-elements.json',
      ]),
    );
  });

  it('ship the repository content with @altitude/schema and the demo assets with @altitude/server', async () => {
    const content = await repoFiles(
      'content',
      (f) =>
        /^content\/[^/]+\.yaml$/.test(f) ||
        f === 'content/content.schema.json' ||
        /^content\/releases\/[^/]+\.json$/.test(f) ||
        /^content\/locales\/[^/]+\/[^/]+\.yaml$/.test(f),
    );
    expect(content).toContain('content/framework.yaml');
    expect(content.some((f) => f.startsWith('content/releases/'))).toBe(true);
    expect(project.packed['@altitude/schema'].files.filter((f) => f.startsWith('content/')).sort()).toEqual(content);

    const assets = (await repoFiles('packages/server/assets', () => true)).map((f) => path.posix.relative('packages/server', f));
    expect(project.packed['@altitude/server'].files.filter((f) => f.startsWith('assets/')).sort()).toEqual(assets);
  });
});

describe('installed outside the workspace', () => {
  it('`npx altitude check` passes on the content @altitude/schema ships', async () => {
    const { code, stdout, stderr } = await project.npx(['check']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(
      /^content OK: 2 sources, .*3 levels.*\(\d+ files, version .+\)\nlocales: en \(source, \d+ strings\); translated: de .*, ja /,
    );
  });

  describe('`altitude serve`', () => {
    let server: CliServer;
    let browser: Browser;
    beforeAll(async () => {
      [server, browser] = await Promise.all([project.serve(), launchChromium()]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('answers GraphQL from the shipped content', async () => {
      const { status, body } = await postGraphql(server.url, '{ levels { slug } }');
      expect(status).toBe(200);
      expect(body).toEqual({ data: { levels: [{ slug: 'staff' }, { slug: 'principal' }, { slug: 'distinguished' }] } });
    });

    it('serves the widget scripts from @altitude/widgets: the loader, every chunk it names and the one-file bundle', async () => {
      const loader = await fetch(`${server.url}/widgets.js`);
      expect(loader.status).toBe(200);
      expect(loader.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const chunks = [...(await loader.text()).matchAll(/["'`]\.\/(widgets\/[\w~-]+\.js)["'`]/g)].map((m) => m[1]!);
      expect(chunks.length).toBeGreaterThan(5);
      for (const chunk of chunks) expect((await fetch(`${server.url}/${chunk}`)).status, chunk).toBe(200);
      const all = await fetch(`${server.url}/widgets-all.js`);
      expect((await all.text()).length).toBeGreaterThan(10_000);
    });

    it('serves GraphiQL with its assets inlined', async () => {
      const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('GraphiQL');
    });

    it('renders real data in the widgets of the demo page, in Chromium', async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      try {
        await page.goto(`${server.url}/`);
        await page.waitForFunction(
          () => [...document.querySelectorAll('de-level-compare')].some((e) => e.shadowRoot?.textContent?.includes('Staff Engineer')),
          undefined,
          { timeout: 15_000 },
        );
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});

describe('a company project that holds only its overlay', () => {
  let company: PackedProject;
  let server: CliServer;
  let browser: Browser;
  beforeAll(async () => {
    // The Acme example as a company keeps it: altitude.config.yaml naming ./ladder, and the ladder.
    const example = path.join(REPO_ROOT, 'examples/acme-ladder');
    const files: Record<string, string> = { 'altitude.config.yaml': await readFile(path.join(example, 'altitude.config.yaml'), 'utf8') };
    for (const name of await readdir(path.join(example, 'ladder')))
      files[`ladder/${name}`] = await readFile(path.join(example, 'ladder', name), 'utf8');
    company = await createPackedProject({ files });
    [server, browser] = await Promise.all([company.serve(), launchChromium()]);
  }, INSTALL_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await company?.remove();
  });

  it('`altitude check` applies the overlay the config names, on the upstream content the packages ship', async () => {
    const { code, stdout, stderr } = await company.npx(['check', '--strict']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^content OK with overlay acme on upstream \d+\.\d+\.\d+: .*5 levels/);
  });

  it('`altitude serve` answers with the company ladder', async () => {
    const { body } = await postGraphql(server.url, '{ framework { title overlays { name } } levels { title origin } }');
    expect(body.data.framework).toEqual({ title: 'Acme Engineering Ladder', overlays: [{ name: 'acme' }] });
    expect(body.data.levels.map((l: { title: string }) => l.title)).toEqual([
      'Staff Engineer (L6)',
      'Senior Staff Engineer (L7)',
      'Principal Engineer (L8)',
      'Distinguished Engineer (L9)',
      'Fellow (L10)',
    ]);
  });

  it('renders the company titles in a widget, in Chromium', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(
        `<script type="module" src="${server.url}/widgets.js"></script><de-level-compare levels="staff senior-staff principal"></de-level-compare>`,
      );
      await page.waitForFunction(
        () => document.querySelector('de-level-compare')?.shadowRoot?.textContent?.includes('Senior Staff Engineer (L7)'),
        undefined,
        { timeout: 15_000 },
      );
    } finally {
      await page.close();
    }
  });
});
