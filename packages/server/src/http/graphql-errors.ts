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
