import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentStore } from '../content/content-store.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from './start-server.js';
import { WIDGET_FILES_PATH, widgetFileSender } from './widgets-bundle.js';

let server: RunningServer;
const dist = path.dirname(createRequire(import.meta.url).resolve('@altitude/widgets/altitude-widgets.js'));

beforeAll(async () => {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  server = await startServer(opened.store, createLogger({ write: () => {} }), { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

/** The relative module specifiers a script imports, statically or dynamically, in any quotes. */
function importsOf(code: string): string[] {
  const specifiers = [
    ...code.matchAll(/\bimport\s*\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g),
    ...code.matchAll(/\bfrom\s*["'`](\.[^"'`]+)["'`]/g),
    ...code.matchAll(/\bimport\s*["'`](\.[^"'`]+)["'`]/g),
  ];
  return specifiers.map((m) => m[1]!);
}

/** Every script a browser could fetch starting at `entry`, followed the way a browser resolves them. */
async function crawl(entry: string): Promise<Map<string, Response>> {
  const seen = new Map<string, Response>();
  const queue = [entry];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const response = await fetch(url);
    seen.set(url, response);
    if (response.ok) for (const specifier of importsOf(await response.clone().text())) queue.push(new URL(specifier, url).href);
  }
  return seen;
}

describe('the widget scripts', () => {
  it('/widgets.js is the loader: small, revalidated on every use, and open to other origins', async () => {
    const loader = await fetch(`${server.url}/widgets.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(loader.headers.get('cache-control')).toBe('public, no-cache');
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    const code = await loader.text();
    expect(code.length).toBeLessThan(3_000);
    // It imports nothing up front: a page without widgets pays for the loader only.
    expect(code).not.toMatch(/\bimport\s*[{"'`*]|\bfrom\s*["'`]/);
    const again = await fetch(`${server.url}/widgets.js`, { headers: { 'if-none-match': loader.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves every chunk and catalogue the loader can reach: chunks cached for good, catalogues briefly', async () => {
    const fetched = await crawl(`${server.url}/widgets.js`);
    const manifest = JSON.parse(await readFile(path.join(dist, 'widgets/manifest.json'), 'utf8')) as { files: string[] };
    const reached = [...fetched.keys()].filter((url) => url !== `${server.url}/widgets.js`);
    // Each element's chunk, the shared chunk and the catalogues: everything the manifest lists that is a script.
    expect(reached.map((url) => new URL(url).pathname.slice(1)).sort()).toEqual(manifest.files.filter((f) => f.endsWith('.js')).sort());
    for (const [url, response] of fetched) {
      expect(response.status, url).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), url).toBe('*');
      if (url.includes('/widgets/locales/'))
        expect(response.headers.get('cache-control'), url).toBe('public, max-age=300, stale-while-revalidate=3600');
      else if (url.includes('/widgets/')) expect(response.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
    }
  });

  it('serves the one-file bundle at /widgets-all.js and each source map as JSON', async () => {
    const all = await fetch(`${server.url}/widgets-all.js`);
    expect(all.status).toBe(200);
    expect(await all.text()).toContain('de-level-compare');
    for (const map of ['/altitude-widgets.js.map', '/altitude-widgets-all.js.map', '/widgets/locales/de.js.map']) {
      const response = await fetch(`${server.url}${map}`);
      expect(response.headers.get('content-type'), map).toBe('application/json; charset=utf-8');
      expect(((await response.json()) as { version: number }).version, map).toBe(3);
    }
  });

  it('answer a conditional request for a chunk with 304', async () => {
    const first = await fetch(`${server.url}/widgets/locales/de.js`);
    const again = await fetch(`${server.url}/widgets/locales/de.js`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serve only the files the build listed: other names are 404, whatever they try', async () => {
    for (const name of [
      'locales/fr.js',
      'manifest.json',
      '../altitude-widgets.js',
      '..%2Faltitude-widgets.js',
      'locales/..%2F..%2Fpackage.json',
      '%2e%2e/package.json',
      'common.js',
      `${'a'.repeat(200)}.js`,
      'locales/',
      '',
    ]) {
      const response = await fetch(`${server.url}/widgets/${name}`);
      expect(response.status, name).toBe(404);
    }
  });

  it('take GET and HEAD only', async () => {
    const response = await fetch(`${server.url}/widgets/locales/de.js`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('a widget build in a folder of its own', () => {
  let dir: string;
  let files: Server;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-widget-files-'));
    const send = widgetFileSender(dir);
    files = createServer((req, res) => void send(req, res, new URL(req.url ?? '/', 'http://x').pathname));
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(files.address() as AddressInfo).port}${WIDGET_FILES_PATH}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => files.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });
  const list = async (names: string[], mtime: number) => {
    const manifest = path.join(dir, 'manifest.json');
    await writeFile(manifest, JSON.stringify({ files: names.map((n) => `widgets/${n}`) }));
    // A rebuild is seen by the manifest's mtime: set apart, however fast the test writes.
    await utimes(manifest, mtime, mtime);
  };

  it('answers 503 before a build, open to other origins like every answer a module script gets', async () => {
    const response = await fetch(`${base}common-Ab12Cd34.js`);
    expect(response.status).toBe(503);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('stops serving a name a rebuilt manifest no longer lists, though it served it before', async () => {
    await writeFile(path.join(dir, 'common-Ab12Cd34.js'), 'export const a = 1;');
    await list(['common-Ab12Cd34.js'], 1_000_000);
    expect((await fetch(`${base}common-Ab12Cd34.js`)).status).toBe(200);
    // The file is still on disk (a rebuild may leave it); the manifest is what says it is part of the build.
    await list(['common-Zz98Yy76.js'], 2_000_000);
    const gone = await fetch(`${base}common-Ab12Cd34.js`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('access-control-allow-origin')).toBe('*');
  });
});
