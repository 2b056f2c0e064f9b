// Server-side rendering of the widgets, for Altitude's embed pages. Imported
// by the server only (never by browsers): it needs Node and @lit-labs/ssr.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { clientFor, type CacheEntry } from './client/graphql-client.js';
import './define.js';
import type { AltitudeElement, DataRequest } from './shared/altitude-element.js';

export type { CacheEntry };

/** The GraphQL request a widget with these attributes would make. */
export function widgetRequest(tag: string, attributes: Readonly<Record<string, string>>): DataRequest<unknown> | string {
  const Element = customElements.get(tag) as (new () => AltitudeElement<unknown>) | undefined;
  if (!Element) throw new Error(`unknown widget <${tag}>`);
  const element = new Element();
  // Lit's own attribute handling, so names and types come out as in a page.
  for (const [name, value] of Object.entries(attributes)) element.attributeChangedCallback(name, null, value);
  // The same code the browser runs decides the request, so the answer the
  // server ships is the one the widget will ask for.
  return (element as unknown as { prepare(): DataRequest<unknown> | string }).prepare();
}

/**
 * Renders `<tag attributes>` with declarative shadow DOM, given the answer to
 * its request, and the cache entry the page must ship so that the browser's
 * widget starts from the same data (and hydrates instead of refetching).
 */
export async function renderWidget(
  tag: string,
  attributes: Readonly<Record<string, string>>,
  endpoint: string,
  request: DataRequest<unknown>,
  data: unknown,
): Promise<{ html: string; cache: CacheEntry }> {
  const attrs = Object.entries({ ...attributes, endpoint })
    .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  // The widget finds its data in the page-wide client, as in a browser; it is
  // dropped again after the render, or a long-running server would keep every
  // answer it ever rendered (one client per Host header).
  const client = clientFor(endpoint);
  client.prime(request.operation, request.variables, data);
  let markup: string;
  try {
    markup = await collectResult(render(html`${unsafeStatic(`<${tag}${attrs}></${tag}>`)}`));
  } finally {
    client.forget(request.operation, request.variables);
  }
  return { html: markup, cache: { endpoint, operation: request.operation, variables: request.variables, data } };
}
