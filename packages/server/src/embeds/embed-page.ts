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
 */
export async function renderEmbedPage(spec: WidgetSpec, framework: Framework, origin: string): Promise<EmbedPage> {
  const endpoint = new URL('/graphql', origin).href;
  const request = widgetRequest(spec.tag, spec.attributes);
  if (typeof request === 'string') throw new Error(request);
  const operation = persistedOperation(request.operation);
  if (!operation) throw new Error(`the widget asked for persisted operation ${request.operation}, which this server does not know`);
  // Parsed and validated once, when the server loaded its persisted operations.
  const result = await execute({
    schema,
    document: operation.document,
    variableValues: request.variables as Record<string, unknown>,
    contextValue: { framework },
  });
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join(' '));
  const { html: widget, cache } = renderWidget(spec.tag, spec.attributes, endpoint, request, result.data);
  const forms = embedForms(spec, origin);
  const html = page(
    spec.title,
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(forms.oembedUrl)}" title="${escapeHtml(spec.title)}">
<script type="module" src="/embed.js"></script>`,
    `<script type="application/json" data-altitude-cache>${scriptJson([cache])}</script>
<main>${widget}</main>`,
  );
  return { html, csp: embedCsp(html) };
}
