// Server-side rendering of the widgets, for Altitude's embed pages. Imported
// by the server only (never by browsers): it needs Node and @lit-labs/ssr.
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { resolveEndpoint } from './client/endpoint.js';
import { withRenderClient, type CacheEntry } from './client/graphql-client.js';
import './define.js';
import { registerCatalogue } from './i18n/catalogues.js';
import { de } from './i18n/locales/de.js';
import { ja } from './i18n/locales/ja.js';
import { pseudoCatalogue } from './i18n/locales/pseudo.js';
import type { AltitudeElement, DataRequest } from './shared/altitude-element.js';

// A render is synchronous, so every language's words are in hand before the
// first one: a widget with `lang="de"` renders in German at once. (Browsers
// fetch a language's catalogue when a widget first needs it.)
registerCatalogue('de', de);
registerCatalogue('ja', ja);
registerCatalogue('en-XA', pseudoCatalogue('en-XA'));
registerCatalogue('ar-XB', pseudoCatalogue('ar-XB'));

export type { CacheEntry };

/**
 * The GraphQL request a widget with these attributes would make, or what is
 * wrong with them. A `lang` attribute chooses the locale, as in a page (a
 * server render sees no ancestors, so the widget's own `lang` is the one).
 */
export function widgetRequest(tag: string, attributes: Readonly<Record<string, string>>): DataRequest<unknown> | string {
  const Element = customElements.get(tag) as (new () => AltitudeElement<unknown>) | undefined;
  if (!Element) throw new Error(`unknown widget <${tag}>`);
  const element = new Element();
  // Lit's own attribute handling, so names and types come out as in a page.
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
    element.attributeChangedCallback(name, null, value);
  }
  // The same code the browser runs decides the request, so the answer the
  // server ships is the one the widget will ask for.
  return (element as unknown as { currentRequest(): DataRequest<unknown> | string }).currentRequest();
}

/**
 * Renders `<tag attributes>` with declarative shadow DOM, given the answer to
 * its request, and the cache entry the page must ship so that the browser's
 * widget starts from the same data (and hydrates instead of refetching).
 */
export function renderWidget(
  tag: string,
  attributes: Readonly<Record<string, string>>,
  endpoint: string,
  request: DataRequest<unknown>,
  data: unknown,
): { html: string; cache: CacheEntry } {
  const attrs = Object.entries({ ...attributes, endpoint })
    .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  // The widget finds its data in a client of its own for this render, never
  // in the page-wide map: a long-running server would otherwise keep one
  // client per Host header and every answer it ever rendered. Synchronous
  // (the widgets render nothing asynchronous), so no other render can
  // interleave while the client is lent.
  const markup = withRenderClient(resolveEndpoint(endpoint), (client) => {
    client.prime(request.operation, request.variables, data);
    return collectResultSync(render(html`${unsafeStatic(`<${tag}${attrs}></${tag}>`)}`));
  });
  return { html: markup, cache: { endpoint, operation: request.operation, variables: request.variables, data } };
}
