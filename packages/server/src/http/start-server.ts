import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ContentStore } from '../content/content-store.js';
import type { Logger } from '../logger.js';
import type { ResolvedConfig } from '../config/altitude-config.js';
import { readServerOptions, type ServerOptions } from '../config/server-options.js';
import { createApp } from './create-app.js';

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes the rest. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(
  store: ContentStore,
  logger: Logger,
  options: { port: number; host: string; config?: ResolvedConfig; serverOptions?: ServerOptions },
): Promise<RunningServer> {
  const app = createApp(store, logger, options.config, options.serverOptions);
  const limits = options.serverOptions ?? readServerOptions({});
  // A client that trickles its headers or body must not hold a socket for long.
  // Node checks these only every connectionsCheckingInterval (30 s by default),
  // so a 10 s limit could take 40 s to act: check at a fraction of the limit.
  const requestTimeout = limits.requestTimeoutMs;
  const headersTimeout = Math.min(limits.headersTimeoutMs, requestTimeout);
  const server = createServer(
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))) },
    capPipelining(app),
  );
  // Keep-alive sockets from browsers would otherwise hold a shutdown open.
  server.keepAliveTimeout = 5_000;
  // A socket with no traffic either way, such as a client that stops reading
  // a large answer so that writes stall, is destroyed (no 'timeout' listener).
  // Node gives a write still progressing at the first expiry one more period,
  // so a stalled write is cut after one to two periods.
  server.timeout = limits.socketIdleTimeoutMs;
  // Node closes connections over the cap as it accepts them.
  server.maxConnections = limits.maxConnections;
  logDrops(server, logger, limits.maxConnections);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url,
    server,
    close(graceMs = 10_000) {
      app.startDraining();
      return new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

/**
 * Unanswered requests one connection may have queued. Node parses every
 * request in a chunk before it notices its writes stall, so 50 KB of
 * pipelined requests from a client that never reads made the server hold
 * some 50 MB of answers; browsers do not pipeline at all.
 */
export const MAX_PIPELINED_REQUESTS = 16;

/** Closes a connection that queues more than MAX_PIPELINED_REQUESTS unanswered requests. */
function capPipelining(app: RequestListener): RequestListener {
  const pending = new WeakMap<Socket, number>();
  return (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    const queued = (pending.get(socket) ?? 0) + 1;
    if (queued > MAX_PIPELINED_REQUESTS) {
      socket.destroy();
      return;
    }
    pending.set(socket, queued);
    // 'close' comes once per response: a plain listener, without once()'s wrapper.
    res.on('close', () => pending.set(socket, (pending.get(socket) ?? 1) - 1));
    app(req, res);
  };
}

/** How often, at most, the server logs that it turned connections away. */
const DROP_LOG_INTERVAL_MS = 10_000;

/** Says, without flooding the log under a connection storm, that connections were refused at the cap. */
function logDrops(server: Server, logger: Logger, maxConnections: number): void {
  let dropped = 0;
  let lastLog = -Infinity;
  server.on('drop', () => {
    dropped++;
    if (Date.now() - lastLog < DROP_LOG_INTERVAL_MS) return;
    lastLog = Date.now();
    logger.warn('connections refused: at the connection cap', { maxConnections, dropped });
    dropped = 0;
  });
}
