import { once } from 'node:events';
import net from 'node:net';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ContentStore } from '../content/content-store.js';
import { readServerOptions, type ServerOptions } from '../config/server-options.js';
import { createLogger } from '../logger.js';
import { MAX_PIPELINED_REQUESTS, startServer, type RunningServer } from './start-server.js';

let store: ContentStore;
const lines: Record<string, unknown>[] = [];
const logger = createLogger({ write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
let running: RunningServer | undefined;

beforeAll(async () => {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  store = opened.store;
});
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const start = async (limits: Partial<ServerOptions> = {}) =>
  (running = await startServer(store, logger, {
    port: 0,
    host: '127.0.0.1',
    serverOptions: { ...readServerOptions({}), ...limits },
  }));

/** A raw TCP connection to the server, to behave as no well-mannered client would. */
async function connect(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  socket.on('error', () => {});
  await once(socket, 'connect');
  return socket;
}

/** Sends one keep-alive GET on `socket` and resolves with the status line of the answer. */
async function statusOn(socket: net.Socket, path: string): Promise<string> {
  socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`);
  const [chunk] = (await once(socket, 'data')) as [Buffer];
  return chunk.toString('latin1').split('\r\n')[0]!;
}

/** Resolves with how long the server took to close the socket, or rejects after `withinMs`. */
/**
 * Writes `piece(n)` every 100 ms, at most 100 times or until the server
 * closes the socket, and collects what the server answers.
 */
function trickle(socket: net.Socket, piece: (n: number) => string) {
  let sent = 0;
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  const timer = setInterval(() => {
    if (socket.destroyed || ++sent > 100) clearInterval(timer);
    else socket.write(piece(sent));
  }, 100);
  return {
    sent: () => sent,
    answer: () => answer,
    stop() {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

function closedWithin(socket: net.Socket, withinMs: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${withinMs} ms`)), withinMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

describe('HTTP routing', () => {
  it('answers unknown paths with a JSON 404 that lists the endpoints', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: 'nothing at /nope',
      endpoints: [
        '/graphql',
        '/widgets.js',
        '/widgets-all.js',
        '/export/framework.json',
        '/export/levels.csv',
        '/export/framework.jsonld',
        '/export/framework.schema.json',
        '/export/15five/',
        '/export/sap-jpb/',
        '/export/workday/',
        '/health',
        '/ready',
        '/',
      ],
    });
  });

  it('answers a wrong method on /health with 405 and Allow', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/health`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('serves the demo page at / with its assets, under a strict CSP', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/`, { headers: { host: 'wiki-demo.example:4000' } });
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'/,
    );
    const html = await response.text();
    expect(html).toContain('<a href="/graphql">GraphiQL</a>');
    expect(html).toContain(`version ${store.framework.version}`);
    expect(html).not.toMatch(/<script>|<style>| style=| on[a-z]+=/);
    for (const asset of ['/demo.css', '/demo.js']) {
      expect(html).toContain(asset);
      expect((await fetch(`${url}${asset}`)).status).toBe(200);
    }
  });

  it('answers /favicon.ico with no content, so pages log no 404', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/favicon.ico`)).status).toBe(204);
  });
});

describe('shutdown', () => {
  it('closes promptly even with idle keep-alive connections, then refuses new ones', async () => {
    const server = await start();
    // fetch keeps the socket alive after this response; close() must not wait for it.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const started = Date.now();
    await server.close(5_000);
    running = undefined;
    // Well short of the 5 s deadline it would wait out for the idle socket, with room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(2_500);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});

describe('request log', () => {
  it('writes one line per request with method, path, status and duration', async () => {
    const { url } = await start();
    lines.length = 0;
    await fetch(`${url}/ready`);
    await fetch(`${url}/missing`);
    // Each line is written on its response's 'close', which may come after the client has read the answer.
    const requestLines = () => lines.filter((l) => l.msg === 'request');
    await vi.waitFor(() => expect(requestLines()).toHaveLength(2), { timeout: 5_000 });
    const requests = requestLines();
    expect(requests.map((l) => [l.method, l.path, l.status])).toEqual([
      ['GET', '/ready', 200],
      ['GET', '/missing', 404],
    ]);
    expect(requests.every((l) => typeof l.durationMs === 'number' && typeof l.time === 'string')).toBe(true);
  });
});

describe('slow and greedy clients', () => {
  it('cuts off a client that trickles its headers, and keeps serving others', { timeout: 20_000 }, async () => {
    const { url } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 1_000 });
    const socket = await connect(url);
    socket.write('GET /health HTTP/1.1\r\nHost: test\r\n');
    // One header line every 100 ms, never the blank line that ends them.
    const slow = trickle(socket, (n) => `X-Slow-${n}: yes\r\n`);
    try {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      // Closed within a few seconds of the 300 ms limit, not the 30 s of node's default checking interval.
      await closedWithin(socket, 5_000);
      expect(slow.answer()).toMatch(/^HTTP\/1\.1 408 /);
      expect(slow.sent()).toBeLessThan(100);
    } finally {
      slow.stop();
    }
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('cuts off a client that trickles its request body', { timeout: 20_000 }, async () => {
    const { url } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const socket = await connect(url);
    socket.write('POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    // One byte every 100 ms of a 1,000-byte body.
    const slow = trickle(socket, () => ' ');
    try {
      await closedWithin(socket, 5_000);
      expect(slow.answer()).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      slow.stop();
    }
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it(
    'closes a connection that queues too many unanswered requests, so a client that never reads holds little',
    { timeout: 30_000 },
    async () => {
      const server = await start();
      const serverSockets: net.Socket[] = [];
      server.server.on('connection', (s: net.Socket) => serverSockets.push(s));
      const socket = await connect(server.url);
      socket.pause();
      // 100 pipelined requests for a 70 KB answer, in one write, never read: node parses them all
      // before it notices its writes stall, and used to queue all 100 answers (7 MB) in memory.
      const size = (await (await fetch(`${server.url}/widgets.js`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
        .byteLength;
      socket.write('GET /widgets.js HTTP/1.1\r\nHost: test\r\nAccept-Encoding: identity\r\n\r\n'.repeat(100));
      try {
        await vi.waitFor(() => expect(serverSockets.find((s) => s.remotePort === socket.localPort)).toBeDefined(), { timeout: 5_000 });
        const held = serverSockets.find((s) => s.remotePort === socket.localPort)!;
        await closedWithin(held, 5_000);
        expect(held.bytesWritten).toBeLessThanOrEqual(MAX_PIPELINED_REQUESTS * (size + 1_000));
        expect((await fetch(`${server.url}/health`)).status).toBe(200);
      } finally {
        socket.destroy();
      }
    },
  );

  it('destroys a socket with no traffic either way after the idle timeout', { timeout: 20_000 }, async () => {
    // Header and request limits far away, so only the idle timeout can act.
    const server = await start({ socketIdleTimeoutMs: 500, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 });
    const socket = await connect(server.url);
    socket.write('GET /health HTTP/1.1\r\n');
    try {
      expect(await closedWithin(socket, 5_000)).toBeGreaterThanOrEqual(400);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      socket.destroy();
    }
  });

  it('refuses connections over the cap at accept, while open ones keep working', { timeout: 20_000 }, async () => {
    const { url } = await start({ maxConnections: 2 });
    const first = await connect(url);
    const second = await connect(url);
    try {
      expect(await statusOn(first, '/health')).toBe('HTTP/1.1 200 OK');
      expect(await statusOn(second, '/health')).toBe('HTTP/1.1 200 OK');
      const third = await connect(url);
      let answered = false;
      third.on('data', () => (answered = true));
      third.write('GET /health HTTP/1.1\r\nHost: test\r\n\r\n');
      await closedWithin(third, 5_000);
      expect(answered).toBe(false);
      expect(await statusOn(first, '/health')).toBe('HTTP/1.1 200 OK');
      await vi.waitFor(() =>
        expect(lines.some((l) => l.msg === 'connections refused: at the connection cap' && l.maxConnections === 2)).toBe(true),
      );
      // A freed place is taken again.
      second.destroy();
      await vi.waitFor(async () => expect((await fetch(`${url}/health`, { headers: { connection: 'close' } })).status).toBe(200), {
        timeout: 5_000,
      });
    } finally {
      first.destroy();
      second.destroy();
    }
  });
});
