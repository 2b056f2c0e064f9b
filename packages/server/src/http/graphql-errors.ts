import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request refused before (or instead of) execution, answered as GraphQL over HTTP. */
export class GraphqlHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    /** An execution-time failure: the body carries `data: null`. */
    readonly executed = false,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * `{"errors":[{"message", "extensions":{"code"}}]}` as application/graphql-response+json
 * when the client accepts it (GraphQL over HTTP), else application/json.
 */
export function sendGraphqlError(
  req: IncomingMessage,
  res: ServerResponse,
  error: GraphqlHttpError,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const accept = req.headers.accept ?? '';
  const modern = accept === '' || accept.includes('application/graphql-response+json') || !accept.includes('application/json');
  const body = Buffer.from(
    `${JSON.stringify({ ...(error.executed ? { data: null } : {}), errors: [{ message: error.message, extensions: { code: error.code } }] })}\n`,
  );
  res.writeHead(error.status, {
    ...headers,
    ...error.headers,
    'content-type': `${modern ? 'application/graphql-response+json' : 'application/json'}; charset=utf-8`,
    'content-length': String(body.length),
    'cache-control': 'no-store',
    ...(error.status === 413 ? { connection: 'close' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The request body, refused with 413 beyond `limit` bytes (checked on Content-Length first, then as it streams). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new GraphqlHttpError(
      413,
      `The request body is larger than ${limit} bytes, the limit of this server (ALTITUDE_MAX_BODY_BYTES). Send a smaller query.`,
      'PAYLOAD_TOO_LARGE',
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
