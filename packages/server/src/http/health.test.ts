import { API_VERSION, DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { describe, expect, it } from 'vitest';
import { ContentStore } from '../content/content-store.js';
import { createApp } from './create-app.js';
import { createLogger } from '../logger.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

describe('/ready', () => {
  it('is 200 with the content version, then 503 once draining starts', async () => {
    const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
    if (!opened.ok) throw new Error(opened.messages.join('\n'));
    const app = createApp(opened.store, createLogger({ write: () => {} }));
    const server = createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ready`;
    try {
      const ready = await fetch(url);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'ready',
        version: opened.store.framework.version,
        apiVersion: API_VERSION,
        contentHash: opened.store.framework.contentHash,
      });
      app.startDraining();
      const draining = await fetch(url);
      expect(draining.status).toBe(503);
      expect(await draining.json()).toMatchObject({ status: 'draining' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
