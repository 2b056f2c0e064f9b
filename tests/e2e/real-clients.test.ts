import { createHash } from 'node:crypto';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, fetchExchange, gql as urqlGql, stringifyDocument } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer, type CliServer } from '../support/cli.js';

// The GraphQL clients most API users pick, set up as their docs say, against
// the real server: automatic persisted queries must fall back, register, and
// then be served by hash from the cache like the widgets' own operations.
let server: CliServer;
beforeAll(async () => {
  server = await startCliServer();
});
afterAll(async () => {
  await server?.stop();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Exchange {
  readonly method: string;
  readonly status: number;
  readonly etag: string | null;
  readonly cacheControl: string | null;
  /** Whether the request carried the document itself. */
  readonly withQuery: boolean;
}

/** fetch, recording what each request asked and what came back. */
function recordingFetch() {
  const exchanges: Exchange[] = [];
  const recorded: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const withQuery = new URL(request.url).searchParams.has('query') || (await request.clone().text()).includes('"query"');
    const response = await fetch(request);
    exchanges.push({
      method: request.method,
      status: response.status,
      etag: response.headers.get('etag'),
      cacheControl: response.headers.get('cache-control'),
      withQuery,
    });
    return response;
  };
  return { fetch: recorded, exchanges };
}

const LEVEL = gql`
  query LevelTitle($slug: String!) {
    level(slug: $slug) {
      slug
      title
    }
  }
`;

describe('Apollo Client with the persisted-queries link and useGETForHashedQueries', () => {
  it('falls back to sending the query once, then reads it by hash with a cacheable GET', async () => {
    const recorder = recordingFetch();
    const client = new ApolloClient({
      link: new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
        new HttpLink({ uri: `${server.url}/graphql`, fetch: recorder.fetch }),
      ),
      cache: new InMemoryCache(),
    });
    const ask = () => client.query({ query: LEVEL, variables: { slug: 'staff' }, fetchPolicy: 'network-only' });

    const first = await ask();
    expect(first.data).toEqual({ level: { __typename: 'Level', slug: 'staff', title: 'Staff Engineer' } });
    // A GET by hash the server did not know, then the query itself, which registers it.
    expect(recorder.exchanges.map(({ method, status, withQuery }) => ({ method, status, withQuery }))).toEqual([
      { method: 'GET', status: 404, withQuery: false },
      { method: 'POST', status: 200, withQuery: true },
    ]);

    const second = await ask();
    expect(second.data).toEqual(first.data);
    const byHash = recorder.exchanges[2]!;
    expect(byHash).toMatchObject({ method: 'GET', status: 200, withQuery: false, cacheControl: expect.stringContaining('public') });
    expect(byHash.etag).toMatch(/^"[\w-]{27}(-gz)?"$/);
    expect(recorder.exchanges).toHaveLength(3);
  });
});

describe('urql with its persisted exchange (preferGetForPersistedQueries)', () => {
  it('answers the hash alone PersistedQueryNotFound, registers the query sent on the miss, then serves the GET by hash', async () => {
    const recorder = recordingFetch();
    const client = () =>
      new Client({
        url: `${server.url}/graphql`,
        exchanges: [
          persistedExchange({ preferGetForPersistedQueries: true, generateHash: (query) => Promise.resolve(sha256(query)) }),
          fetchExchange,
        ],
        fetch: recorder.fetch,
        requestPolicy: 'network-only',
      });
    const query = urqlGql`
      query LevelSlugs {
        levels {
          slug
        }
      }
    `;

    const registered = await client().query(query, {}).toPromise();
    expect(registered.error).toBeUndefined();
    expect(registered.data).toEqual({ levels: [{ slug: 'staff' }, { slug: 'principal' }, { slug: 'distinguished' }] });
    // A fresh client (a new page) asks by hash alone, and is served.
    const byHash = await client().query(query, {}).toPromise();
    expect(byHash.error).toBeUndefined();
    expect(byHash.data).toEqual(registered.data);
    expect(recorder.exchanges.map(({ method, status, withQuery }) => ({ method, status, withQuery }))).toEqual([
      { method: 'GET', status: 404, withQuery: false },
      // urql resends the miss by GET too, with the query and the hash.
      { method: 'GET', status: 200, withQuery: true },
      { method: 'GET', status: 200, withQuery: false },
    ]);
    const hit = recorder.exchanges[2]!;
    expect(hit.etag).toMatch(/^"[\w-]{27}(-gz)?"$/);
    expect(hit.cacheControl).toContain('public');

    // Revalidating by that ETag is answered 304 from the response cache.
    const sha256Hash = sha256(stringifyDocument(query));
    const url = `${server.url}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }))}`;
    const first = await fetch(url);
    const again = await fetch(url, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
