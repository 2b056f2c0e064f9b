import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EXAMPLE_QUERIES } from './graphiql-examples.js';

interface Page {
  readonly html: Buffer;
  readonly gzip: Buffer;
  readonly etag: string;
}

let page: Page | undefined;

// yoga's own GraphiQL loads its scripts from a public CDN, which locked-down
// intranets (and this build machine) cannot reach. render-graphiql inlines
// them instead; the page is ~9 MB, so it is built and gzipped once and then
// revalidated by ETag.
function build(endpoint: string): Page {
  const html = Buffer.from(
    renderGraphiQL({
      title: 'Altitude — Distinguished Engineer framework API',
      endpoint,
      defaultQuery: EXAMPLE_QUERIES[0]!.query,
      defaultTabs: EXAMPLE_QUERIES.map((example) => ({ query: example.query })),
    }),
  );
  return { html, gzip: gzipSync(html), etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
}

/** True for a browser navigating to the endpoint: GET, wants HTML, carries no query. */
export function wantsGraphiql(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !url.searchParams.has('query');
}

export function sendGraphiql(req: IncomingMessage, res: ServerResponse, endpoint: string): void {
  page ??= build(endpoint);
  const headers = {
    etag: page.etag,
    'cache-control': 'no-cache',
    vary: 'accept, accept-encoding',
    'content-type': 'text/html; charset=utf-8',
  };
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? page.gzip : page.html;
  res.writeHead(200, { ...headers, 'content-length': String(body.length), ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
  res.end(body);
}
