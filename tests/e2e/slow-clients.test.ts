import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer, type CliServer } from '../support/cli.js';

// The connection limits reach the server from the environment, as an operator sets them.

let server: CliServer;
beforeAll(async () => {
  server = await startCliServer([], {
    env: { ALTITUDE_HEADERS_TIMEOUT_MS: '300', ALTITUDE_REQUEST_TIMEOUT_MS: '1000', ALTITUDE_MAX_CONNECTIONS: '2' },
  });
});
afterAll(async () => {
  await server?.stop();
});

async function connect(): Promise<net.Socket> {
  const { hostname, port } = new URL(server.url);
  const socket = net.connect(Number(port), hostname);
  socket.on('error', () => {});
  await once(socket, 'connect');
  return socket;
}

/** Resolves with what the server sent before it closed the socket, or rejects after `withinMs`. */
function answerBeforeClose(socket: net.Socket, withinMs: number): Promise<string> {
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${withinMs} ms`)), withinMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

describe('altitude serve with connection limits from the environment', () => {
  it(
    'answers 408 to a client that never finishes its headers, within seconds of ALTITUDE_HEADERS_TIMEOUT_MS',
    { timeout: 20_000 },
    async () => {
      const socket = await connect();
      socket.write('GET /health HTTP/1.1\r\nHost: test\r\n');
      try {
        expect(await answerBeforeClose(socket, 5_000)).toMatch(/^HTTP\/1\.1 408 /);
      } finally {
        socket.destroy();
      }
    },
  );

  it('closes connections over ALTITUDE_MAX_CONNECTIONS at once, and logs it', { timeout: 20_000 }, async () => {
    const held = [await connect(), await connect()];
    try {
      // Both are accepted: each gets an answer.
      for (const socket of held) {
        socket.write('GET /health HTTP/1.1\r\nHost: test\r\n\r\n');
        const [chunk] = (await once(socket, 'data')) as [Buffer];
        expect(chunk.toString('latin1')).toMatch(/^HTTP\/1\.1 200 /);
      }
      const extra = await connect();
      extra.write('GET /health HTTP/1.1\r\nHost: test\r\n\r\n');
      expect(await answerBeforeClose(extra, 5_000)).toBe('');
      await server.waitForLog((l) => l.msg === 'connections refused: at the connection cap' && l.maxConnections === 2);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});
