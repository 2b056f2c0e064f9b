import { html, nothing, type TemplateResult } from 'lit';
import { safeHtml, safeUrl } from './safe-html.js';

/**
 * A real heading element (h1–h6) at the level the host page asked for
 * (`heading-level`), so outlines, reader modes and screen readers see it.
 * `section` headings are the smaller ones inside a widget.
 */
export function heading(level: number, content: unknown, part = 'heading', kind: 'main' | 'section' = 'main', id?: string): TemplateResult {
  const c = kind === 'main' ? 'heading' : 'section-heading';
  const i = id ?? nothing;
  switch (Math.min(Math.max(Math.trunc(level), 1), 6)) {
    case 1:
      return html`<h1 class=${c} part=${part} id=${i}>${content}</h1>`;
    case 2:
      return html`<h2 class=${c} part=${part} id=${i}>${content}</h2>`;
    case 3:
      return html`<h3 class=${c} part=${part} id=${i}>${content}</h3>`;
    case 4:
      return html`<h4 class=${c} part=${part} id=${i}>${content}</h4>`;
    case 5:
      return html`<h5 class=${c} part=${part} id=${i}>${content}</h5>`;
    default:
      return html`<h6 class=${c} part=${part} id=${i}>${content}</h6>`;
  }
}

export function rich(htmlText: string, part?: string): TemplateResult {
  return html`<div class="rich" part=${part ?? nothing}>${safeHtml(htmlText)}</div>`;
}

export interface CitationData {
  readonly section: string;
  readonly source: { readonly slug: string; readonly title: string; readonly url?: string | null };
}

/** The sources cited, each source once with its sections. */
export function sources(citations: readonly CitationData[]): TemplateResult | typeof nothing {
  if (citations.length === 0) return nothing;
  const bySource = new Map<string, { title: string; url: string | null | undefined; sections: Set<string> }>();
  for (const c of citations) {
    const entry = bySource.get(c.source.slug) ?? { title: c.source.title, url: safeUrl(c.source.url), sections: new Set<string>() };
    entry.sections.add(c.section);
    bySource.set(c.source.slug, entry);
  }
  return html`<footer class="sources" part="sources">
    <span id="sources-label">Sources</span>
    <ul aria-labelledby="sources-label">
      ${[...bySource.values()].map(
        (s) =>
          html`<li>${s.url ? html`<a href=${s.url}>${s.title}</a>` : html`<cite>${s.title}</cite>`}: ${[...s.sections].join('; ')}</li>`,
      )}
    </ul>
  </footer>`;
}

/** The visible error box; the caller puts it in a live region. */
export function errorMessage(title: string, message: string): TemplateResult {
  return html`<div class="error" part="error"><strong>${title}<span class="visually-hidden">:</span></strong> ${message}</div>`;
}
