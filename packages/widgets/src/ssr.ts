// Server-side rendering of the widgets, for Altitude's embed pages. Imported
// by the server only (never by browsers): it needs Node and @lit-labs/ssr.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { clientFor, type CacheEntry } from './client/graphql-client.js';
import './define.js';
import type { AltitudeElement, DataRequest } from './shared/altitude-element.js';

export type { CacheEntry };
export { staticOperationPath } from './client/operation-url.js';

/** The GraphQL request a widget with these attributes would make. */
export function widgetRequest(tag: string, attributes: Readonly<Record<string, string>>): DataRequest<unknown> | string {
  const Element = customElements.get(tag) as (new () => AltitudeElement<unknown>) | undefined;
  if (!Element) throw new Error(`unknown widget <${tag}>`);
  const element = new Element() as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(attributes)) element[name === 'heading-level' ? 'headingLevel' : name] = value;
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
  clientFor(endpoint).prime(request.operation, request.variables, data);
  const attrs = Object.entries({ ...attributes, endpoint })
    .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  const markup = await collectResult(render(html`${unsafeStatic(`<${tag}${attrs}></${tag}>`)}`));
  return { html: markup, cache: { endpoint, operation: request.operation, variables: request.variables, data } };
}
