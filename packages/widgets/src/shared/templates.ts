import { html, nothing, type TemplateResult } from 'lit';
import { safeHtml, safeUrl } from './safe-html.js';

/**
 * A heading at the level the host page asked for (`heading-level`), without
 * dynamic tag names. `section` headings are the smaller ones inside a widget.
 */
export function heading(level: number, content: unknown, part = 'heading', kind: 'main' | 'section' = 'main'): TemplateResult {
  return html`<div class=${kind === 'main' ? 'heading' : 'section-heading'} role="heading" aria-level=${level} part=${part}>${content}</div>`;
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
    <span>Sources</span>
    <ul>
      ${[...bySource.values()].map(
        (s) =>
          html`<li>${s.url ? html`<a href=${s.url}>${s.title}</a>` : html`<cite>${s.title}</cite>`}: ${[...s.sections].join('; ')}</li>`,
      )}
    </ul>
  </footer>`;
}

export function errorMessage(title: string, message: string): TemplateResult {
  return html`<div class="error" role="alert" part="error"><strong>${title}</strong>${message}</div>`;
}
