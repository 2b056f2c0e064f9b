import { watch } from 'chokidar';
import type { Logger } from '../logger.js';
import type { ContentStore, ReloadResult } from './content-store.js';

export interface ContentWatcher {
  /** Settles once every folder is watched: an edit made after it is seen. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** How long closing waits for a reload under way. */
const CLOSE_WAIT_MS = 5_000;

/**
 * Reloads the content when a YAML file in the content folder or an overlay folder is added,
 * changed or removed. Bursts of events (editors write several times per save)
 * are folded into one reload. A reload that fails, or throws, is logged and
 * the last good content keeps serving; the process never ends because of it.
 */
export function watchContent(store: ContentStore, logger: Logger, options: { debounceMs?: number; onReload?: () => void } = {}): ContentWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const watcher = watch([...store.folders], {
    ignoreInitial: true,
    depth: 0,
    ignored: (file, stats) => Boolean(stats?.isFile()) && !/\.ya?ml$/i.test(file),
  });
  // chokidar scans the folders before it reports changes; until then an edit goes unseen.
  const ready = new Promise<void>((resolve) => watcher.once('ready', resolve));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const reload = async () => {
    const previous = store.framework;
    let result: ReloadResult;
    try {
      result = await store.reload();
    } catch (error) {
      // The loader reports bad content as errors; this is for whatever it did
      // not foresee. A rejected reload would otherwise end the process.
      const message = `${store.contentDir}: content could not be reloaded: ${String(error)}`;
      result = { ok: false, errors: [], messages: [message] };
    }
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
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      // A reload stuck in the file system (a read that never returns) must not hold shutdown open.
      let stuck: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise((resolve) => (stuck = setTimeout(resolve, CLOSE_WAIT_MS)))]);
      clearTimeout(stuck);
    },
  };
}
