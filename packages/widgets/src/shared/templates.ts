import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/messages.js';
import type { Basis } from '../queries/generated.js';
import { richDoc, type RichDocData } from './rich-doc.js';
import { safeUrl } from './safe-url.js';

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

/** Rich text from the API, drawn from its blocks; `lang` when it was served in another language than the one in effect. */
export function rich(doc: RichDocData, lang: string | typeof nothing = nothing): TemplateResult {
  return html`<div class="rich" lang=${lang}>${richDoc(doc)}</div>`;
}

export interface CitationData {
  readonly section: string;
  readonly source: { readonly slug: string; readonly title: string; readonly url?: string | null };
}

/** The sources cited, each source once with its sections. */
export function sources(citations: readonly CitationData[], t: Translate): TemplateResult | typeof nothing {
  if (citations.length === 0) return nothing;
  const bySource = new Map<string, { title: string; url: string | null | undefined; sections: Set<string> }>();
  for (const c of citations) {
    const entry = bySource.get(c.source.slug) ?? { title: c.source.title, url: safeUrl(c.source.url), sections: new Set<string>() };
    entry.sections.add(c.section);
    bySource.set(c.source.slug, entry);
  }
  return html`<footer class="sources" part="sources">
    <span id="sources-label">${t('Sources')}</span>
    <ul aria-labelledby="sources-label">
      ${[...bySource.values()].map(
        (s) =>
          html`<li>${s.url ? html`<a href=${s.url}>${s.title}</a>` : html`<cite>${s.title}</cite>`}: ${[...s.sections].join('; ')}</li>`,
      )}
    </ul>
  </footer>`;
}

/**
 * The mark on something the framework interprets rather than its sources
 * state: a small superscript dagger with the note as a tooltip. Screen
 * readers hear "(the framework's reading)" instead of "dagger". Nothing for
 * sourced items.
 */
export function interpretedMark(basis: Basis, t: Translate): TemplateResult | typeof nothing {
  if (basis !== 'INTERPRETED') return nothing;
  return html`<sup class="interpreted" part="interpreted" title=${t("The framework's reading, built on its sources rather than stated by them.")}
    ><span aria-hidden="true">†</span><span class="visually-hidden">${t(" (the framework's reading)")}</span></sup
  >`;
}

/** The one-line key to the dagger, shown beside the sources when anything shown is interpreted. */
export function interpretedLegend(items: Iterable<{ readonly basis: Basis }>, t: Translate): TemplateResult | typeof nothing {
  for (const item of items)
    if (item.basis === 'INTERPRETED')
      return html`<p class="interpreted-legend" part="interpreted-legend"><span aria-hidden="true">† </span>${t("The framework's reading, built on its sources rather than stated by them.")}</p>`;
  return nothing;
}

/** The visible error box; the caller puts it in a live region. */
export function errorMessage(title: string, message: string): TemplateResult {
  return html`<div class="error" part="error"><strong>${title}<span class="visually-hidden">:</span></strong> ${message}</div>`;
}
