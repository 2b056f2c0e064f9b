import { request as httpRequest } from 'node:http';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../config/altitude-config.js';
import { ContentStore } from '../content/content-store.js';
import { createLogger } from '../logger.js';
import { cacheControlFor, readerOrigin } from './security-headers.js';
import { startServer, type RunningServer } from './start-server.js';

let store: ContentStore;
let server: RunningServer;

beforeAll(async () => {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  store = opened.store;
  // This server has no public URL, whatever the shell that runs the tests says.
  vi.stubEnv('ALTITUDE_PUBLIC_URL', '');
  server = await startServer(store, createLogger({ write: () => {} }), { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe('security headers', () => {
  it.each([
    ['/', 'the demo and builder page'],
    ['/graphql', 'GraphiQL'],
    ['/embed/level-compare?levels=staff,principal', 'an embed page'],
    ['/embed/failure-mode/super-coder', 'another embed page'],
    ['/snippet/level/staff.html', 'an HTML snippet'],
  ])('are on %s (%s)', async (path) => {
    const response = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors [^;]+/);
    expect(csp).toContain("base-uri 'none'");
  });
});

describe('the origin in absolute URLs', () => {
  it('is the configured public URL, whatever Host and X-Forwarded-* say', () => {
    const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
    expect(readerOrigin('https://altitude.example.com', forged)).toEqual({ url: 'https://altitude.example.com', fromRequest: false });
  });

  it('without one, is the Host (https when X-Forwarded-Proto says so), never X-Forwarded-Host, and marked as the request’s', () => {
    expect(readerOrigin(undefined, { host: 'Wiki.Example:4000' })).toEqual({ url: 'http://wiki.example:4000', fromRequest: true });
    expect(readerOrigin(undefined, { host: 'wiki.example', 'x-forwarded-proto': 'https, http' }).url).toBe('https://wiki.example');
    expect(readerOrigin(undefined, { host: 'wiki.example', 'x-forwarded-host': 'evil.example' }).url).toBe('http://wiki.example');
    expect(readerOrigin(undefined, { host: '[::1]:4000', 'x-forwarded-proto': 'gopher' }).url).toBe('http://[::1]:4000');
  });

  it.each(['evil.example/"><script>', 'a b', 'user@evil.example', '999.1.1.1', 'wiki.example:99999', ''])(
    'falls back to 127.0.0.1 for a Host that is not a host name (%j)',
    (host) => {
      expect(readerOrigin(undefined, { host }).url).toBe('http://127.0.0.1');
    },
  );

  it('makes an answer private when the request chose the origin, and leaves it as it is when configured', () => {
    const fromRequest = readerOrigin(undefined, { host: 'wiki.example' });
    const configured = readerOrigin('https://altitude.example.com', {});
    expect(cacheControlFor(fromRequest, 'public, max-age=300')).toBe('private, max-age=300');
    expect(cacheControlFor(fromRequest, 'no-cache')).toBe('private, no-cache');
    expect(cacheControlFor(configured, 'public, max-age=300')).toBe('public, max-age=300');
  });
});

describe('a forged Host or X-Forwarded-Host', () => {
  const FORGED = { host: 'evil.example:8443', 'x-forwarded-host': 'proxy.evil.example', 'x-forwarded-proto': 'https' };
  const PUBLIC_URL = 'https://altitude.example.com';
  /** Every answer that holds (or could hold) an absolute URL of this server, and some that should not. */
  const paths = (origin: string) => [
    '/',
    '/embed/level/staff',
    '/embed/level-compare?levels=staff,principal',
    `/oembed?url=${encodeURIComponent(`${origin}/embed/failure-mode/super-coder`)}`,
    '/embed-forms?widget=level&level=staff',
    '/snippet/level/staff.html',
    '/snippet/level-compare.md?levels=staff,principal',
    '/export/framework.json',
    '/export/framework.jsonld',
    '/export/levels.csv',
    '/export/framework.schema.json',
  ];

  /** GET with exactly these headers (fetch would not send our Host). Checks are soft: a failure lists every path. */
  function get(base: string, path: string, headers: Record<string, string>) {
    const { hostname, port } = new URL(base);
    return new Promise<{ status: number; cacheControl: string; body: string }>((resolve, reject) => {
      const req = httpRequest({ hostname, port, path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, cacheControl: res.headers['cache-control'] ?? '', body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('without a public URL: an answer holding the forged origin is private or not stored; X-Forwarded-Host is never read', async () => {
    let holding = 0;
    for (const path of paths('https://evil.example:8443')) {
      const answer = await get(server.url, path, FORGED);
      expect.soft(answer.status, path).toBe(200);
      expect.soft(answer.body, path).not.toContain('proxy.evil.example');
      if (answer.body.includes('evil.example')) {
        holding++;
        expect.soft(answer.body, path).toContain('https://evil.example:8443');
        expect.soft(answer.cacheControl, path).toMatch(/^(private|no-store)\b/);
        expect.soft(answer.cacheControl, path).not.toContain('public');
      }
    }
    // The demo page, two embed pages, oEmbed, /embed-forms, the JSON and the JSON-LD.
    expect(holding).toBe(7);
  });

  it('with a public URL: the forged origin never appears, and shared caches may keep the answers', async () => {
    const configured = await startServer(store, createLogger({ write: () => {} }), {
      port: 0,
      host: '127.0.0.1',
      config: { ...DEFAULT_CONFIG, publicUrl: PUBLIC_URL },
    });
    try {
      for (const path of paths(PUBLIC_URL)) {
        const answer = await get(configured.url, path, FORGED);
        expect.soft(answer.status, path).toBe(200);
        expect.soft(answer.body, path).not.toContain('evil');
        expect.soft(answer.cacheControl, path).not.toContain('private');
      }
      for (const path of ['/', '/embed/level/staff', '/export/framework.jsonld'])
        expect((await get(configured.url, path, FORGED)).body, path).toContain(`${PUBLIC_URL}/`);
      const oembed = JSON.parse((await get(configured.url, paths(PUBLIC_URL)[3]!, FORGED)).body) as { html: string };
      expect(oembed.html).toContain(`src="${PUBLIC_URL}/embed/failure-mode/super-coder"`);
      // The forged origin's pages are not this server's.
      const foreign = `/oembed?url=${encodeURIComponent('https://evil.example:8443/embed/level/staff')}`;
      expect((await get(configured.url, foreign, FORGED)).status).toBe(404);
    } finally {
      await configured.close();
    }
  });
});
