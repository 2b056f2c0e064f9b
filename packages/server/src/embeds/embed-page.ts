import { escapeHtml, schema, type Framework } from '@altitude/schema';
import { renderWidget, widgetRequest } from '@altitude/widgets/ssr';
import { execute } from 'graphql';
import { persistedOperation } from '../graphql/persisted-operations.js';
import { embedCsp, page, scriptJson, type EmbedPage } from './embed-shell.js';
import { embedForms, type WidgetSpec } from './widget-spec.js';

// Loaded on the first embed request only: it brings in Lit's server renderer.

/**
 * A complete page with one widget rendered on the server (declarative shadow
 * DOM): readable with JavaScript off; with it on, /embed.js hydrates the
 * widget from the data shipped in the page, without fetching it again.
 * `framework` is the one in the spec's locale: the page, and the widget on
 * it, say that locale (`<html lang dir>`, the element's lang), so the widget
 * asks for the same locale when it hydrates.
 */
export async function renderEmbedPage(spec: WidgetSpec, framework: Framework, origin: string): Promise<EmbedPage> {
  const endpoint = new URL('/graphql', origin).href;
  const attributes = { ...spec.attributes, lang: spec.locale };
  // Asked with every attribute the rendered element has (its endpoint too), so the request is the one it makes.
  const request = widgetRequest(spec.tag, { ...attributes, endpoint });
  if (typeof request === 'string') throw new Error(request);
  const operation = persistedOperation(request.operation);
  if (!operation) throw new Error(`the widget asked for persisted operation ${request.operation}, which this server does not know`);
  // Parsed and validated once, when the server loaded its persisted operations.
  const result = await execute({
    schema,
    document: operation.document,
    variableValues: request.variables as Record<string, unknown>,
    // The framework in the page's locale answers an operation that names no locale in that locale too.
    contextValue: { framework },
  });
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join(' '));
  const { html: widget, cache } = renderWidget(spec.tag, attributes, endpoint, request, result.data);
  const forms = embedForms(spec, origin);
  const html = page(
    spec.title,
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(forms.oembedUrl)}" title="${escapeHtml(spec.title)}">
<script type="module" src="/embed.js"></script>`,
    `<script type="application/json" data-altitude-cache>${scriptJson([cache])}</script>
<main>${widget}</main>`,
    { lang: spec.locale, dir: spec.direction },
  );
  return { html, csp: embedCsp(html) };
}
