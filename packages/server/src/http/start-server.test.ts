import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContentStore } from '../content/content-store.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from './start-server.js';

let store: ContentStore;
const lines: Record<string, unknown>[] = [];
const logger = createLogger({ write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
let running: RunningServer | undefined;

beforeAll(async () => {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  store = opened.store;
});
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const start = async () => (running = await startServer(store, logger, { port: 0, host: '127.0.0.1' }));

describe('HTTP routing', () => {
  it('answers unknown paths with a JSON 404 that lists the endpoints', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: 'nothing at /nope',
      endpoints: [
        '/graphql',
        '/widgets.js',
        '/export/framework.json',
        '/export/levels.csv',
        '/export/framework.jsonld',
        '/export/framework.schema.json',
        '/health',
        '/ready',
        '/',
      ],
    });
  });

  it('answers a wrong method on /health with 405 and Allow', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/health`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('serves the demo page at / with its assets, under a strict CSP', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/`, { headers: { host: 'wiki-demo.example:4000' } });
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'/,
    );
    const html = await response.text();
    expect(html).toContain('<a href="/graphql">GraphiQL</a>');
    expect(html).toContain(`version ${store.framework.version}`);
    expect(html).not.toMatch(/<script>|<style>| style=| on[a-z]+=/);
    for (const asset of ['/demo.css', '/demo.js']) {
      expect(html).toContain(asset);
      expect((await fetch(`${url}${asset}`)).status).toBe(200);
    }
  });

  it('answers /favicon.ico with no content, so pages log no 404', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/favicon.ico`)).status).toBe(204);
  });
});

describe('shutdown', () => {
  it('closes promptly even with idle keep-alive connections, then refuses new ones', async () => {
    const server = await start();
    // fetch keeps the socket alive after this response; close() must not wait for it.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const started = Date.now();
    await server.close(5_000);
    running = undefined;
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});

describe('request log', () => {
  it('writes one line per request with method, path, status and duration', async () => {
    const { url } = await start();
    lines.length = 0;
    await fetch(`${url}/ready`);
    await fetch(`${url}/missing`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.method, l.path, l.status])).toEqual([
      ['GET', '/ready', 200],
      ['GET', '/missing', 404],
    ]);
    expect(requests.every((l) => typeof l.durationMs === 'number' && typeof l.time === 'string')).toBe(true);
  });
});
