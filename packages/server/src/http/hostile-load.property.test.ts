import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../../tests/support/raw-request.js';
import { readServerOptions, type ServerOptions } from '../config/server-options.js';
import { ContentStore } from '../content/content-store.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from './start-server.js';

// Properties: generated requests built to make the server work hard (long
// search words, huge client-chosen lists, unique padded bodies, huge page
// sizes), each at most 1 MiB. Every answer is a refusal (4xx) or a 200 no
// larger than the response limit, and the heap stays within a stated bound:
// what the response cache may hold plus a fixed allowance for the work of a
// few requests in flight.

const MiB = 1024 * 1024;
const OPTIONS: ServerOptions = {
  ...readServerOptions({}),
  production: true,
  introspection: false,
  maxBodyBytes: MiB,
  cacheMaxBytes: 8 * MiB,
};
/** Heap growth allowed at any moment (garbage included) and after a collection. */
const LIVE_HEAP_BOUND = 256 * MiB;
const SETTLED_HEAP_BOUND = OPTIONS.cacheMaxBytes + 48 * MiB;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let server: RunningServer;
let staffId = '';

beforeAll(async () => {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  server = await startServer(opened.store, createLogger({ write: () => {} }), { port: 0, host: '127.0.0.1', serverOptions: OPTIONS });
  const answer = await post({ query: '{ level(slug: "staff") { id } }' });
  staffId = (JSON.parse(answer.text) as { data: { level: { id: string } } }).data.level.id;
});
afterAll(() => server.close());

async function post(body: unknown): Promise<{ status: number; text: string; bytes: number }> {
  const sent = Buffer.from(JSON.stringify(body));
  const answer = await rawRequest(server.url, '/graphql', { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, 'POST', sent);
  const bytes = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;
  return { status: answer.status, text: bytes.toString(), bytes: bytes.length };
}

const letters = (length: number, seed: number) =>
  Array.from({ length }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed) % 26))).join('');

/**
 * What a hostile client sends, as a short description (so a failure prints
 * the recipe, not a megabyte of body); `bodyOf` writes it out.
 */
type Hostile =
  | { kind: 'long-word'; length: number; seed: number }
  | { kind: 'many-words'; words: number; size: number }
  | { kind: 'repeated-ids'; copies: number; aliases: number }
  | { kind: 'page-size'; n: number; aliases: number }
  | { kind: 'compare-lists'; copies: number }
  | { kind: 'padded'; size: number; seed: string }
  | { kind: 'commented'; size: number; seed: string };

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.record({ kind: fc.constant('long-word' as const), length: fc.integer({ min: 1, max: 200_000 }), seed: fc.nat(25) }),
  fc.record({
    kind: fc.constant('many-words' as const),
    words: fc.integer({ min: 1, max: 20_000 }),
    size: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('repeated-ids' as const),
    copies: fc.integer({ min: 1, max: 20_000 }),
    aliases: fc.integer({ min: 1, max: 15 }),
  }),
  fc.record({
    kind: fc.constant('page-size' as const),
    n: fc.oneof(fc.integer(), fc.constantFrom(0, 1, 500, 501, 2 ** 31 - 1)),
    aliases: fc.integer({ min: 1, max: 15 }),
  }),
  fc.record({ kind: fc.constant('compare-lists' as const), copies: fc.integer({ min: 0, max: 50_000 }) }),
  fc.record({
    kind: fc.constant('padded' as const),
    size: fc.integer({ min: 1, max: 900_000 }),
    seed: fc.string({ minLength: 8, maxLength: 8 }),
  }),
);

const aliased = (count: number, field: (i: number) => string) => Array.from({ length: count }, (_, i) => field(i)).join(' ');

/** The request body for a description; each at most about 1 MiB. */
function bodyOf(h: Hostile): { query: string; variables: Record<string, unknown> } {
  switch (h.kind) {
    case 'long-word': // one very long word, as a variable so the token limit never sees it
      return { query: 'query($t: String!) { search(text: $t) { score } }', variables: { t: letters(h.length, h.seed) } };
    case 'many-words':
      return {
        query: 'query($t: String!, $n: Int!) { search(text: $t, first: $n) { score } }',
        variables: { t: Array.from({ length: h.words }, (_, i) => letters(h.size, i)).join(' '), n: 50 },
      };
    case 'repeated-ids':
      return {
        query: `query($ids: [ID!]!) { ${aliased(h.aliases, (i) => `a${i}: nodes(ids: $ids) { id ... on Level { title summary } }`)} }`,
        variables: { ids: Array.from({ length: h.copies }, () => staffId) },
      };
    case 'page-size':
      return {
        query: `query($n: Int) { ${aliased(h.aliases, (i) => `c${i}: changes(first: $n) { edges { node { __typename } } } s${i}: search(text: "level", first: $n) { score }`)} }`,
        variables: { n: h.n },
      };
    case 'compare-lists':
      return {
        query: 'query($s: [String!]!, $d: [String!]) { compareLevels(slugs: $s, dimensions: $d) { rows { cells { text } } } }',
        variables: {
          s: Array.from({ length: h.copies }, (_, i) => `level-${i}`),
          d: Array.from({ length: h.copies }, () => 'time-horizon'),
        },
      };
    case 'padded': // a cheap query with a unique, unused variable
      return { query: '{ __typename }', variables: { pad: `${h.seed}${'x'.repeat(h.size)}` } };
    case 'commented':
      return { query: `{ __typename }\n#${h.seed}${'#'.repeat(h.size)}`, variables: {} };
  }
}

describe('hostile requests of at most 1 MiB', () => {
  it('are refused (4xx) or answered within the response limit, and the heap stays bounded', { timeout: 240_000 }, async () => {
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (h) => {
        const answer = await post(bodyOf(h));
        expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
        if (answer.status === 200) expect(answer.bytes).toBeLessThanOrEqual(OPTIONS.maxResponseBytes);
        const parsed = JSON.parse(answer.text) as { data?: unknown; errors?: unknown[] };
        expect('data' in parsed || Array.isArray(parsed.errors)).toBe(true);
        const growth = process.memoryUsage().heapUsed - baseline;
        peak = Math.max(peak, growth);
        expect(growth, `heap grew by ${(growth / MiB).toFixed(1)} MiB`).toBeLessThan(LIVE_HEAP_BOUND);
      }),
      { numRuns: 400, endOnFailure: true },
    );
    collectGarbage();
    const settled = process.memoryUsage().heapUsed - baseline;
    expect(settled, `heap grew by ${(settled / MiB).toFixed(1)} MiB after collection (peak ${(peak / MiB).toFixed(1)})`).toBeLessThan(
      SETTLED_HEAP_BOUND,
    );
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
