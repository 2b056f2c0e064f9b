import {
  asSentence,
  escapeHtml,
  type Basis,
  type Citation,
  type FailureMode,
  type Framework,
  type Level,
  type RichText,
} from '@altitude/schema';
import { ENGLISH_WORDS, embedWords, type EmbedWords } from './embed-words.js';
import { embedUrl, isTool, type WidgetSpec } from './widget-spec.js';

// Static snippets for wikis that take pasted HTML or Markdown but no script:
// no <script>, no event handlers, nothing fetched; the only links are to the
// sources. The HTML's styles are scoped to .altitude-snippet and use the
// page's own text colour with translucent fills, so it reads in light and dark.
// Whatever is the framework's reading rather than its sources' carries a †,
// explained by one line after the sources, as in the widgets. A snippet is in
// its spec's locale: the framework given is the one in that locale, and the
// few words that are the snippet's own come from embedWords.

const STYLE = `<style>
.altitude-snippet{font:inherit;color:inherit;line-height:1.5;max-width:100%}
.altitude-snippet h2{font-size:1.25em;margin:0 0 .5em}
.altitude-snippet h3{font-size:1.05em;margin:1.25em 0 .4em}
.altitude-snippet table{border-collapse:collapse;width:100%}
.altitude-snippet th,.altitude-snippet td{border:1px solid rgba(127,127,127,.45);padding:.5em;text-align:left;vertical-align:top}
.altitude-snippet thead th,.altitude-snippet tbody th{background:rgba(127,127,127,.12)}
.altitude-snippet .altitude-headline{display:block;font-weight:600}
.altitude-snippet p,.altitude-snippet ul{margin:.25em 0}
.altitude-snippet .altitude-sources{font-size:.875em;opacity:.85;margin-top:1em}
.altitude-snippet .altitude-interpreted{font-size:.75em;font-weight:400;line-height:0;cursor:help}
.altitude-snippet .altitude-legend{font-size:.875em;opacity:.85;margin:.5em 0 0}
.altitude-snippet a{color:inherit}
</style>`;

/**
 * Content HTML for a snippet: the API's sanitised HTML without images or
 * links, because a snippet promises no requests and no links but to sources.
 */
const md = (text: RichText) => text.html.replace(/<img\b[^>]*>/gi, '').replace(/<\/?a\b[^>]*>/gi, '');
const httpUrl = (url: string | null): string | undefined => (url && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : undefined);

/** What the † means, in every English snippet that shows one. */
export const INTERPRETED_NOTE = ENGLISH_WORDS.interpretedNote;

interface Based {
  readonly basis: Basis;
}
const anyInterpreted = (items: readonly Based[]) => items.some((item) => item.basis === 'interpreted');

/** The † after an interpreted item, with the note as its tooltip; nothing for a sourced one. */
const htmlMark = (item: Based, words: EmbedWords) =>
  item.basis === 'interpreted' ? `<sup class="altitude-interpreted" title="${escapeHtml(words.interpretedNote)}">†</sup>` : '';
/** The line that explains the †, when anything shown carries it. */
const htmlLegend = (shown: readonly Based[], words: EmbedWords) =>
  anyInterpreted(shown) ? `\n<p class="altitude-legend">† ${escapeHtml(words.interpretedNote)}</p>` : '';
const mdMark = (item: Based) => (item.basis === 'interpreted' ? '†' : '');
const mdLegend = (shown: readonly Based[], words: EmbedWords) => (anyInterpreted(shown) ? `\n† ${words.interpretedNote}\n` : '');

/** What a failure mode shows that can be interpreted: itself and the practices that prevent it. */
const failureModeShown = (mode: FailureMode): Based[] => [mode, ...mode.preventedBy];

/** Citations grouped by source, each source once with its sections. */
function groupSources(citations: readonly Citation[]) {
  const bySource = new Map<string, { title: string; url: string | null; sections: Set<string> }>();
  for (const c of citations) {
    const entry = bySource.get(c.source.slug) ?? { title: c.source.title, url: c.source.url, sections: new Set<string>() };
    entry.sections.add(c.section);
    bySource.set(c.source.slug, entry);
  }
  return [...bySource.values()];
}

/** What a comparison spec shows: its levels in order, the dimensions asked for, the steps between. */
function comparison(spec: WidgetSpec, framework: Framework) {
  const levels = spec.attributes.levels!.split(' ').map((slug) => framework.find('Level', slug)!);
  const wanted = spec.attributes.dimensions?.split(' ');
  const low = Math.min(...levels.map((l) => l.rank));
  const high = Math.max(...levels.map((l) => l.rank));
  const transitions = framework.transitions.filter((t) => t.from.rank >= low && t.to.rank <= high);
  const dimensions = framework.dimensions.filter((d) => !wanted || wanted.includes(d.slug));
  return {
    levels,
    dimensions,
    transitions,
    citations: [...levels.flatMap((l) => l.sources), ...transitions.flatMap((t) => t.sources)],
    /** Every cell and step shown, for the legend. */
    shown: [...dimensions.flatMap((d) => levels.map((l) => l.expectations[d.position]!)), ...transitions] as Based[],
  };
}

function htmlSources(citations: readonly Citation[], words: EmbedWords): string {
  const items = groupSources(citations).map((s) => {
    const url = httpUrl(s.url);
    const title = url ? `<a href="${escapeHtml(url)}">${escapeHtml(s.title)}</a>` : `<cite>${escapeHtml(s.title)}</cite>`;
    return `<li>${title}: ${escapeHtml([...s.sections].join('; '))}</li>`;
  });
  return `<div class="altitude-sources">${escapeHtml(words.sources)}<ul>${items.join('')}</ul></div>`;
}

/** The snippet's outer element: says its language, so a wiki in another one reads (and speaks) it right. */
const wrap = (spec: WidgetSpec, body: string) =>
  `<div class="altitude-snippet altitude-${spec.kind}" lang="${escapeHtml(spec.locale)}" dir="${spec.direction}">\n${STYLE}\n${body}\n</div>\n`;

function failureModeHtml(mode: FailureMode, level: 'h2' | 'h3', words: EmbedWords): string {
  const sub = level === 'h2' ? 'h3' : 'h4';
  const list = (items: readonly RichText[]) => `<ul>${items.map((i) => `<li>${md(i)}</li>`).join('')}</ul>`;
  return `<${level}>${escapeHtml(mode.title)}${htmlMark(mode, words)}</${level}>${md(mode.summary)}
<${sub}>${escapeHtml(words.symptoms)}</${sub}>${list(mode.symptoms)}
<${sub}>${escapeHtml(words.consequences)}</${sub}>${list(mode.consequences)}
<${sub}>${escapeHtml(words.prevents)}</${sub}><ul>${mode.preventedBy.map((p) => `<li><strong>${escapeHtml(p.title)}</strong>${htmlMark(p, words)}${md(p.summary)}</li>`).join('')}</ul>
${htmlSources(mode.sources, words)}`;
}

function levelHtml(level: Level, words: EmbedWords): string {
  const mark = (item: Based) => htmlMark(item, words);
  const steps = [
    ...level.transitionsIn.map((t) => `<li><strong>${escapeHtml(words.from(t.from.title))}</strong>${mark(t)}${md(t.summary)}</li>`),
    ...level.transitionsOut.map((t) => `<li><strong>${escapeHtml(words.onTo(t.to.title))}</strong>${mark(t)}${md(t.summary)}</li>`),
  ];
  // A sign is one short paragraph: its † goes inside it, after the last word.
  const signs = level.signalsBelow.map((s) => `<li>${md(s.text).replace(/(<\/p>\s*)?$/, `${mark(s)}$1`)}</li>`);
  return `<h2>${escapeHtml(level.title)}${mark(level)}</h2>${md(level.summary)}
<h3>${escapeHtml(words.expects)}</h3>
<table><tbody>${level.expectations
    .map(
      (e) =>
        `<tr><th scope="row">${escapeHtml(e.dimension.title)}</th><td><span class="altitude-headline">${escapeHtml(e.headline)}${mark(e)}</span>${md(e.text)}</td></tr>`,
    )
    .join('')}</tbody></table>
${signs.length ? `<h3>${escapeHtml(words.signsBelow)}</h3><ul>${signs.join('')}</ul>` : ''}
${steps.length ? `<h3>${escapeHtml(words.steps)}</h3><ul>${steps.join('')}</ul>` : ''}
${htmlSources(level.sources, words)}${htmlLegend([level, ...level.expectations, ...level.signalsBelow, ...level.transitionsIn, ...level.transitionsOut], words)}`;
}

/**
 * Why a spec has no static snippet, with the two forms it does have; undefined
 * when it has one. A tool is filled in, and its answers are kept by its
 * script in the page's address: pasted as static HTML it would be a form that
 * does nothing. `origin` makes the addresses absolute (a server knows its
 * own); without it they are paths on the Altitude server.
 */
export function snippetRefusal(spec: WidgetSpec, origin = ''): string | undefined {
  if (!isTool(spec.kind)) return undefined;
  const attributes = Object.entries(spec.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return (
    `The ${spec.kind === 'self-assessment' ? 'self-assessment' : 'role health check'} is a tool people fill in: it needs a script or an iframe, and has no static snippet. ` +
    `Iframe: ${embedUrl(spec, origin)}. ` +
    `Script: <script type="module" src="${origin}/widgets.js"></script> then <${spec.tag}${attributes}></${spec.tag}>.`
  );
}

/** A snippet asked of a tool: a mistake of the caller's, who should have asked snippetRefusal first. */
const noSnippet = (spec: WidgetSpec): never => {
  throw new Error(snippetRefusal(spec));
};

/** The HTML snippet for a widget spec, from the framework in the spec's locale. */
export function snippetHtml(spec: WidgetSpec, framework: Framework): string {
  const words = embedWords(spec.locale);
  const mark = (item: Based) => htmlMark(item, words);
  switch (spec.kind) {
    case 'level-compare': {
      const { levels, dimensions, transitions, citations, shown } = comparison(spec, framework);
      return wrap(
        spec,
        `<h2>${escapeHtml(spec.title)}</h2>
<table><thead><tr><th scope="col">${escapeHtml(words.dimension)}</th>${levels.map((l) => `<th scope="col">${escapeHtml(l.title)}</th>`).join('')}</tr></thead>
<tbody>${dimensions
          .map(
            (d) =>
              `<tr><th scope="row">${escapeHtml(d.title)}</th>${levels
                .map((l) => {
                  const e = l.expectations[d.position]!;
                  return `<td><span class="altitude-headline">${escapeHtml(e.headline)}${mark(e)}</span>${md(e.text)}</td>`;
                })
                .join('')}</tr>`,
          )
          .join('\n')}</tbody></table>
${transitions.length ? `<h3>${escapeHtml(words.movingBetween)}</h3><ul>${transitions.map((t) => `<li><strong>${escapeHtml(t.from.title)} → ${escapeHtml(t.to.title)}</strong>${mark(t)}${md(t.summary)}</li>`).join('')}</ul>` : ''}
${htmlSources(citations, words)}${htmlLegend(shown, words)}`,
      );
    }
    case 'level':
      return wrap(spec, levelHtml(framework.find('Level', spec.attributes.level!)!, words));
    case 'failure-mode': {
      const mode = framework.find('FailureMode', spec.attributes.mode!)!;
      return wrap(spec, `${failureModeHtml(mode, 'h2', words)}${htmlLegend(failureModeShown(mode), words)}`);
    }
    case 'failure-modes':
      return wrap(
        spec,
        `<h2>${escapeHtml(spec.title)}</h2>\n${framework.failureModes.map((m) => failureModeHtml(m, 'h3', words)).join('\n')}${htmlLegend(
          framework.failureModes.flatMap(failureModeShown),
          words,
        )}`,
      );
    case 'leverage-mechanisms':
      return wrap(
        spec,
        `<h2>${escapeHtml(spec.title)}</h2>
${framework.leverageMechanisms.map((m) => `<h3>${escapeHtml(m.title)}${mark(m)}</h3>${md(m.summary)}<ul>${m.inPractice.map((p) => `<li>${md(p)}</li>`).join('')}</ul>`).join('\n')}
${htmlSources(
  framework.leverageMechanisms.flatMap((m) => m.sources),
  words,
)}${htmlLegend(framework.leverageMechanisms, words)}`,
      );
    case 'self-assessment':
    case 'role-health-check':
      return noSnippet(spec);
  }
}

// --- Markdown ---------------------------------------------------------------

/**
 * Plain text that stays plain in Markdown: every character Markdown or HTML
 * could read as syntax is escaped (so content cannot become a link, an image,
 * code or raw HTML), and | for table cells.
 */
const cell = (text: string) =>
  text
    .replace(/[\\`*_[\]()<>#!|~{}]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/\s+/g, ' ')
    .trim();
const plain = (text: RichText) => cell(text.text);
/** A headline as the first sentence of a cell: ends with its own ? or ., else gains one. */
const headline = (text: string) => cell(asSentence(text));

function mdSources(citations: readonly Citation[], words: EmbedWords): string {
  return `${cell(words.sources)}: ${groupSources(citations)
    .map((s) => {
      const url = httpUrl(s.url);
      // <…> keeps a URL with parentheses or spaces whole.
      return `${url ? `[${cell(s.title)}](<${url}>)` : `*${cell(s.title)}*`} (${cell([...s.sections].join('; '))})`;
    })
    .join('; ')}.\n`;
}

function failureModeMd(mode: FailureMode, hashes: string, words: EmbedWords): string {
  const list = (items: readonly RichText[]) => items.map((i) => `- ${plain(i)}`).join('\n');
  return `${hashes} ${cell(mode.title)}${mdMark(mode)}\n\n${plain(mode.summary)}\n\n**${cell(words.symptoms)}**\n\n${list(mode.symptoms)}\n\n**${cell(words.consequences)}**\n\n${list(mode.consequences)}\n\n**${cell(words.prevents)}**\n\n${mode.preventedBy
    .map((p) => `- **${cell(p.title)}**${mdMark(p)}: ${plain(p.summary)}`)
    .join('\n')}\n\n${mdSources(mode.sources, words)}`;
}

/** The Markdown snippet for a widget spec, from the framework in the spec's locale: a table for comparisons, lists for the rest. */
export function snippetMarkdown(spec: WidgetSpec, framework: Framework): string {
  const words = embedWords(spec.locale);
  switch (spec.kind) {
    case 'level-compare': {
      const { levels, dimensions, transitions, citations, shown } = comparison(spec, framework);
      const rows = dimensions.map(
        (d) =>
          `| **${cell(d.title)}** | ${levels
            .map((l) => {
              const e = l.expectations[d.position]!;
              return `**${headline(e.headline)}**${mdMark(e)} ${plain(e.text)}`;
            })
            .join(' | ')} |`,
      );
      return [
        `## ${cell(spec.title)}`,
        '',
        `| ${cell(words.dimension)} | ${levels.map((l) => cell(l.title)).join(' | ')} |`,
        `| --- | ${levels.map(() => '---').join(' | ')} |`,
        ...rows,
        '',
        ...(transitions.length
          ? [
              `### ${cell(words.movingBetween)}`,
              '',
              ...transitions.map((t) => `- **${cell(t.from.title)} → ${cell(t.to.title)}**${mdMark(t)}: ${plain(t.summary)}`),
              '',
            ]
          : []),
        mdSources(citations, words) + mdLegend(shown, words),
      ].join('\n');
    }
    case 'level': {
      const level = framework.find('Level', spec.attributes.level!)!;
      const signs = level.signalsBelow.length
        ? `**${cell(words.signsBelow)}**\n\n${level.signalsBelow.map((s) => `- ${plain(s.text)}${mdMark(s)}`).join('\n')}\n\n`
        : '';
      return `## ${cell(level.title)}${mdMark(level)}\n\n${plain(level.summary)}\n\n${level.expectations
        .map((e) => `- **${cell(e.dimension.title)}**: **${headline(e.headline)}**${mdMark(e)} ${plain(e.text)}`)
        .join(
          '\n',
        )}\n\n${signs}${mdSources(level.sources, words)}${mdLegend([level, ...level.expectations, ...level.signalsBelow], words)}`;
    }
    case 'failure-mode': {
      const mode = framework.find('FailureMode', spec.attributes.mode!)!;
      return `${failureModeMd(mode, '##', words)}${mdLegend(failureModeShown(mode), words)}`;
    }
    case 'failure-modes':
      return `## ${cell(spec.title)}\n\n${framework.failureModes.map((m) => failureModeMd(m, '###', words)).join('\n')}${mdLegend(
        framework.failureModes.flatMap(failureModeShown),
        words,
      )}`;
    case 'leverage-mechanisms':
      return `## ${cell(spec.title)}\n\n${framework.leverageMechanisms
        .map((m) => `### ${cell(m.title)}${mdMark(m)}\n\n${plain(m.summary)}\n\n${m.inPractice.map((p) => `- ${plain(p)}`).join('\n')}\n`)
        .join('\n')}\n${mdSources(
        framework.leverageMechanisms.flatMap((m) => m.sources),
        words,
      )}${mdLegend(framework.leverageMechanisms, words)}`;
    case 'self-assessment':
    case 'role-health-check':
      return noSnippet(spec);
  }
}
