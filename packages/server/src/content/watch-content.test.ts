import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import type { ContentStore } from './content-store.js';
import { watchContent, type ContentWatcher } from './watch-content.js';

let dir: string | undefined;
let watcher: ContentWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('watchContent', () => {
  it('logs a reload that throws and keeps the last good content, instead of an unhandled rejection', { timeout: 20_000 }, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-watch-unit-'));
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const framework = { version: '1.0.0', contentHash: 'sha256:last-good' };
    // Stands in for a loader fault that no check foresaw.
    const store = {
      contentDir: dir,
      folders: [dir],
      framework,
      reload: () => Promise.reject(new Error('EMFILE: too many open files')),
    } as unknown as ContentStore;
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const reloaded = new Promise<void>((resolve) => {
      watcher = watchContent(store, logger, { debounceMs: 20, onReload: resolve });
    });
    try {
      // Once ready, one edit is enough: no rewriting until the watcher notices.
      await watcher!.ready;
      await writeFile(path.join(dir, 'levels.yaml'), 'levels: []\n');
      await reloaded;
    } finally {
      stderr.mockRestore();
    }
    const failure = lines.find((l) => l.msg === 'content reload failed; still serving the last good content');
    expect(failure).toMatchObject({ contentHash: 'sha256:last-good', errors: [expect.stringContaining('EMFILE: too many open files')] });
    expect(store.framework).toBe(framework);
  });
});
