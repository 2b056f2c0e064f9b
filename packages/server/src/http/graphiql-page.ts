import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EXAMPLE_QUERIES } from './graphiql-examples.js';
import { GRAPHIQL_SECURITY_HEADERS } from './security-headers.js';
import { representationOf, sendBytes, type Representation } from './send.js';

let page: Representation | undefined;

// yoga's own GraphiQL loads its scripts from a public CDN, which locked-down
// intranets (and this build machine) cannot reach. render-graphiql inlines
// them instead; the page is ~9 MB, so it is built and gzipped once and then
// revalidated by ETag.
function build(endpoint: string): Representation {
  const html = Buffer.from(
    renderGraphiQL({
      title: 'Altitude — Distinguished Engineer framework API',
      endpoint,
      defaultQuery: EXAMPLE_QUERIES[0]!.query,
      defaultTabs: EXAMPLE_QUERIES.map((example) => ({ query: example.query })),
    }),
  );
  return representationOf(html);
}

/** True for a browser navigating to the endpoint: GET, wants HTML, carries no query. */
export function wantsGraphiql(req: IncomingMessage, url: URL): boolean {
  return (
    req.method === 'GET' &&
    (req.headers.accept ?? '').includes('text/html') &&
    !url.searchParams.has('query') &&
    !url.searchParams.has('id')
  );
}

export function sendGraphiql(req: IncomingMessage, res: ServerResponse, endpoint: string): void {
  page ??= build(endpoint);
  sendBytes(req, res, page, { 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8', ...GRAPHIQL_SECURITY_HEADERS });
}
