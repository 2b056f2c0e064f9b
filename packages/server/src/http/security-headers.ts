import type { IncomingHttpHeaders } from 'node:http';

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

/** Where readers reach this server, and who chose it. */
export interface ReaderOrigin {
  /** Scheme, host and port, without a trailing slash: https://altitude.example.com. */
  readonly url: string;
  /**
   * True when no public URL is configured and the request's Host chose it. An
   * answer holding it must then not be shared between readers: one request
   * with a forged Host would otherwise plant that host in a cache's copy.
   */
  readonly fromRequest: boolean;
}

/** A Host header that is a host name or IP literal with an optional port, nothing else. */
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin readers reach this server at, for the absolute URLs in exports,
 * embed pages, oEmbed answers, /embed-forms and the demo page.
 *
 * With a public URL configured (publicUrl in altitude.config.*, else
 * ALTITUDE_PUBLIC_URL), that, always: Host and X-Forwarded-* are ignored.
 * Without one, the request's Host (127.0.0.1 when it is missing or not a
 * host name), over https when X-Forwarded-Proto says so, as a TLS-terminating
 * proxy does, so copied snippets are not mixed content. X-Forwarded-Host is
 * never read: a proxy that rewrites Host needs the public URL configured.
 */
export function readerOrigin(publicUrl: string | undefined, headers: IncomingHttpHeaders): ReaderOrigin {
  if (publicUrl) return { url: publicUrl, fromRequest: false };
  const forwarded = String(headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim();
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  // URL's origin lower-cases the host and drops a default port, as browsers
  // write it; it refuses what only looks like a host (999.1.1.1, port 99999).
  const parsed = headers.host !== undefined && HOST.test(headers.host) ? URL.parse(`${proto}://${headers.host}`) : null;
  return { url: parsed?.origin ?? `${proto}://127.0.0.1`, fromRequest: true };
}

/**
 * Cache-Control for an answer whose bytes hold `origin`: `directives` as
 * they are when the origin is configured; made private (kept by the reader's
 * browser, never by a shared cache or CDN) when the request chose it.
 */
export function cacheControlFor(origin: ReaderOrigin, directives: string): string {
  return origin.fromRequest ? `private, ${directives.replace(/^public,\s*/, '')}` : directives;
}
