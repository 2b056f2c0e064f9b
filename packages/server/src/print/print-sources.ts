import { escapeHtml, type Citation } from '@altitude/schema';
import type { PrintWords } from './print-words.js';

const httpUrl = (url: string | null): string | undefined => (url && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : undefined);

/**
 * The sources section, last in every handout and on a page of its own: each
 * source once, with the sections cited and its address written out, since a
 * printed link cannot be followed.
 */
export function sourcesSection(citations: readonly Citation[], words: PrintWords): string {
  const bySource = new Map<string, { title: string; author: string | null; url: string | null; sections: Set<string> }>();
  for (const c of citations) {
    const entry = bySource.get(c.source.slug) ?? {
      title: c.source.title,
      author: c.source.author,
      url: c.source.url,
      sections: new Set<string>(),
    };
    entry.sections.add(c.section);
    bySource.set(c.source.slug, entry);
  }
  const items = [...bySource.values()].map((s) => {
    const url = httpUrl(s.url);
    const by = s.author ? `${escapeHtml(s.author)}, ` : '';
    const where = url ? `<br><a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : '';
    return `<li>${by}<cite>${escapeHtml(s.title)}</cite>: ${escapeHtml([...s.sections].join('; '))}${where}</li>`;
  });
  return `<section class="sources"><h2>${escapeHtml(words.sources)}</h2><ol>${items.join('')}</ol></section>`;
}
