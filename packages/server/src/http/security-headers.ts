import type { IncomingHttpHeaders } from 'node:http';
import { envPublicUrl } from '../config/altitude-config.js';

/**
 * Headers for every HTML page Altitude serves. The CSP allows only files from
 * this origin: no inline script or style, no eval, no third-party requests.
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * GraphiQL is one self-contained page of inline script and style (render-graphiql),
 * so its policy cannot list scripts; it still refuses framing, plugins and
 * form posts elsewhere, and the other headers are the same.
 */
export const GRAPHIQL_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...PAGE_SECURITY_HEADERS,
  'content-security-policy': "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
};

/**
 * The origin readers reach this server at: ALTITUDE_PUBLIC_URL when set,
 * else the request's Host, over https when a TLS-terminating proxy says so
 * (X-Forwarded-Proto), so copied snippets are not mixed content.
 */
export function publicOrigin(headers: IncomingHttpHeaders): string {
  const configured = envPublicUrl();
  if (configured) return configured;
  const forwarded = String(headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim();
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  return `${proto}://${headers.host ?? '127.0.0.1'}`;
}
