import { escapeHtml, type Framework, type Level } from '@altitude/schema';
import { printRich } from './print-layout.js';
import { sourcesSection } from './print-sources.js';
import { transitionCard } from './transition-cards.js';
import type { PrintWords } from './print-words.js';

/**
 * The body of a comparison handout: one row per dimension, one column per
 * level in rank order (as the widget shows them), the steps between the
 * levels compared, and the sources on the last page.
 */
export function compareHandout(levels: readonly Level[], framework: Framework, words: PrintWords): { title: string; body: string } {
  const ordered = [...levels].sort((a, b) => a.rank - b.rank);
  const low = ordered[0]!.rank;
  const high = ordered.at(-1)!.rank;
  const steps = framework.transitions.filter((t) => t.from.rank >= low && t.to.rank <= high);
  const title = words.compared(ordered.map((l) => l.title));
  const rows = framework.dimensions.map(
    (d) =>
      `<tr><th scope="row">${escapeHtml(d.title)}</th>${ordered
        .map((l) => {
          const e = l.expectations[d.position]!;
          return `<td><span class="headline">${escapeHtml(e.headline)}</span>${printRich(e.text)}</td>`;
        })
        .join('')}</tr>`,
  );
  const body = `<header><p class="kicker">${escapeHtml(framework.title)}</p><h1>${escapeHtml(title)}</h1></header>
<table><thead><tr><th scope="col">${escapeHtml(words.dimension)}</th>${ordered.map((l) => `<th scope="col">${escapeHtml(l.title)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${steps.length ? `<section><h2>${escapeHtml(words.movingBetween)}</h2>${steps.map((t) => transitionCard(t, `${t.from.title} → ${t.to.title}`, words)).join('\n')}</section>` : ''}
${sourcesSection([...ordered.flatMap((l) => l.sources), ...steps.flatMap((t) => t.sources)], words)}`;
  return { title, body };
}
