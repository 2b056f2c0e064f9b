import { gunzipSync } from 'node:zlib';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../../tests/support/raw-request.js';
import { readServerOptions } from '../config/server-options.js';
import { ContentStore } from '../content/content-store.js';
import { PERSISTED_OPERATIONS } from '../graphql/persisted-operations.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from './start-server.js';

// Properties: thousands of generated malformed requests against the real
// server. None gets a 5xx, every /graphql answer is a GraphQL response
// (data or errors), and the server is still healthy afterwards.

let server: RunningServer;
let port: number;
const errors: string[] = [];

beforeAll(async () => {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  const logger = createLogger({
    write: (line) => {
      if (line.includes('"level":"error"')) errors.push(line);
    },
  });
  server = await startServer(opened.store, logger, {
    port: 0,
    host: '127.0.0.1',
    serverOptions: { ...readServerOptions({}), maxBodyBytes: 64 * 1024, production: true, introspection: false },
  });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

async function send({ method, path, headers, body }: Sent): Promise<{ status: number; type: string; text: string }> {
  const answer = await rawRequest(`http://127.0.0.1:${port}`, path, headers, method, body);
  try {
    const bytes = answer.headers['content-encoding'] === 'gzip' && answer.body.length ? gunzipSync(answer.body) : answer.body;
    return { status: answer.status, type: String(answer.headers['content-type'] ?? ''), text: bytes.toString() };
  } catch (error) {
    throw new Error(`undecodable answer to ${method} ${path}: ${String(error)}`, { cause: error });
  }
}

const IDS = [...PERSISTED_OPERATIONS.keys()];
const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '!',
  '...',
  '@include(if: true)',
  '@skip',
  '"staff"',
  '"x"',
  '1',
  '-1',
  '1e999',
  'null',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'Level',
  'levels',
  'level',
  'slug',
  'title',
  'compareLevels',
  'slugs',
  'dimensions',
  'changes',
  'first',
  'after',
  'search',
  'node',
  'id',
  '__schema',
  '__type',
  '__typename',
  'a:',
  '#',
  '\n',
  '"""',
  '\\u0000',
  'format',
  'HTML',
];

/** Text that looks like GraphQL: real names and punctuation in random order. */
const graphqlish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(' '));
const query = fc.oneof(graphqlish, fc.string({ maxLength: 200 }), fc.constant('{ levels { slug } }'));
const variables = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 80 }),
  fc
    .record({ slugs: fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), slug: fc.string({ maxLength: 12 }) })
    .map((v) => JSON.stringify(v)),
);
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });
const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/graphql-response+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    '',
  ),
  printable,
);
const accept = fc.oneof(
  fc.constantFrom('application/json', 'application/graphql-response+json', '*/*', 'text/html', 'image/png', ''),
  printable,
);
const extraHeaders = fc.record(
  {
    'if-none-match': fc.oneof(printable, fc.constant('*')),
    origin: fc.oneof(printable, fc.constant('https://evil.example')),
    'accept-encoding': fc.oneof(printable, fc.constant('gzip, br')),
    'x-altitude-csrf': printable,
  },
  { requiredKeys: [] },
);
const headers = fc
  .tuple(contentType, accept, extraHeaders)
  .map(([type, acc, extra]) => ({ ...(type ? { 'content-type': type } : {}), ...(acc ? { accept: acc } : {}), ...extra }));

/** A query string for GET /graphql: persisted ids, queries, variables, broken percent-encoding, repeats. */
const searchParams = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constant('id'), fc.oneof(fc.constantFrom(...IDS), printable)),
      fc.tuple(fc.constant('query'), query),
      fc.tuple(fc.constant('variables'), variables),
      fc.tuple(fc.constant('operationName'), printable),
      fc.tuple(fc.constant('extensions'), variables),
      fc.tuple(printable, printable),
    ),
    { maxLength: 5 },
  )
  .chain((pairs) =>
    fc
      .constantFrom('', '%', '%E0%A4%A', '&&', '=')
      .map((junk) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + junk),
  );

const body = fc.oneof(
  fc
    .record({ query, variables: fc.jsonValue({ maxDepth: 3 }), operationName: fc.option(printable) }, { requiredKeys: [] })
    .map((b) => JSON.stringify(b)),
  fc.record({ query, variables: variables.map((v) => JSON.parse(JSON.stringify(v)) as unknown) }).map((b) => JSON.stringify(b)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

function expectWellFormed(sent: Sent, answer: { status: number; type: string; text: string }): void {
  expect(answer.status, `${sent.method} ${sent.path}`).toBeLessThan(500);
  if (sent.method === 'HEAD' || answer.status === 204 || answer.status === 304) return;
  if (answer.type.includes('text/html')) return; // GraphiQL, for a browser navigation
  expect(answer.type).toMatch(/^application\/(graphql-response\+)?json/);
  const parsed = JSON.parse(answer.text) as { data?: unknown; errors?: { message?: unknown }[] };
  expect('data' in parsed || Array.isArray(parsed.errors)).toBe(true);
  for (const error of parsed.errors ?? []) expect(typeof error.message).toBe('string');
}

describe('hostile requests against the real server', () => {
  it('GET /graphql with generated query strings and headers', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'HEAD'), searchParams, headers, async (method, search, h) => {
        const sent = { method, path: `/graphql?${search}`, headers: h };
        expectWellFormed(sent, await send(sent));
      }),
      { numRuns: 1500 },
    );
  });

  it('POST /graphql with generated bodies and headers', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(body, headers, async (text, h) => {
        const sent = { method: 'POST', path: '/graphql', headers: h, body: Buffer.from(text, 'latin1') };
        expectWellFormed(sent, await send(sent));
      }),
      { numRuns: 1500 },
    );
  });

  it('any method and path, with odd headers', { timeout: 120_000 }, async () => {
    const path = fc.oneof(
      fc.constantFrom(
        '/graphql',
        '/',
        '/embed/level/staff',
        '/snippet/level/staff.md',
        '/export/levels.csv',
        '/oembed',
        '/widgets.js',
        '/embed/%',
        '/%E0',
      ),
      printable.map((p) => `/${p.replace(/[\s#]/g, '')}`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        path,
        headers,
        body,
        async (method, p, h, b) => {
          const answer = await send({
            method,
            path: p,
            headers: h,
            body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.from(b),
          });
          expect(answer.status, `${method} ${p}`).toBeLessThan(500);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is still healthy and logged no internal error', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(errors).toEqual([]);
  });
});
