import { formatContentError, type LoadOptions } from '@altitude/schema';
import { ConfigError, loadConfig } from '../config/altitude-config.js';
import { readServerOptions } from '../config/server-options.js';
import { ContentStore } from '../content/content-store.js';
import { watchContent, type ContentWatcher } from '../content/watch-content.js';
import { startServer } from '../http/start-server.js';
import type { Logger } from '../logger.js';
import { summarise } from './check.js';

export interface ServeOptions {
  readonly contentDir: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  /** Where each locale takes missing strings from (the config's locales.fallbacks). */
  readonly localeFallbacks?: LoadOptions['localeFallbacks'];
  readonly cwd: string;
  readonly port: number;
  readonly host: string;
  readonly watch: boolean;
  readonly config?: string;
}

/**
 * `altitude serve`: loads the content (refusing to start on invalid content),
 * serves it, optionally watches it, and shuts down cleanly on SIGINT/SIGTERM.
 */
export async function runServe(options: ServeOptions, logger: Logger): Promise<number> {
  const opened = await ContentStore.open(options.contentDir, options.cwd, options);
  if (!opened.ok) {
    for (const message of opened.messages) process.stderr.write(`${message}\n`);
    logger.error('content is invalid; not starting', { errors: opened.messages.length });
    return 1;
  }
  const { store } = opened;
  for (const warning of store.warnings) process.stderr.write(`warning: ${formatContentError(warning, options.cwd)}\n`);
  let serverOptions;
  let config;
  try {
    serverOptions = readServerOptions();
    config = await loadConfig(store.framework, options.cwd, options.config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`altitude: ${error.message}\n`);
    return 2;
  }

  let running;
  try {
    running = await startServer(store, logger, { port: options.port, host: options.host, config, serverOptions });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${options.port} on ${options.host} is already in use; set PORT or --port to another`
        : code === 'EACCES'
          ? `not allowed to listen on ${options.host}:${options.port}`
          : String(error);
    logger.error('cannot listen', { reason });
    process.stderr.write(`altitude: ${reason}\n`);
    return 1;
  }

  let watcher: ContentWatcher | undefined;
  if (options.watch) {
    watcher = watchContent(store, logger);
    // "listening" with watch on promises that an edit from now on is picked up.
    await watcher.ready;
  }
  logger.info('listening', {
    url: running.url,
    graphql: `${running.url}/graphql`,
    content: summarise(store.framework),
    ...(store.framework.overlays.length
      ? {
          overlays: store.framework.overlays.map((o) => o.name),
          upstreamVersion: store.framework.upstream!.version,
          // Amendments whose upstream item has moved on since their basedOn: `altitude check` lists them.
          staleAmendments: store.warnings.length,
        }
      : {}),
    production: serverOptions.production,
    introspection: serverOptions.introspection,
    watch: options.watch,
  });

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn('second signal; exiting now', { signal });
        process.exit(130);
      }
      stopping = true;
      logger.info('shutting down', { signal });
      void (async () => {
        await watcher?.close();
        await running.close();
        logger.info('stopped');
        resolve(0);
      })();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
