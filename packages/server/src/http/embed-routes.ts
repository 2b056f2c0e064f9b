import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Framework } from '@altitude/schema';
import { embedCsp, renderEmbedError, type EmbedPage } from '../embeds/embed-shell.js';
import { oembed } from '../embeds/oembed.js';
import { snippetHtml, snippetMarkdown } from '../embeds/snippets.js';
import { specFromBuilder } from '../embeds/builder-params.js';
import { embedForms, parseWidgetSpec, safeDecode } from '../embeds/widget-spec.js';
import type { Logger } from '../logger.js';
import { etagOf, sendBytes, sendJson } from './send.js';

const pages = new WeakMap<Framework, Map<string, Promise<EmbedPage>>>();
/** Bounds the rendered pages kept per content version (each Host header could otherwise add one). */
const MAX_CACHED_PAGES = 200;

const EMBED_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' };

function sendPage(req: IncomingMessage, res: ServerResponse, status: number, page: EmbedPage): void {
  const body = Buffer.from(page.html);
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': page.csp,
    'cache-control': 'no-cache',
    ...EMBED_HEADERS,
  };
  if (status !== 200) {
    res.writeHead(status, { ...headers, 'content-length': String(body.length) }).end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  sendBytes(req, res, { body, gzip: gzipSync(body), etag: etagOf(body) }, headers);
}

/** `/embed/<widget>`: a server-rendered page of one widget, for iframes. */
export async function sendEmbed(
  req: IncomingMessage,
  res: ServerResponse,
  framework: Framework,
  origin: string,
  logger: Logger,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = safeDecode(url.pathname.slice('/embed/'.length));
  const parsed =
    path === undefined
      ? ({ ok: false, status: 400, message: 'The address is not valid percent-encoding.' } as const)
      : parseWidgetSpec(path, url.searchParams, framework);
  if (!parsed.ok) {
    sendPage(req, res, parsed.status, renderEmbedError(parsed.message));
    return;
  }
  const forFramework = pages.get(framework) ?? new Map<string, Promise<EmbedPage>>();
  pages.set(framework, forFramework);
  const key = `${parsed.spec.path}?${parsed.spec.query}|${origin}`;
  let page = forFramework.get(key);
  if (!page) {
    if (forFramework.size >= MAX_CACHED_PAGES) forFramework.clear();
    // Rendered on first request, once per content version: lazy, so the
    // server starts without loading Lit's server renderer.
    page = import('../embeds/embed-page.js').then((m) => m.renderEmbedPage(parsed.spec, framework, origin));
    forFramework.set(key, page);
    page.catch(() => forFramework.delete(key));
  }
  try {
    sendPage(req, res, 200, await page);
  } catch (error) {
    logger.error('embed failed', { path: url.pathname, error: String(error) });
    sendPage(req, res, 500, renderEmbedError('This embed could not be rendered. The server log has the details.'));
  }
}

/** `/snippet/<widget>.html` and `.md`: the same content as static HTML or Markdown to paste. */
export function sendSnippet(req: IncomingMessage, res: ServerResponse, framework: Framework): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = /^\/snippet\/(.+)\.(html|md)$/.exec(safeDecode(url.pathname) ?? '');
  const parsed = match
    ? parseWidgetSpec(match[1]!, url.searchParams, framework)
    : ({ ok: false, status: 404, message: 'Snippets end in .html or .md.' } as const);
  if (!parsed.ok) {
    sendJson(res, parsed.status, { error: parsed.message });
    return;
  }
  const markdown = match![2] === 'md';
  const text = markdown ? snippetMarkdown(parsed.spec, framework) : snippetHtml(parsed.spec, framework);
  const body = Buffer.from(text);
  sendBytes(
    req,
    res,
    { body, gzip: gzipSync(body), etag: etagOf(body) },
    {
      'content-type': markdown ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
      ...(markdown ? {} : { 'content-security-policy': embedCsp(text) }),
      ...EMBED_HEADERS,
    },
  );
}

/** `/oembed?url=…`: oEmbed 1.0 discovery for the embed pages. */
export function sendOEmbed(req: IncomingMessage, res: ServerResponse, framework: Framework, origin: string): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const result = oembed(url.searchParams, framework, origin);
  sendJson(res, result.status, result.body, {
    'access-control-allow-origin': '*',
    'cache-control': result.status === 200 ? 'public, max-age=300' : 'no-store',
  });
}

/** `/embed-forms?widget=…`: every way to embed what the builder describes (same parser as the URLs themselves). */
export function sendEmbedForms(req: IncomingMessage, res: ServerResponse, framework: Framework, origin: string): void {
  const parsed = specFromBuilder(new URL(req.url ?? '/', 'http://localhost').searchParams, framework);
  if (!parsed.ok) {
    sendJson(res, parsed.status, { error: parsed.message });
    return;
  }
  sendJson(res, 200, {
    tag: parsed.spec.tag,
    attributes: parsed.spec.attributes,
    title: parsed.spec.title,
    ...embedForms(parsed.spec, origin),
  });
}
