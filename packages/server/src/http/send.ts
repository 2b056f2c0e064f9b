import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(`${JSON.stringify(body)}\n`);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(bytes);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(html);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(bytes.length), ...headers });
  res.end(bytes);
}

/** A strong ETag from the bytes. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export interface Representation {
  readonly body: Buffer;
  readonly gzip: Buffer;
  /** ETag of the identity bytes; the gzip variant gets its own (RFC 9110 §8.8.3). */
  readonly etag: string;
}

/**
 * Sends bytes with content negotiation on gzip and revalidation: 304 when
 * If-None-Match names the ETag of the variant the client would get.
 */
export function sendBytes(
  req: IncomingMessage,
  res: ServerResponse,
  representation: Representation,
  headers: Record<string, string>,
): void {
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const etag = gzip ? representation.etag.replace(/"$/, '-gz"') : representation.etag;
  // Callers that vary on more (Accept, Origin) name accept-encoding themselves.
  const all = { vary: 'accept-encoding', ...headers, etag };
  const tags = String(req.headers['if-none-match'] ?? '')
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''));
  if (tags.includes(etag) || tags.includes('*')) {
    res.writeHead(304, all).end();
    return;
  }
  const body = gzip ? representation.gzip : representation.body;
  res.writeHead(200, { ...all, 'content-length': String(body.length), ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
