import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readServerOptions, type ServerOptions } from '../config/server-options.js';
import { ContentStore } from '../content/content-store.js';
import { APQ_LIMITS } from '../graphql/automatic-persisted-queries.js';
import { CompleteAnswers } from '../graphql/complete-answers.js';
import { persistedOperationNamed } from '../graphql/persisted-operations.js';
import { createGraphqlYoga } from '../graphql/yoga.js';
import { createLogger } from '../logger.js';
import { rawRequest, type RawAnswer } from '../../../../tests/support/raw-request.js';
import { createGraphqlRoute, GRAPHQL_CACHE_CONTROL, yogaExecutor, type Executed } from './graphql-route.js';
import { startServer, type RunningServer } from './start-server.js';

let store: ContentStore;
const lines: Record<string, unknown>[] = [];
const logger = createLogger({ write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
const running: RunningServer[] = [];

beforeAll(async () => {
  store = await open(DEFAULT_CONTENT_DIR);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function open(dir: string): Promise<ContentStore> {
  const opened = await ContentStore.open(dir, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  return opened.store;
}

async function start(options: Partial<ServerOptions> = {}, from: ContentStore = store): Promise<string> {
  const server = await startServer(from, logger, {
    port: 0,
    host: '127.0.0.1',
    serverOptions: { ...readServerOptions({}), ...options },
  });
  running.push(server);
  return server.url;
}

const comparison = persistedOperationNamed('LevelComparison');
const persistedUrl = (base: string, slugs = ['staff', 'principal']) =>
  `${base}/graphql?id=${comparison.id}&variables=${encodeURIComponent(JSON.stringify({ slugs }))}`;

const post = (base: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('persisted operations and the response cache', () => {
  it('answers GET ?id=…&variables=… with the same data as the document sent in full, cacheable by a CDN', async () => {
    const base = await start();
    const response = await fetch(persistedUrl(base));
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{27}(-gz)?"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=86400');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as { data: unknown };
    const full = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: comparison.text, variables: { slugs: ['staff', 'principal'] } }),
    });
    expect(full.headers.get('cache-control')).toBe('no-store');
    expect(((await full.json()) as { data: unknown }).data).toEqual(body.data);
  });

  it('revalidates with 304 Not Modified, and gives gzip its own ETag', async () => {
    const base = await start();
    const first = await fetch(persistedUrl(base), { headers: { 'accept-encoding': 'identity' } });
    const etag = first.headers.get('etag')!;
    const again = await fetch(persistedUrl(base), { headers: { 'if-none-match': etag, 'accept-encoding': 'identity' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await fetch(persistedUrl(base, ['principal', 'staff']), {
      headers: { 'if-none-match': etag, 'accept-encoding': 'identity' },
    });
    expect(other.status).toBe(200);
    // A fresh answer goes out uncompressed (most are never asked for again); its repeats gzipped.
    const fresh = await rawRequest(base, persistedUrl(''), { 'accept-encoding': 'gzip' });
    expect(fresh.headers['content-encoding']).toBeUndefined();
    const zipped = await rawRequest(base, persistedUrl(''), { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.etag).not.toBe(etag);
    // Whoever holds the uncompressed copy it was sent first is told it is still good.
    const held = await rawRequest(base, persistedUrl(''), { 'accept-encoding': 'gzip', 'if-none-match': fresh.headers.etag! });
    expect(held.status).toBe(304);
  });

  it('answers a query string however it is spelled, and the same from the cache on every repeat, HEAD included', async () => {
    const base = await start();
    const spellings = [
      persistedUrl(''),
      // Quotes and brackets left bare: a URL parser would escape them, the cache keeps them as sent.
      `/graphql?id=${comparison.id}&variables={"slugs":["staff","principal"]}`,
    ];
    const answers: RawAnswer[] = [];
    // A repeat is answered from the cache before the app even parses its URL.
    const parse = vi.spyOn(URL, 'parse');
    for (const target of spellings) {
      for (let i = 0; i < 3; i++) answers.push(await rawRequest(base, target, { 'accept-encoding': 'identity' }));
    }
    expect(parse.mock.calls.filter(([target]) => String(target).startsWith('/graphql?'))).toHaveLength(spellings.length);
    parse.mockRestore();
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
    expect(answers.every((a) => a.body.equals(answers[0]!.body))).toBe(true);
    const head = await rawRequest(base, spellings[1]!, { 'accept-encoding': 'identity' }, 'HEAD');
    expect(head).toMatchObject({
      status: 200,
      headers: { etag: answers[0]!.headers.etag, 'content-length': String(answers[0]!.body.length) },
    });
    expect(head.body.length).toBe(0);
    const logged = lines.filter((l) => l.msg === 'request' && l.method === 'HEAD');
    expect(logged.at(-1)).toMatchObject({ path: '/graphql', status: 200 });
  });

  it('refuses a request target with a fragment, so a cached answer can never stand in for GraphiQL', async () => {
    const base = await start();
    const target = `/graphql?#&query=${encodeURIComponent('{ __typename }')}`;
    const browser = { accept: 'text/html,application/json' };
    for (const method of ['HEAD', 'GET']) expect((await rawRequest(base, target, browser, method)).status, method).toBe(400);
    expect((await rawRequest(base, target, browser)).body.toString()).toContain('has a fragment');
    const graphiql = await rawRequest(base, '/graphql', { ...browser, 'accept-encoding': 'identity' });
    expect(graphiql).toMatchObject({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
  });

  it('serves identical bytes and ETags from independent replicas', async () => {
    const [a, b] = [await start(), await start({}, await open(DEFAULT_CONTENT_DIR))];
    const [one, two] = await Promise.all([fetch(persistedUrl(a)), fetch(persistedUrl(b))]);
    expect(one.headers.get('etag')).toBe(two.headers.get('etag'));
    expect(Buffer.from(await one.arrayBuffer()).equals(Buffer.from(await two.arrayBuffer()))).toBe(true);
  });

  it('forgets every cached answer when the content is reloaded with a change', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'altitude-cache-'));
    try {
      await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
      const own = await open(dir);
      const base = await start({}, own);
      const before = await fetch(persistedUrl(base));
      const etag = before.headers.get('etag')!;
      const file = path.join(dir, 'levels.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('title: Staff Engineer', 'title: Staff Engineer (IC6)'));
      expect((await own.reload()).ok).toBe(true);
      const after = await fetch(persistedUrl(base), { headers: { 'if-none-match': etag } });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(JSON.stringify(await after.json())).toContain('Staff Engineer (IC6)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps only complete answers: one with an error is worked out afresh every time and never held by a CDN', async () => {
    const base = await start();
    const get = (slugs: string[]) => rawRequest(base, persistedUrl('', slugs), { 'accept-encoding': 'identity' });
    for (let i = 0; i < 2; i++) {
      const failed = await get(['staff', 'nope']);
      expect(failed.status).toBe(200);
      expect(JSON.parse(failed.body.toString())).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
      expect(failed.headers).toMatchObject({ 'cache-control': 'no-store' });
      expect(failed.headers.etag).toBeUndefined();
    }
    const complete = await get(['staff', 'principal']);
    expect(JSON.parse(complete.body.toString())).toMatchObject({ data: { compareLevels: expect.any(Object) } });
    expect(complete.headers).toMatchObject({ 'cache-control': GRAPHQL_CACHE_CONTROL, etag: expect.stringMatching(/^"/) });
  });

  it('says which ids it knows when given an unknown one, and refuses id with query', async () => {
    const base = await start();
    const unknown = await fetch(`${base}/graphql?id=nope`);
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_OPERATION_NOT_FOUND');
    expect(body.errors[0]!.message).toContain(`LevelComparison (${comparison.id})`);
    const both = await fetch(`${base}/graphql?id=${comparison.id}&query=${encodeURIComponent('{ levels { slug } }')}`);
    expect(both.status).toBe(400);
    expect(await both.text()).toContain('either id');
  });

  it('still runs any query an API user sends, by GET or POST', async () => {
    const base = await start();
    const got = await fetch(`${base}/graphql?query=${encodeURIComponent('{ levels { slug } }')}`);
    expect(await got.json()).toEqual({ data: { levels: [{ slug: 'staff' }, { slug: 'principal' }, { slug: 'distinguished' }] } });
    const posted = await post(base, '{ level(slug: "staff") { title } }');
    expect(await posted.json()).toEqual({ data: { level: { title: 'Staff Engineer' } } });
  });
});

/** The real route and yoga in a server of their own, counting how many requests reach yoga. */
async function startRoute(options: Partial<ServerOptions> = {}) {
  const merged = { ...readServerOptions({}), ...options };
  const answers = new CompleteAnswers();
  const executeYoga = yogaExecutor(createGraphqlYoga(store, logger, merged, [answers.plugin]), answers);
  let executions = 0;
  const route = createGraphqlRoute(store, logger, merged, (request) => {
    executions++;
    return executeYoga(request);
  });
  const server = createServer((req, res) => route(req, res, new URL(req.url ?? '/', 'http://localhost')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push({ url: '', close: () => new Promise<void>((resolve) => server.close(() => resolve())) } as RunningServer);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, route, executions: () => executions };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const apqExtensions = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
const byHashUrl = (base: string, query: string, variables: unknown = {}) =>
  `${base}/graphql?variables=${encodeURIComponent(JSON.stringify(variables))}&extensions=${encodeURIComponent(JSON.stringify(apqExtensions(query)))}`;
type Errors = { errors: { message: string; extensions: { code: string } }[] };

describe('the response cache keys by what makes an answer differ', () => {
  it('keeps 400 POSTs padded with a unique 1 MB unused variable as one entry, within the byte budget', { timeout: 120_000 }, async () => {
    const budget = 4 * 1024 * 1024;
    const { base, route, executions } = await startRoute({ cacheMaxBytes: budget, maxBodyBytes: 1_100_000 });
    const pad = 'x'.repeat(1_000_000);
    for (let batch = 0; batch < 100; batch++) {
      const answers = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{__typename}', variables: { pad: `${batch}-${i}-${pad}` } }),
          }).then(async (r) => ({ status: r.status, body: await r.text() })),
        ),
      );
      for (const answer of answers) expect(answer).toEqual({ status: 200, body: '{"data":{"__typename":"Query"}}' });
      expect(route.held().bytes).toBeLessThanOrEqual(budget);
    }
    expect(route.held().entries).toBe(1);
    // The first batch ran concurrently, before any answer was kept; the rest were hits.
    expect(executions()).toBeLessThanOrEqual(4);
    const plain = await post(base, '{ __typename }');
    expect(await plain.json()).toEqual({ data: { __typename: 'Query' } });
    expect(executions()).toBeLessThanOrEqual(4);
    expect(route.held().entries).toBe(1);
  });

  it('answers the same variables in any key order, and a different used value afresh', async () => {
    const { base, route, executions } = await startRoute();
    const query = 'query Two($a: [String!]!, $b: [String!]) { compareLevels(slugs: $a, dimensions: $b) { levels { slug } } }';
    const send = (variables: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
      }).then((r) => r.json());
    const first = await send('{"a":["staff","principal"],"b":["time-horizon"]}');
    expect(await send('{"b":["time-horizon"],"unused":1,"a":["staff","principal"]}')).toEqual(first);
    expect(executions()).toBe(1);
    await send('{"a":["staff","distinguished"],"b":["time-horizon"]}');
    expect(executions()).toBe(2);
    expect(route.held().entries).toBe(2);
  });

  it('keeps GETs with unused padded variables as one entry, and their raw query strings within the budget', async () => {
    const budget = 256 * 1024;
    const { base, route, executions } = await startRoute({ cacheMaxBytes: budget });
    for (let i = 0; i < 200; i++) {
      const answer = await rawRequest(
        base,
        persistedUrl('', ['staff', 'principal']).replace('%5D%7D', `%5D,%22pad%22:%22${i}${'y'.repeat(4000)}%22%7D`),
      );
      expect(answer.status).toBe(200);
      expect(route.held().bytes).toBeLessThanOrEqual(budget);
    }
    expect(route.held().entries).toBe(1);
    expect(executions()).toBe(1);
    // An exact repeat is still answered from the cache.
    const again = await rawRequest(base, persistedUrl(''), {});
    expect(again.status).toBe(200);
    expect(executions()).toBe(1);
  });
});

describe('automatic persisted queries', () => {
  const query = 'query Slugs { levels { slug } }';

  it('answers a GET by an unknown hash PersistedQueryNotFound, which the clients answer by sending the query', async () => {
    const { base } = await startRoute();
    const response = await fetch(byHashUrl(base, query));
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
  });

  it('registers a query sent with its hash, then answers GETs by hash from the cache with an ETag', async () => {
    const { base, route, executions } = await startRoute();
    const registered = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: {}, extensions: apqExtensions(query) }),
    });
    expect(await registered.json()).toEqual({ data: { levels: [{ slug: 'staff' }, { slug: 'principal' }, { slug: 'distinguished' }] } });
    expect(route.held().persistedQueries).toBe(1);
    const byHash = await fetch(byHashUrl(base, query));
    expect(byHash.status).toBe(200);
    expect(byHash.headers.get('etag')).toMatch(/^"[\w-]{27}(-gz)?"$/);
    expect(byHash.headers.get('cache-control')).toBe(GRAPHQL_CACHE_CONTROL);
    expect(await byHash.json()).toEqual({ data: { levels: [{ slug: 'staff' }, { slug: 'principal' }, { slug: 'distinguished' }] } });
    expect(executions()).toBe(1);
    const revalidated = await fetch(byHashUrl(base, query), { headers: { 'if-none-match': byHash.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(executions()).toBe(1);
  });

  it('remembers a hash again when the store forgot it but the answer is still kept, by POST or by GET', { timeout: 60_000 }, async () => {
    const { base, route } = await startRoute();
    const register = (text: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: text, extensions: apqExtensions(text) }),
      });
    const registerByGet = (text: string) => fetch(`${byHashUrl(base, text)}&query=${encodeURIComponent(text)}`).then((r) => r.status);
    const forget = async (text: string) => {
      // Cheap documents of a client's own push the first one out of the store (least recently used first).
      for (let i = 0; i < APQ_LIMITS.maxDocuments; i++)
        expect((await register(`query Q${i}${text.length} { __typename }`)).status).toBe(200);
      expect((await fetch(byHashUrl(base, text))).status).toBe(404);
    };
    expect((await register(query)).status).toBe(200);
    await forget(query);
    // The client resends the query; its answer comes from the cache, and the hash is remembered again.
    expect((await register(query)).status).toBe(200);
    expect((await fetch(byHashUrl(base, query))).status).toBe(200);
    // The same through urql's GET carrying the query and the hash: its repeat must not take the fast path.
    const other = 'query Dimensions { dimensions { slug } }';
    expect(await registerByGet(other)).toBe(200);
    await forget(other);
    expect(await registerByGet(other)).toBe(200);
    expect((await fetch(byHashUrl(base, other))).status).toBe(200);
    expect(route.held().persistedQueries).toBeLessThanOrEqual(APQ_LIMITS.maxDocuments);
  });

  it('refuses a hash that is not the SHA-256 of the query, and registers neither', async () => {
    const { base, route } = await startRoute();
    const wrong = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions: apqExtensions('{ __typename }') }),
    });
    expect(wrong.status).toBe(400);
    const body = (await wrong.json()) as Errors;
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(body.errors[0]!.message).toContain(sha256(query));
    expect(route.held().persistedQueries).toBe(0);
  });

  it('registers only documents that parse and validate', async () => {
    const { base, route } = await startRoute();
    for (const invalid of [
      '{ levels { nope } }',
      '{ levels {',
      `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: levels { slug }`).join(' ')} }`,
    ]) {
      const answer = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: invalid, extensions: apqExtensions(invalid) }),
      });
      expect(((await answer.json()) as Errors).errors, invalid).toHaveLength(1);
      expect((await fetch(byHashUrl(base, invalid))).status, invalid).toBe(404);
    }
    expect(route.held().persistedQueries).toBe(0);
  });

  it("knows the widgets' persisted operations by their hash too, and keeps ?id= working", async () => {
    const { base } = await startRoute();
    const variables = { slugs: ['staff', 'principal'] };
    const byHash = await fetch(byHashUrl(base, comparison.text, variables));
    expect(byHash.status).toBe(200);
    const byId = await fetch(persistedUrl(base));
    expect(await byId.json()).toEqual(await byHash.json());
  });

  it('refuses a version it does not speak and a malformed hash', async () => {
    const { base } = await startRoute();
    const extensions = (persistedQuery: unknown) => `${base}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`;
    const v2 = (await (await fetch(extensions({ version: 2, sha256Hash: sha256(query) }))).json()) as Errors;
    expect(v2.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    const bad = await fetch(extensions({ version: 1, sha256Hash: 'abc' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Errors).errors[0]!.message).toContain('64 lowercase hexadecimal digits');
  });
});

describe('abuse and bad input', () => {
  it('refuses POSTs a plain form could forge, and accepts them with JSON or the CSRF header', async () => {
    const base = await start();
    const body = JSON.stringify({ query: '{ levels { slug } }' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const refused = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': type }, body });
      expect(refused.status, type).toBe(403);
      expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('X-Altitude-CSRF');
    }
    const withHeader = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-altitude-csrf': '1' },
      body,
    });
    expect(withHeader.status).toBe(200);
  });

  it('parses a large POST body once: yoga is handed the parsed request, not the bytes to read again', async () => {
    const base = await start();
    // A body near the limit, as an attacker sends it: every parse of it blocks the server.
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'p'.repeat(100_000) } });
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const answered = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(await answered.json()).toEqual({ data: { __typename: 'Query' } });
      expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length >= body.length)).toHaveLength(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses query text over 32 KiB (comments count) before parsing it; a GET that long never gets past the header limit', async () => {
    const base = await start();
    const long = `{ __typename }\n${'# padding\n'.repeat(3300)}`;
    const byPost = await post(base, long);
    expect(byPost.status).toBe(400);
    const body = (await byPost.json()) as Errors;
    expect(body.errors[0]!.extensions.code).toBe('QUERY_TOO_LONG');
    expect(body.errors[0]!.message).toContain('over the limit of 32768');
    // A GET cannot carry that much: Node refuses a request line over its 16 KiB header limit.
    const byGet = await fetch(`${base}/graphql?query=${encodeURIComponent(long)}`);
    expect(byGet.status).toBe(431);
    expect((await post(base, `{ __typename }\n${'# padding\n'.repeat(3000)}`)).status).toBe(200);
  });

  it('refuses bodies over the limit with 413, declared or streamed', async () => {
    const base = await start({ maxBodyBytes: 2000 });
    const big = JSON.stringify({ query: `{ levels { slug } }${' '.repeat(3000)}` });
    const declared = await post(base, big);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('larger than 2000 bytes');
    const streamed = await rawPost(base, [Buffer.from('{"query":"'), Buffer.alloc(3000, 32), Buffer.from('"}')]);
    expect(streamed.status).toBe(413);
    expect((await post(base, '{ levels { slug } }')).status).toBe(200);
  });

  it('allows only the configured origins to read, and answers their preflights', async () => {
    const base = await start({ corsOrigins: ['https://wiki.example.com'] });
    const allowed = await fetch(persistedUrl(base), { headers: { origin: 'https://wiki.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://wiki.example.com');
    expect(allowed.headers.get('vary')).toContain('origin');
    const other = await fetch(persistedUrl(base), { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://wiki.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('turns introspection off in production unless enabled, and hides field suggestions there', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    const production = await start({ production: true, introspection: false });
    const refused = (await (await post(production, introspect)).json()) as { errors: { message: string }[] };
    expect(refused.errors[0]!.message).toContain('introspection');
    expect(await (await post(production, '{ __typename }')).json()).toEqual({ data: { __typename: 'Query' } });
    const typo = (await (await post(production, '{ levls { slug } }')).json()) as { errors: { message: string }[] };
    expect(typo.errors[0]!.message).not.toContain('Did you mean');

    const enabled = await start({ production: true, introspection: true });
    expect(await (await post(enabled, introspect)).json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const development = await start({ production: false, introspection: true });
    const helped = (await (await post(development, '{ levls { slug } }')).json()) as { errors: { message: string }[] };
    expect(helped.errors[0]!.message).toContain('Did you mean "levels"');
  });

  it('masks unexpected errors: no message, no stack, no internals', async () => {
    const broken = Object.create(store) as ContentStore;
    Object.defineProperty(broken, 'framework', {
      get: () => new Proxy(store.framework, { get: (target, key) => (key === 'levels' ? boom() : Reflect.get(target, key)) }),
    });
    const base = await start({ production: true }, broken);
    const response = await post(base, '{ levels { slug } }');
    const text = await response.text();
    expect(response.status).toBeLessThan(500);
    expect(JSON.parse(text)).toMatchObject({ errors: [{ message: 'Unexpected error.' }] });
    expect(text).not.toContain('/etc/secret');
    expect(text).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('the execution timeout', () => {
  it('stops waiting for a query that runs too long and says so as a GraphQL error', async () => {
    const route = createGraphqlRoute(
      store,
      logger,
      { ...readServerOptions({}), queryTimeoutMs: 150 },
      () => new Promise<Executed>(() => {}),
    );
    const server = createServer((req, res) => route(req, res, new URL(req.url ?? '/', 'http://localhost')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const response = await post(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, '{ levels { slug } }');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        data: null,
        errors: [
          {
            message: 'The query did not finish within 150 ms and was stopped. Ask for fewer fields or fewer items.',
            extensions: { code: 'QUERY_TIMEOUT' },
          },
        ],
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

function boom(): never {
  throw new Error('database password in /etc/secret');
}

/** A POST with no Content-Length (chunked), so the limit must be enforced while reading. */
function rawPost(base: string, chunks: Buffer[]): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode! });
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}
