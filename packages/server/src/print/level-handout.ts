import { escapeHtml, type Framework, type Level } from '@altitude/schema';
import { printRich } from './print-layout.js';
import { sourcesSection } from './print-sources.js';
import { transitionCard } from './transition-cards.js';
import type { PrintWords } from './print-words.js';

/**
 * The body of a level's handout: the level, what it expects per dimension,
 * the signs of operating below it, the steps in and out, and its sources
 * (the level's and its steps') on the last page.
 */
export function levelHandout(level: Level, framework: Framework, words: PrintWords): { title: string; body: string } {
  const rows = level.expectations.map(
    (e) =>
      `<tr><th scope="row">${escapeHtml(e.dimension.title)}</th><td><span class="headline">${escapeHtml(e.headline)}</span>${printRich(e.text)}</td></tr>`,
  );
  const steps = [
    ...level.transitionsIn.map((t) => transitionCard(t, words.from(t.from.title), words)),
    ...level.transitionsOut.map((t) => transitionCard(t, words.onTo(t.to.title), words)),
  ];
  const body = `<header><p class="kicker">${escapeHtml(framework.title)}</p><h1>${escapeHtml(level.title)}</h1><div class="summary">${printRich(level.summary)}</div></header>
${printRich(level.description)}
<section><h2>${escapeHtml(words.expects)}</h2>
<table><thead><tr><th scope="col">${escapeHtml(words.dimension)}</th><th scope="col">${escapeHtml(level.title)}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>
${level.signalsBelow.length ? `<section><h2>${escapeHtml(words.signsBelow)}</h2><ul>${level.signalsBelow.map((s) => `<li>${printRich(s.text)}</li>`).join('')}</ul></section>` : ''}
${steps.length ? `<section><h2>${escapeHtml(words.steps)}</h2>${steps.join('\n')}</section>` : ''}
${sourcesSection([...level.sources, ...level.transitionsIn.flatMap((t) => t.sources), ...level.transitionsOut.flatMap((t) => t.sources)], words)}`;
  return { title: `${level.title} — ${framework.title}`, body };
}
