import { watch } from 'chokidar';
import type { Logger } from '../logger.js';
import type { ContentStore } from './content-store.js';

export interface ContentWatcher {
  close(): Promise<void>;
}

/**
 * Reloads the content when a YAML file in the content folder is added,
 * changed or removed. Bursts of events (editors write several times per save)
 * are folded into one reload.
 */
export function watchContent(store: ContentStore, logger: Logger, options: { debounceMs?: number; onReload?: () => void } = {}): ContentWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const watcher = watch(store.contentDir, {
    ignoreInitial: true,
    depth: 0,
    ignored: (file, stats) => Boolean(stats?.isFile()) && !/\.ya?ml$/i.test(file),
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const reload = async () => {
    const previous = store.framework;
    const result = await store.reload();
    if (result.ok) {
      if (result.changed) {
        logger.info('content reloaded', { version: result.framework.version, contentHash: result.framework.contentHash, entities: result.framework.entities.length });
      }
    } else {
      logger.error('content reload failed; still serving the last good content', {
        version: previous.version,
        contentHash: previous.contentHash,
        errors: result.messages,
      });
      for (const message of result.messages) process.stderr.write(`${message}\n`);
    }
    options.onReload?.();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(reload, reload);
    }, debounceMs);
  };
  watcher.on('add', schedule).on('change', schedule).on('unlink', schedule);
  watcher.on('error', (error) => logger.error('content watcher error', { error: String(error) }));

  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
