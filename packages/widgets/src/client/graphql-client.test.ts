import { afterEach, describe, expect, it, vi } from 'vitest';
import { altitudeUrl, cleanup, mount, settled, unreachableUrl } from '../../test/fixture.js';
import '../define.js';
import { FailureModeCardOperation, LevelComparisonOperation } from '../queries/generated.js';
import { GraphqlClient, clientFor } from './graphql-client.js';
import type { AltitudeRequestError } from './request-error.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('GraphqlClient', () => {
  it('sends identical concurrent requests once and keeps the answer for the page', async () => {
    const client = new GraphqlClient(altitudeUrl());
    const variables = { slugs: ['staff', 'principal'], dimensions: null, locale: null };
    const [a, b, c] = await Promise.all([
      client.request(LevelComparisonOperation, variables),
      client.request(LevelComparisonOperation, variables),
      client.request(LevelComparisonOperation, variables),
    ]);
    expect(client.requestCount).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    await client.request(LevelComparisonOperation, variables);
    expect(client.requestCount).toBe(1);
    await client.request(LevelComparisonOperation, { slugs: ['principal', 'staff'], dimensions: null, locale: null });
    expect(client.requestCount).toBe(2);
  });

  it('asks a static build again one subtag shorter, then in English, when it has no file for a locale', async () => {
    const asked: string[] = [];
    const fetchImpl = vi.fn((url: string | URL | Request) => {
      asked.push(url instanceof Request ? url.url : url.toString());
      return Promise.resolve(
        asked.length < 3 ? new Response('not found', { status: 404 }) : Response.json({ data: { compareLevels: { rows: [] } } }),
      );
    });
    const client = new GraphqlClient('https://static.example/altitude/graphql/', fetchImpl);
    await expect(client.request(LevelComparisonOperation, { slugs: ['staff'], dimensions: null, locale: 'de-CH' })).resolves.toEqual({
      compareLevels: { rows: [] },
    });
    expect(asked).toHaveLength(3);
    const locales = asked.map((url) => /locale/.test(url));
    expect(locales).toEqual([true, true, false]);
    expect(asked[0]).not.toBe(asked[1]);
    // A server falls back itself: its 404 is an error, not a reason to ask again.
    const server = new GraphqlClient('https://api.example/graphql', () => Promise.resolve(new Response('gone', { status: 404 })));
    await expect(server.request(LevelComparisonOperation, { slugs: ['staff'], dimensions: null, locale: 'de-CH' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('keys its cache on what the variables say, not the order they were written in', async () => {
    const fetchImpl = vi.fn(() => Promise.resolve(Response.json({ data: { compareLevels: { rows: [] } } })));
    const client = new GraphqlClient('https://api.example/graphql', fetchImpl);
    const written = [
      { slugs: ['staff', 'principal'], dimensions: null, nested: { b: 1, a: { d: 2, c: null } } },
      { nested: { a: { c: null, d: 2 }, b: 1 }, slugs: ['staff', 'principal'] },
      { dimensions: undefined, nested: { a: { d: 2 }, b: 1 }, slugs: ['staff', 'principal'] },
    ];
    for (const variables of written) await client.request(LevelComparisonOperation, variables as never);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    for (const variables of written) expect(client.peek(LevelComparisonOperation, variables as never)).toBeDefined();
    client.prime(FailureModeCardOperation, { slug: 'x', extra: { b: 1, a: 2 } } as never, { failureMode: null, failureModes: [] });
    expect(client.peek(FailureModeCardOperation, { extra: { a: 2, b: 1 }, slug: 'x' } as never)).toEqual({
      failureMode: null,
      failureModes: [],
    });
    // The order inside a list is meaningful (it is the column order), so it stays part of the key.
    await client.request(LevelComparisonOperation, { slugs: ['principal', 'staff'], dimensions: null, locale: null });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('is shared by every widget on the page: five identical widgets make one request', async () => {
    const endpoint = `${altitudeUrl()}?shared=1`;
    const fetchSpy = vi.spyOn(window, 'fetch');
    const elements = Array.from({ length: 5 }, () =>
      mount(`<de-failure-mode-card endpoint="${endpoint}" mode="super-coder"></de-failure-mode-card>`),
    );
    expect(await Promise.all(elements.map((e) => settled(e)))).toEqual(['load', 'load', 'load', 'load', 'load']);
    const sent = fetchSpy.mock.calls
      .map(([url]) => (url instanceof Request ? url.url : url.toString()))
      .filter((url) => url.startsWith(endpoint));
    expect(sent).toEqual([`${endpoint}&id=${FailureModeCardOperation}&variables=${encodeURIComponent('{"slug":"super-coder"}')}`]);
    expect(clientFor(endpoint).requestCount).toBe(1);
  });

  it('does not keep failures, so a later request tries again', async () => {
    const client = new GraphqlClient(unreachableUrl);
    const variables = { slugs: ['staff', 'principal'], dimensions: null, locale: null };
    const first = await client.request(LevelComparisonOperation, variables).then(
      () => undefined,
      (error: AltitudeRequestError) => error,
    );
    expect(first?.kind).toBe('network');
    await client.request(LevelComparisonOperation, variables).catch(() => undefined);
    expect(client.requestCount).toBe(2);
  });

  it('reports GraphQL errors, HTTP errors and non-GraphQL answers with what happened', async () => {
    const answer = (body: string, status: number) =>
      new Client(() => Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } })));
    class Client extends GraphqlClient {
      constructor(fetchImpl: typeof fetch) {
        super('https://api.example/graphql', fetchImpl);
      }
    }
    const variables = { slugs: ['a', 'b'], dimensions: null, locale: null };
    const failure = (client: GraphqlClient) =>
      client.request(LevelComparisonOperation, variables).then(
        () => {
          throw new Error('expected the request to fail');
        },
        (error: AltitudeRequestError) => error,
      );
    const graphqlError = await failure(answer('{"errors":[{"message":"Unknown level slug \\"a\\"."}],"data":null}', 200));
    expect([graphqlError.kind, graphqlError.message]).toEqual(['graphql', 'Unknown level slug "a".']);
    const httpError = await failure(answer('{}', 503));
    expect([httpError.kind, httpError.message]).toEqual(['http', 'The Altitude API at https://api.example/graphql answered 503.']);
    const notGraphql = await failure(answer('<html>proxy error</html>', 502));
    expect(notGraphql.message).toBe('The Altitude API at https://api.example/graphql answered 502 with something that is not GraphQL.');
  });
});
