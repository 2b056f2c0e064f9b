import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { representationOf, sendBytes, sendJson } from './send.js';

interface Loaded {
  readonly mtimeMs: number;
  readonly body: Buffer;
  readonly gzip: Buffer;
  readonly etag: string;
}

export interface StaticFileOptions {
  readonly contentType: string;
  readonly cacheControl: string;
  /** Extra headers, e.g. CORS for scripts loaded by other origins. */
  readonly headers?: Record<string, string>;
  /** Said in the 503 when the file is missing, e.g. how to build it. */
  readonly missingHint: string;
}

/**
 * Serves one built file: strong ETag from its bytes, 304 on If-None-Match,
 * gzip when accepted. The file is read once and again only when it changes
 * on disk, so a rebuild while the server runs is picked up.
 */
export function staticFile(file: string, options: StaticFileOptions) {
  let loaded: Loaded | undefined;

  const load = async (): Promise<Loaded | undefined> => {
    try {
      const { mtimeMs, size } = await stat(file);
      if (loaded?.mtimeMs !== mtimeMs) {
        const body = await readFile(file);
        // A file caught half-written by a rebuild is served once, never cached.
        if (body.length !== size) return { mtimeMs: -1, ...representationOf(body) };
        loaded = { mtimeMs, ...representationOf(body) };
      }
      return loaded;
    } catch {
      return undefined;
    }
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const current = await load();
    if (!current) {
      // With the file's own headers (CORS among them), so a page on another origin can read why.
      sendJson(res, 503, { error: `${options.missingHint}` }, options.headers);
      return;
    }
    const headers: Record<string, string> = {
      'content-type': options.contentType,
      'cache-control': options.cacheControl,
      ...options.headers,
    };
    sendBytes(req, res, { body: current.body, gzip: current.gzip, etag: current.etag }, headers);
  };
}
