import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import { logRequest } from './request-log.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that logs every request: /full (whatever its query) answers "hello", /long 1000 bytes, /hang sends a first chunk and never ends. */
async function logged(lines: Record<string, unknown>[]): Promise<string> {
  const logger = createLogger({ write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  server = createServer((req, res) => {
    logRequest(req, res, logger, req.url!);
    if (req.url!.startsWith('/full')) res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5' }).end('hello');
    else if (req.url === '/long') res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(1000));
    else res.writeHead(200, { 'content-type': 'text/plain' }).write('first');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The line is written on the response's 'close', which may come after the client has read it all. */
const logging = { timeout: 5_000 };
/** Long enough for a second line, were one coming, once the first has been written. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('logRequest', () => {
  it('writes one line for a response sent in full, with the bytes that went out', async () => {
    const lines: Record<string, unknown>[] = [];
    const base = await logged(lines);
    expect(await (await fetch(`${base}/full`)).text()).toBe('hello');
    await vi.waitFor(() => expect(lines).toHaveLength(1), logging);
    await settle();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', method: 'GET', path: '/full', status: 200, remote: '127.0.0.1' });
    expect(lines[0]!.aborted).toBeUndefined();
    // The status line and headers, then the five bytes of body.
    expect(lines[0]!.bytes).toBeGreaterThan(5 + 'HTTP/1.1 200 OK\r\n'.length);
    expect(typeof lines[0]!.durationMs).toBe('number');
  });

  it('writes one line marked aborted when the client goes away first', async () => {
    const lines: Record<string, unknown>[] = [];
    const base = await logged(lines);
    await new Promise<void>((resolve) => {
      const req = request(`${base}/hang`, (res) => res.once('data', () => (req.destroy(), resolve())));
      req.end();
    });
    await vi.waitFor(() => expect(lines).toHaveLength(1), logging);
    await settle();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ path: '/hang', status: 200, aborted: true });
  });

  it('keeps a line one JSON object whatever the client sends in the path and user agent', async () => {
    const lines: Record<string, unknown>[] = [];
    const { port } = new URL(await logged(lines));
    // Quotes and backslashes in the path (Node refuses other bytes there); those, a tab and Latin-1 in a header.
    const path = '/full?q="\\x"';
    const agent = 'bot "quoted" \\ back\tslash ü';
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(Buffer.from(`GET ${path} HTTP/1.1\r\nhost: x\r\nuser-agent: ${agent}\r\nconnection: close\r\n\r\n`, 'latin1')),
      );
      socket.on('data', () => undefined);
      socket.on('end', resolve);
      socket.on('error', reject);
    });
    await vi.waitFor(() => expect(lines).toHaveLength(1), logging);
    // logged() parsed the line: it is valid JSON, and gives back exactly what arrived.
    expect(lines[0]).toMatchObject({
      method: 'GET',
      path,
      userAgent: agent,
    });
  });

  it('counts each pipelined response on a shared socket as its own', async () => {
    const lines: Record<string, unknown>[] = [];
    const { port } = new URL(await logged(lines));
    const received = await new Promise<number>((resolve, reject) => {
      let total = 0;
      const socket = connect(Number(port), '127.0.0.1', () =>
        // Three requests in one write: the server answers them one after another on this socket.
        socket.write(
          ['/long', '/full', '/long']
            .map((p, i) => `GET ${p} HTTP/1.1\r\nhost: x\r\n${i === 2 ? 'connection: close\r\n' : ''}\r\n`)
            .join(''),
        ),
      );
      socket.on('data', (chunk: Buffer) => (total += chunk.length));
      socket.on('end', () => resolve(total));
      socket.on('error', reject);
    });
    await vi.waitFor(() => expect(lines).toHaveLength(3), logging);
    expect(lines.map((l) => l.path)).toEqual(['/long', '/full', '/long']);
    const bytes = lines.map((l) => l.bytes as number);
    expect(bytes.reduce((a, b) => a + b)).toBe(received);
    expect(bytes[0]).toBeGreaterThan(1000);
    expect(bytes[1]).toBeLessThan(500);
    expect(bytes[2]).toBeGreaterThan(1000);
  });
});
