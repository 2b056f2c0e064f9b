import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Framework } from '@altitude/schema';
import { embedCsp, renderEmbedError, type EmbedPage } from '../embeds/embed-shell.js';
import { oembed } from '../embeds/oembed.js';
import { snippetHtml, snippetMarkdown, snippetRefusal } from '../embeds/snippets.js';
import { specFromBuilder } from '../embeds/builder-params.js';
import { embedForms, parseWidgetSpec, safeDecode, specFromEmbedPath } from '../embeds/widget-spec.js';
import type { Logger } from '../logger.js';
import { MadeOnce } from './made-once.js';
import { cacheControlFor, type ReaderOrigin } from './security-headers.js';
import { representationOf, sendBytes, sendHtml, sendJson, type Representation } from './send.js';

/** A rendered embed page with its bytes ready to send, so a request only sends them. */
interface SentPage {
  readonly page: EmbedPage;
  readonly bytes: Representation;
}

const pages = new MadeOnce<Promise<SentPage>>();
const snippets = new MadeOnce<{ readonly bytes: Representation; readonly csp?: string }>();

const EMBED_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' };

/** An embed page's headers; `origin` when its links hold the origin (an error page's do not), `locale` when it has one. */
function pageHeaders(page: EmbedPage, origin?: ReaderOrigin, locale?: string) {
  const cacheControl = origin ? cacheControlFor(origin, 'no-cache') : 'no-cache';
  return {
    'content-security-policy': page.csp,
    'cache-control': cacheControl,
    ...(locale ? { 'content-language': locale } : {}),
    ...EMBED_HEADERS,
  };
}

/** An embed page that is not the widget (an error), sent as it is. */
function sendErrorPage(res: ServerResponse, status: number, page: EmbedPage): void {
  sendHtml(res, status, page.html, pageHeaders(page));
}

/** `/embed/<widget>`: a server-rendered page of one widget, for iframes. */
export async function sendEmbed(
  req: IncomingMessage,
  res: ServerResponse,
  framework: Framework,
  origin: ReaderOrigin,
  logger: Logger,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parsed = specFromEmbedPath(url.pathname, url.searchParams, framework);
  if (!parsed.ok) {
    sendErrorPage(res, parsed.status, renderEmbedError(parsed.message));
    return;
  }
  const { spec } = parsed;
  // The query names the locale asked for; the locale served is the same for it until the content changes.
  const key = `${spec.path}?${spec.query}|${origin.url}`;
  const sent = pages.get(framework, key, () => {
    // Rendered on first request, once per content version: lazy, so the
    // server starts without loading Lit's server renderer.
    const rendered = import('../embeds/embed-page.js')
      .then((m) => m.renderEmbedPage(spec, parsed.framework, origin.url))
      .then((page) => ({ page, bytes: representationOf(Buffer.from(page.html)) }));
    // A failure is not kept: the next request tries again.
    rendered.catch(() => pages.forget(framework, key));
    return rendered;
  });
  try {
    const { page, bytes } = await sent;
    sendBytes(req, res, bytes, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders(page, origin, spec.locale) });
  } catch (error) {
    logger.error('embed failed', { path: url.pathname, error: String(error) });
    sendErrorPage(res, 500, renderEmbedError('This embed could not be rendered. The server log has the details.'));
  }
}

/**
 * `/snippet/<widget>.html` and `.md`: the same content as static HTML or
 * Markdown to paste. A tool has none: its 404 names the iframe and script
 * forms instead, absolute when `origin` is given.
 */
export function sendSnippet(req: IncomingMessage, res: ServerResponse, framework: Framework, origin?: ReaderOrigin): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = /^\/snippet\/(.+)\.(html|md)$/.exec(safeDecode(url.pathname) ?? '');
  const parsed = match
    ? parseWidgetSpec(match[1]!, url.searchParams, framework)
    : ({ ok: false, status: 404, message: 'Snippets end in .html or .md.' } as const);
  if (!parsed.ok) {
    sendJson(res, parsed.status, { error: parsed.message });
    return;
  }
  const { spec } = parsed;
  const refusal = snippetRefusal(spec, origin?.url);
  if (refusal !== undefined) {
    sendJson(res, 404, { error: refusal });
    return;
  }
  const markdown = match![2] === 'md';
  const snippet = snippets.get(framework, `${spec.path}?${spec.query}|${markdown ? 'md' : 'html'}`, () => {
    const text = markdown ? snippetMarkdown(spec, parsed.framework) : snippetHtml(spec, parsed.framework);
    return { bytes: representationOf(Buffer.from(text)), csp: markdown ? undefined : embedCsp(text) };
  });
  sendBytes(req, res, snippet.bytes, {
    'content-type': markdown ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-language': spec.locale,
    'access-control-allow-origin': '*',
    ...(snippet.csp === undefined ? {} : { 'content-security-policy': snippet.csp }),
    ...EMBED_HEADERS,
  });
}

/** `/oembed?url=…`: oEmbed 1.0 discovery for the embed pages. */
export function sendOEmbed(req: IncomingMessage, res: ServerResponse, framework: Framework, origin: ReaderOrigin): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const result = oembed(url.searchParams, framework, origin.url);
  sendJson(res, result.status, result.body, {
    'access-control-allow-origin': '*',
    'cache-control': result.status === 200 ? cacheControlFor(origin, 'public, max-age=300') : 'no-store',
  });
}

/**
 * `/embed-forms?widget=…`: every way to embed what the builder describes (same
 * parser as the URLs themselves). Never stored (sendJson's no-store), so
 * its origin may come from the request.
 */
export function sendEmbedForms(req: IncomingMessage, res: ServerResponse, framework: Framework, origin: ReaderOrigin): void {
  const parsed = specFromBuilder(new URL(req.url ?? '/', 'http://localhost').searchParams, framework);
  if (!parsed.ok) {
    sendJson(res, parsed.status, { error: parsed.message });
    return;
  }
  sendJson(res, 200, {
    tag: parsed.spec.tag,
    attributes: parsed.spec.attributes,
    title: parsed.spec.title,
    locale: parsed.spec.locale,
    ...embedForms(parsed.spec, origin.url),
  });
}
