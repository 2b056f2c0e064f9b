import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContentStore } from '../content/content-store.js';
import type { Logger } from '../logger.js';
import type { ResolvedConfig } from '../config/altitude-config.js';
import type { ServerOptions } from '../config/server-options.js';
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
  const server = createServer(app);
  // Keep-alive sockets from browsers would otherwise hold a shutdown open.
  server.keepAliveTimeout = 5_000;
  // A client that trickles its headers or body must not hold a socket for long.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;

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
