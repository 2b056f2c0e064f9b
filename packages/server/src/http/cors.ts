import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers that make a request preflighted when it comes from another origin, so it cannot be a forged form post. */
export const CSRF_HEADERS = ['x-altitude-csrf', 'graphql-require-preflight', 'x-graphql-yoga-csrf'];

export interface CorsPolicy {
  /** Headers for an answer to this request. */
  headers(req: IncomingMessage): Record<string, string>;
  /** Whether answers differ by Origin (a list of origins, not `*`). */
  readonly vary: boolean;
  /** The answer to an OPTIONS preflight. */
  preflight(req: IncomingMessage, res: ServerResponse): void;
}

// Anyone allowed may read, but never with the reader's cookies: behind an
// SSO proxy, credentialed cross-site reads would leak access.
const ANY = { 'access-control-allow-origin': '*' };

/** CORS for /graphql: `*`, or only the configured origins (ALTITUDE_CORS_ORIGINS). */
export function corsPolicy(origins: '*' | readonly string[]): CorsPolicy {
  const headers = (req: IncomingMessage): Record<string, string> => {
    if (origins === '*') return ANY;
    const origin = req.headers.origin;
    return origin && origins.includes(origin) ? { 'access-control-allow-origin': origin } : {};
  };
  return {
    headers,
    vary: origins !== '*',
    preflight(req, res) {
      const allowed = headers(req);
      res
        .writeHead(204, {
          ...allowed,
          ...(allowed['access-control-allow-origin']
            ? {
                'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
                'access-control-allow-headers': ['content-type', 'accept', ...CSRF_HEADERS].join(', '),
                'access-control-max-age': '7200',
              }
            : {}),
          vary: 'origin, access-control-request-headers',
          'content-length': '0',
        })
        .end();
    },
  };
}
