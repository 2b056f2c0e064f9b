import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { sendJson } from './send.js';

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
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(file)).mtimeMs;
    } catch {
      return undefined;
    }
    if (loaded?.mtimeMs !== mtimeMs) {
      const body = await readFile(file);
      loaded = { mtimeMs, body, gzip: gzipSync(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    }
    return loaded;
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const current = await load();
    if (!current) {
      sendJson(res, 503, { error: `${options.missingHint}` });
      return;
    }
    const headers: Record<string, string> = {
      'content-type': options.contentType,
      'cache-control': options.cacheControl,
      etag: current.etag,
      vary: 'accept-encoding',
      ...options.headers,
    };
    const tags = String(req.headers['if-none-match'] ?? '')
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''));
    if (tags.includes(current.etag) || tags.includes('*')) {
      res.writeHead(304, headers).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? current.gzip : current.body;
    res.writeHead(200, { ...headers, 'content-length': String(body.length), ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
