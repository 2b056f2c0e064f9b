import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentStore } from '../content/content-store.js';
import { startServer, type RunningServer } from '../http/start-server.js';
import { createLogger } from '../logger.js';

let server: RunningServer;
beforeAll(async () => {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  server = await startServer(opened.store, createLogger({ write: () => {} }), { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

describe('/print/', () => {
  it('sends a handout with the site headers, its own policy and an ETag', async () => {
    const response = await fetch(`${server.url}/print/level/principal?lang=de&paper=letter`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-language')).toBe('de');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/=]+'; /);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await response.text()).toContain('<html lang="de" dir="ltr">');
    const again = await fetch(`${server.url}/print/level/principal?lang=de&paper=letter`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('answers 404 with a page naming the levels', async () => {
    const response = await fetch(`${server.url}/print/level/${encodeURIComponent('<b>boss</b>')}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('Levels: staff, principal, distinguished.');
    expect(html).toContain('&quot;&lt;b&gt;boss&lt;/b&gt;&quot;');
    expect(html).not.toContain('<b>');
  });

  it.each([
    ['/print/compare?levels=staff,staff', 400, 'twice'],
    ['/print/compare?levels=staff,principal,distinguished,staff,principal', 400, 'there are only 3'],
    ['/print/compare?levels=a,a,… (10,000 characters)', 400, 'too long'],
    ['/print/level/staff?lang=%%%', 400, 'BCP 47'],
    ['/print/level/%E0%A4%A', 400, 'percent-encoding'],
    ['/print/level/xxx… (4,000 characters)', 404, 'Levels: staff'],
  ])('refuses %s', async (label, status, message) => {
    const target = label.replace('a,a,… (10,000 characters)', 'a,'.repeat(5000)).replace('xxx… (4,000 characters)', 'x'.repeat(4000));
    const response = await fetch(`${server.url}${target}`);
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html.length).toBeLessThan(2000);
  });

  it('keeps one page per address asked for, so odd addresses cannot grow it', async () => {
    const first = await fetch(`${server.url}/print/compare?levels=staff,principal`);
    const second = await fetch(`${server.url}/print/compare?levels=%20staff%20,principal`);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });
});
