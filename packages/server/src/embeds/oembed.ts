import type { Framework } from '@altitude/schema';
import { embedLocale } from './embed-locale.js';
import { DEFAULT_SIZE, embedUrl, iframeHtml, specFromEmbedPath } from './widget-spec.js';

export type OEmbedResult =
  { readonly status: 200; readonly body: Record<string, unknown> } | { readonly status: 400 | 404 | 501; readonly body: { error: string } };

const positive = (value: string | null) => (value !== null && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

/**
 * oEmbed 1.0 for Altitude's embed pages: a `rich` response whose html is the
 * iframe, sized to fit maxwidth/maxheight. Foreign or unknown URLs are 404;
 * XML is 501, as the spec asks of providers that only speak JSON. The page's
 * `lang` stays in the iframe's address; a `lang` on the oEmbed request
 * chooses the language of a page address that names none.
 */
export function oembed(params: URLSearchParams, framework: Framework, origin: string): OEmbedResult {
  const format = params.get('format') ?? 'json';
  if (format === 'xml') return { status: 501, body: { error: 'Only format=json is supported.' } };
  if (format !== 'json') return { status: 400, body: { error: `format must be json, not "${format}".` } };
  const raw = params.get('url');
  if (!raw)
    return {
      status: 400,
      body: { error: 'url is required: the address of an Altitude embed page, e.g. /embed/level-compare?levels=staff,distinguished.' },
    };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { status: 404, body: { error: `"${raw}" is not a URL.` } };
  }
  if (url.origin !== origin || !url.pathname.startsWith('/embed/')) {
    return { status: 404, body: { error: `${raw} is not an Altitude embed page on ${origin}.` } };
  }
  const lang = params.get('lang');
  if (lang !== null && !url.searchParams.has('lang')) {
    // Checked as a parameter of this request (400), not as part of the page's address (404).
    const locale = embedLocale(lang, framework);
    if (!locale.ok) return { status: 400, body: { error: locale.message } };
    url.searchParams.set('lang', lang);
  }
  // oEmbed answers 404 for any URL it cannot embed.
  const parsed = specFromEmbedPath(url.pathname, url.searchParams, framework);
  if (!parsed.ok) return { status: 404, body: { error: parsed.message } };

  const spec = parsed.spec;
  const preferred = DEFAULT_SIZE[spec.kind];
  const maxwidth = positive(params.get('maxwidth'));
  const maxheight = positive(params.get('maxheight'));
  const width = Math.min(preferred.width, maxwidth ?? Infinity);
  const height = Math.min(preferred.height, maxheight ?? Infinity);
  return {
    status: 200,
    body: {
      version: '1.0',
      type: 'rich',
      title: spec.title,
      provider_name: 'Altitude',
      provider_url: `${origin}/`,
      cache_age: 3600,
      html: iframeHtml(spec, embedUrl(spec, origin), { width, height }),
      width,
      height,
    },
  };
}
