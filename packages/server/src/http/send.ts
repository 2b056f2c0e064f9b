import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
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

/** The bytes with their gzip copy and ETag, ready for sendBytes. */
export function representationOf(body: Buffer): Representation {
  return { body, gzip: gzipSync(body), etag: etagOf(body) };
}

/** One encoding of a representation, with its headers laid out for writeHead. */
interface Variant {
  readonly body: Buffer;
  readonly etag: string;
  readonly ok: readonly string[];
  readonly notModified: readonly string[];
}

/**
 * A representation with its headers laid out once, so an answer sent many
 * times over (a cached GraphQL response) does no header work per request.
 */
export interface PreparedBytes {
  readonly identity: Variant;
  readonly gzip: Variant;
}

export function prepareBytes(representation: Representation, headers: Record<string, string>): PreparedBytes {
  const variant = (body: Buffer, etag: string, encoding: Record<string, string>): Variant => {
    // Callers that vary on more (Accept, Origin) name accept-encoding themselves.
    const all = { vary: 'accept-encoding', ...headers, etag };
    return {
      body,
      etag,
      ok: Object.entries({ ...all, 'content-length': String(body.length), ...encoding }).flat(),
      notModified: Object.entries(all).flat(),
    };
  };
  // Each laid out when first asked for: a one-off send (sendBytes) needs only one.
  let identity: Variant | undefined;
  let gzip: Variant | undefined;
  return {
    get identity() {
      return (identity ??= variant(representation.body, representation.etag, {}));
    },
    get gzip() {
      // The gzip variant gets its own ETag (RFC 9110 §8.8.3).
      return (gzip ??= variant(representation.gzip, representation.etag.replace(/"$/, '-gz"'), { 'content-encoding': 'gzip' }));
    },
  };
}

/**
 * Sends prepared bytes with content negotiation on gzip and revalidation:
 * 304 when If-None-Match names the ETag of the variant the client would get.
 */
export function sendPrepared(req: IncomingMessage, res: ServerResponse, prepared: PreparedBytes): void {
  const encodings = req.headers['accept-encoding'];
  const variant = encodings !== undefined && GZIP.test(encodings) ? prepared.gzip : prepared.identity;
  const tags = req.headers['if-none-match'];
  if (tags !== undefined && (tags === variant.etag || namesEtag(tags, variant.etag))) {
    res.writeHead(304, variant.notModified as string[]).end();
    return;
  }
  res.writeHead(200, variant.ok as string[]);
  res.end(req.method === 'HEAD' ? undefined : variant.body);
}

/** Sends bytes prepared for this one response; see sendPrepared. */
export function sendBytes(
  req: IncomingMessage,
  res: ServerResponse,
  representation: Representation,
  headers: Record<string, string>,
): void {
  sendPrepared(req, res, prepareBytes(representation, headers));
}

const GZIP = /\bgzip\b/;

/** If-None-Match is `*` or a list of tags, weak ones compared as strong (RFC 9110 §13.1.2). */
function namesEtag(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}
