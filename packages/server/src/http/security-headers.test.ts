import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentStore } from '../content/content-store.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from './start-server.js';

let server: RunningServer;

beforeAll(async () => {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  server = await startServer(opened.store, createLogger({ write: () => {} }), { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

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
