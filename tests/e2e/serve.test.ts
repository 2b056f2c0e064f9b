import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphql, startCliServer, type CliServer } from '../support/cli.js';

let server: CliServer;
beforeAll(async () => {
  server = await startCliServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('altitude serve, end to end over HTTP', () => {
  it('binds to 127.0.0.1 on the port it was given', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('returns the whole comparison for the README query', async () => {
    const { status, body } = await postGraphql(
      server.url,
      '{ compareLevels(slugs:["staff","principal","distinguished"]) { rows { dimension { title } cells { text } } } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const rows = body.data.compareLevels.rows as { dimension: { title: string }; cells: { text: string }[] }[];
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) {
      expect(row.cells).toHaveLength(3);
      for (const cell of row.cells) expect(cell.text.length).toBeGreaterThan(20);
    }
  });

  it('lists levels, searches, and fetches a node by ID', async () => {
    const { body } = await postGraphql(
      server.url,
      '{ levels { id slug rank } search(text: "risk", first: 3) { edges { node { type score entity { id slug } } } } }',
    );
    expect(body.data.levels.map((l: { slug: string }) => l.slug)).toEqual(['staff', 'principal', 'distinguished']);
    const [hit] = body.data.search.edges.map((e: { node: { entity: { id: string; slug: string } } }) => e.node);
    expect(hit.entity.slug).toBe('technical-risk-identification');
    const id = hit.entity.id as string;
    const node = await postGraphql(server.url, 'query($id: ID!) { node(id: $id) { id ... on LeverageMechanism { title inPractice } } }', {
      id,
    });
    expect(node.body.data.node.id).toBe(id);
    expect(node.body.data.node.inPractice.length).toBeGreaterThan(0);
  });

  it('answers GET for cacheable reads', async () => {
    const query = encodeURIComponent('{ failureMode(slug: "floating-advisor") { title } }');
    const response = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { failureMode: { title: string } } }).data.failureMode.title).toBeTruthy();
  });

  it('reports a bad comparison as a GraphQL error naming the slug and the valid ones', async () => {
    const { body } = await postGraphql(server.url, '{ compareLevels(slugs: ["staff", "lead"]) { levels { slug } } }');
    expect(body.errors?.[0]?.message).toBe('Unknown level slug "lead". Valid level slugs: staff, principal, distinguished.');
  });

  it('serves GraphiQL at /graphql in a browser, self-hosted, with the example queries preloaded', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    for (const name of ['CompareLevels', 'FailureMode', 'Search', 'Levels']) expect(html).toContain(`query ${name}`);
    // Nothing is fetched from a CDN: intranets without internet access still get GraphiQL.
    expect(html).not.toMatch(/<script[^>]+src=["']https?:|<link[^>]+href=["']https?:[^"']+\.css/);

    const again = await fetch(`${server.url}/graphql`, {
      headers: { accept: 'text/html', 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('answers /health and /ready', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      version: expect.any(String),
      contentHash: expect.stringMatching(/^sha256:/),
    });
  });

  it('writes one structured log line per request', async () => {
    await fetch(`${server.url}/health?probe=log-line`);
    const line = await server.waitForLog((l) => l.msg === 'request' && l.path === '/health' && l.method === 'GET');
    expect(line).toMatchObject({ level: 'info', status: 200, durationMs: expect.any(Number) });
    expect(typeof line.time).toBe('string');
  });
});

describe('shutdown', () => {
  it('stops cleanly on SIGINT and on SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const own = await startCliServer();
      expect((await fetch(`${own.url}/health`)).status).toBe(200);
      expect(await own.stop(signal)).toBe(0);
      expect(own.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    }
  });
});
