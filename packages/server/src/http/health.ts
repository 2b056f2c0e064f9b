import type { ServerResponse } from 'node:http';
import { API_VERSION } from '@altitude/schema';
import type { ContentStore } from '../content/content-store.js';
import { sendJson } from './send.js';

/** Liveness: the process answers. Never depends on content, so a reload can't fail it. */
export function sendHealth(res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}

/**
 * Readiness: content is loaded and the server is not shutting down. Load
 * balancers stop routing here as soon as a drain starts.
 */
export function sendReadiness(res: ServerResponse, store: ContentStore, draining: boolean): void {
  const framework = store.framework;
  const body = {
    status: draining ? 'draining' : 'ready',
    version: framework.version,
    apiVersion: API_VERSION,
    contentHash: framework.contentHash,
    loadedAt: store.loadedAt.toISOString(),
    entities: framework.entities.length,
  };
  sendJson(res, draining ? 503 : 200, body);
}
