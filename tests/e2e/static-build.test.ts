import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { runCli, startCliServer, type CliServer } from '../support/cli.js';
import { allRendered, TAGS } from '../support/widget-page.js';

// A static build served by a plain static file server (sirv, no Altitude
// code at all): the widgets render from it in Chromium.

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wiki</title>
<script type="module" src="/widgets.js"></script></head><body>
<de-level-compare levels="distinguished staff" dimensions="time-horizon"></de-level-compare>
<de-level-card level="principal"></de-level-card>
<de-failure-mode-card mode="super-coder"></de-failure-mode-card>
<de-failure-mode-grid></de-failure-mode-grid>
<de-leverage-mechanisms></de-leverage-mechanisms>
</body></html>`;

let work: string;
let out: string;
let files: Server;
let origin: string;
let serveStatic: ReturnType<typeof sirv> | undefined;
let altitude: CliServer;
let browser: Browser;
let build: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'altitude-static-'));
  out = path.join(work, 'site');
  files = createServer((req, res) => {
    if (req.url === '/wiki.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (!serveStatic) return void res.writeHead(503).end();
    serveStatic(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  [build, altitude, browser] = await Promise.all([
    runCli(['build-static', '--out', out, '--public-url', origin]),
    startCliServer(),
    launchChromium(),
  ]);
  serveStatic = sirv(out, { dotfiles: false, etag: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await altitude?.stop();
  await new Promise((resolve) => files?.close(resolve));
  await rm(work, { recursive: true, force: true });
});

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : Promise.resolve([`${prefix}${e.name}`]),
    ),
  );
  return nested.flat().sort();
}

describe('altitude build-static', () => {
  it('writes the bundle, every export, embed page, snippet and persisted answer', async () => {
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/Wrote \d+ files \([\d.]+ MB\) to .* for http:\/\/127\.0\.0\.1:\d+\n$/);
    const written = await listFiles(out);
    for (const file of [
      'widgets.js',
      'embed.js',
      'export/framework.json',
      'export/levels.csv',
      'export/framework.jsonld',
      'export/framework.schema.json',
      'embed/level/staff.html',
      'embed/failure-mode/super-coder.html',
      'embed/failure-modes.html',
      'embed/leverage-mechanisms.html',
      'embed/level-compare/staff,principal,distinguished.html',
      'snippet/level/principal.md',
      'snippet/level-compare/distinguished,staff.html',
    ])
      expect(written).toContain(file);
    const answers = written.filter((f) => f.startsWith('graphql/'));
    // 3 level cards, 4 failure-mode cards, the grid, the mechanisms, 12 orderings of 2 or 3 levels.
    expect(answers).toHaveLength(3 + 4 + 1 + 1 + 12);
  });

  it('writes each answer with the same bytes a server sends for the same request', async () => {
    const response = await fetch(`${origin}/widgets.js`);
    expect(response.status).toBe(200);
    const answers = (await listFiles(out)).filter((f) => f.includes('slug=principal'));
    const [file] = answers;
    const id = file!.split('/')[1]!;
    const server = await fetch(`${altitude.url}/graphql?id=${id}&variables=${encodeURIComponent('{"slug":"principal"}')}`, {
      headers: { accept: 'application/graphql-response+json, application/json' },
    });
    expect(Buffer.from(await server.arrayBuffer()).equals(await readFile(path.join(out, file!)))).toBe(true);
  });

  it('serves widgets that render from the static files alone, in Chromium', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${origin}/wiki.html`);
      // One of each element on the wiki page.
      await allRendered(page, TAGS.length);
      const rows = await page.evaluate(() =>
        [...document.querySelector('de-level-compare')!.shadowRoot!.querySelectorAll('[part~="row-header"]')].map((th) =>
          th.textContent?.trim(),
        ),
      );
      expect(rows).toEqual(['Time horizon']);
      expect(requests.filter((p) => p.startsWith('/graphql/'))).toHaveLength(5);
      expect(requests.some((p) => p === '/graphql')).toBe(false);
      expect(problems).toEqual([]);

      // An attribute the build has no file for is a clear error, not a broken widget.
      await page.evaluate(() => document.querySelector('de-level-card')!.setAttribute('level', 'senior'));
      await page.waitForFunction(() => document.querySelector('de-level-card')!.shadowRoot!.querySelector('[part~="error"]'));
      const message = await page.evaluate(
        () => document.querySelector('de-level-card')!.shadowRoot!.querySelector('[part~="error"]')!.textContent,
      );
      expect(message).toContain('have no answer for these attributes');
    } finally {
      await page.close();
    }
  });

  it('serves embed pages that work from the static host', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/embed/level-compare/staff,principal.html`);
      const heading = await page.evaluate(
        () => document.querySelector('de-level-compare')!.shadowRoot!.querySelector('[part~="heading"]')?.textContent,
      );
      expect(heading).toContain('Staff Engineer and Principal Engineer compared');
    } finally {
      await page.close();
    }
  });

  it('refuses to replace a folder that is not an earlier build, and replaces one that is', async () => {
    const other = path.join(work, 'precious');
    await mkdir(other);
    await writeFile(path.join(other, 'notes.txt'), 'keep me');
    const refused = await runCli(['build-static', '--out', other, '--public-url', origin]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty and is not an earlier static build');
    expect(await readFile(path.join(other, 'notes.txt'), 'utf8')).toBe('keep me');
    const again = await runCli(['build-static', '--out', out, '--public-url', origin]);
    expect(again.code, again.stderr).toBe(0);
    const badEnv = await runCli(['build-static', '--out', path.join(work, 'x'), '--public-url', origin], {
      env: { ALTITUDE_CORS_ORIGINS: 'wiki.example.com' },
    });
    expect([badEnv.code, badEnv.stderr]).toEqual([
      2,
      'altitude: ALTITUDE_CORS_ORIGINS: "wiki.example.com" is not an origin such as https://wiki.example.com\n',
    ]);
    const noUrl = await runCli(['build-static', '--out', path.join(work, 'x')]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('--public-url');
  });
});
