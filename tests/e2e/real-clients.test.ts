import { createHash } from 'node:crypto';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, createRequest, fetchExchange, gql as urqlGql, stringifyDocument } from '@urql/core';
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

describe('urql with automatic persisted queries', () => {
  // @urql/exchange-persisted is not a dependency here: this sends what its
  // persistedExchange sends (the hash by GET; on PersistedQueryNotFound, the
  // query with `miss: true` by POST), through urql's own fetchExchange.
  it('answers the hash alone PersistedQueryNotFound, registers the query sent on the miss, then serves the GET by hash', async () => {
    const recorder = recordingFetch();
    const client = new Client({ url: `${server.url}/graphql`, exchanges: [fetchExchange], fetch: recorder.fetch });
    const query = urqlGql`
      query LevelSlugs {
        levels {
          slug
        }
      }
    `;
    const sha256Hash = sha256(stringifyDocument(query));
    const ask = (miss: boolean) =>
      client
        .executeQuery(createRequest(query, {}, { persistedQuery: { version: 1, sha256Hash, ...(miss ? { miss: true } : {}) } }), {
          requestPolicy: 'network-only',
          preferGetMethod: miss ? false : 'force',
        })
        .toPromise();

    const unknown = await ask(false);
    // What persistedExchange looks for before it sends the query.
    expect(unknown.error?.graphQLErrors.map((e) => [e.message, e.extensions.code])).toEqual([
      ['PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND'],
    ]);
    const registered = await ask(true);
    expect(registered.data).toEqual({ levels: [{ slug: 'staff' }, { slug: 'principal' }, { slug: 'distinguished' }] });
    const byHash = await ask(false);
    expect(byHash.error).toBeUndefined();
    expect(byHash.data).toEqual(registered.data);
    expect(recorder.exchanges.map(({ method, status, withQuery }) => ({ method, status, withQuery }))).toEqual([
      { method: 'GET', status: 404, withQuery: false },
      { method: 'POST', status: 200, withQuery: true },
      { method: 'GET', status: 200, withQuery: false },
    ]);
    expect(recorder.exchanges[2]!.etag).toMatch(/^"[\w-]{27}(-gz)?"$/);

    // Revalidating by that ETag is answered 304 from the response cache.
    const url = `${server.url}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }))}`;
    const first = await fetch(url);
    const again = await fetch(url, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
