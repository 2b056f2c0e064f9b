import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentStore } from '../content/content-store.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from './start-server.js';

let server: RunningServer;
const built = path.join(path.dirname(createRequire(import.meta.url).resolve('@altitude/widgets/altitude-widgets.js')), 'widgets/locales');

beforeAll(async () => {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  server = await startServer(opened.store, createLogger({ write: () => {} }), { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

describe('the widgets’ language catalogues', () => {
  it('are served beside /widgets.js, where the bundle imports them from, cached and open to other origins like it', async () => {
    const bundle = await fetch(`${server.url}/widgets.js`);
    const code = await bundle.text();
    const imported = [...code.matchAll(/import\(\s*["'`]\.\/(widgets\/locales\/[\w-]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);
    expect(imported).toContain('widgets/locales/de.js');
    for (const file of new Set(imported)) {
      // Resolved as a browser resolves the bundle's import: relative to /widgets.js.
      const response = await fetch(new URL(`./${file}`, `${server.url}/widgets.js`));
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('cache-control')).toBe(bundle.headers.get('cache-control'));
      expect(await response.text()).toMatch(/export\s*\{/);
    }
  });

  it('answer a conditional request with 304 and a source map as JSON', async () => {
    const first = await fetch(`${server.url}/widgets/locales/de.js`);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/widgets/locales/de.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const map = await fetch(`${server.url}/widgets/locales/de.js.map`);
    expect(map.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await map.json()) as { version: number }).version).toBe(3);
  });

  it('serve only the files the build wrote there: other names are 404, whatever they try', async () => {
    const files = await readdir(built);
    for (const name of [
      'fr.js',
      '../altitude-widgets.js',
      '..%2Faltitude-widgets.js',
      '%2e%2e/package.json',
      'DE.js',
      `${'a'.repeat(40)}.js`,
      '',
    ]) {
      const response = await fetch(`${server.url}/widgets/locales/${name}`);
      expect(response.status, name).toBe(404);
      expect(files).not.toContain(decodeURIComponent(name));
    }
  });

  it('take GET and HEAD only', async () => {
    const response = await fetch(`${server.url}/widgets/locales/de.js`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
