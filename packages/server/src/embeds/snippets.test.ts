import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, asSentence, escapeHtml, loadFrameworkOrThrow, type Basis, type Framework } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERPRETED_NOTE, snippetHtml, snippetMarkdown, snippetRefusal } from './snippets.js';
import { parseWidgetSpec, type WidgetSpec } from './widget-spec.js';

const HTML_MARK = `<sup class="altitude-interpreted" title="The framework&#39;s reading, built on its sources rather than stated by them.">†</sup>`;
const HTML_LEGEND = `<p class="altitude-legend">† The framework&#39;s reading, built on its sources rather than stated by them.</p>`;
const MD_LEGEND = `† ${INTERPRETED_NOTE}`;

let framework: Framework;
/** The content with every item marked interpreted, and with every item marked sourced. */
let allInterpreted: Framework;
let allSourced: Framework;
const dirs: string[] = [];

/** A copy of the content with every YAML file rewritten by `change`, loaded. */
async function edited(change: (yaml: string) => string): Promise<Framework> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-snippets-'));
  dirs.push(dir);
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.yaml'))) {
    const target = path.join(dir, file);
    await writeFile(target, change(await readFile(target, 'utf8')));
  }
  return loadFrameworkOrThrow(dir);
}

beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  // An interpreted entity says what is interpreted; the items inside entities (cells, signs) need only their basis.
  allInterpreted = await edited((yaml) =>
    yaml
      .replace(/^( {4})basis: sourced$/gm, '$1basis: interpreted\n$1interpretation: Our reading.')
      .replace(/^( {6,})basis: sourced$/gm, '$1basis: interpreted'),
  );
  allSourced = await edited((yaml) =>
    yaml.replace(/^ {4}interpretation:.*\n(?: {6,}.*\n| *\n(?= {6,}))*/gm, '').replace(/^( +)basis: interpreted$/gm, '$1basis: sourced'),
  );
});
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function spec(at: string, query = '', on = framework): WidgetSpec {
  const parsed = parseWidgetSpec(at, new URLSearchParams(query), on);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.spec;
}

const count = (text: string, part: string) => text.split(part).length - 1;
const interpreted = (items: readonly { readonly basis: Basis }[]) => items.filter((i) => i.basis === 'interpreted').length;

/** What each snippet shows that can be interpreted, worked out from the framework, not from the snippet code. */
function shownBy(s: WidgetSpec, on: Framework): { html: { basis: Basis }[]; md: { basis: Basis }[] } {
  const same = (items: { basis: Basis }[]) => ({ html: items, md: items });
  switch (s.kind) {
    case 'level-compare': {
      const levels = s.attributes.levels!.split(' ').map((slug) => on.find('Level', slug)!);
      const wanted = s.attributes.dimensions?.split(' ');
      const ranks = levels.map((l) => l.rank);
      const cells = on.dimensions
        .filter((d) => !wanted || wanted.includes(d.slug))
        .flatMap((d) => levels.map((l) => l.expectations.find((e) => e.dimension === d)!));
      const steps = on.transitions.filter((t) => t.from.rank >= Math.min(...ranks) && t.to.rank <= Math.max(...ranks));
      return same([...cells, ...steps]);
    }
    case 'level': {
      const level = on.find('Level', s.attributes.level!)!;
      const common = [level, ...level.expectations, ...level.signalsBelow];
      // The Markdown form has no steps in and out.
      return { html: [...common, ...level.transitionsIn, ...level.transitionsOut], md: common };
    }
    case 'failure-mode': {
      const mode = on.find('FailureMode', s.attributes.mode!)!;
      return same([mode, ...mode.preventedBy]);
    }
    case 'failure-modes':
      return same(on.failureModes.flatMap((m) => [m, ...m.preventedBy]));
    case 'leverage-mechanisms':
      return same([...on.leverageMechanisms]);
    case 'self-assessment':
    case 'role-health-check':
      throw new Error(`${s.kind} has no snippet`);
  }
}

const SPECS = [
  ['level-compare', 'levels=staff,principal,distinguished'],
  ['level-compare', 'levels=principal,distinguished'],
  ['level/staff', ''],
  ['level/principal', ''],
  ['level/distinguished', ''],
  ['failure-mode/super-coder', ''],
  ['failure-mode/title-without-the-role', ''],
  ['failure-modes', ''],
  ['leverage-mechanisms', ''],
] as const;

describe('interpreted items in snippets', () => {
  it.each(SPECS)('%s?%s: one † per interpreted item shown, and the legend once when there is any', (at, query) => {
    for (const on of [framework, allInterpreted, allSourced]) {
      const s = spec(at, query, on);
      const shown = shownBy(s, on);
      const html = snippetHtml(s, on);
      expect(count(html, HTML_MARK)).toBe(interpreted(shown.html));
      expect(count(html, HTML_LEGEND)).toBe(interpreted(shown.html) > 0 ? 1 : 0);
      expect(count(html, '†')).toBe(count(html, HTML_MARK) + count(html, HTML_LEGEND));
      const md = snippetMarkdown(s, on);
      expect(count(md, MD_LEGEND)).toBe(interpreted(shown.md) > 0 ? 1 : 0);
      expect(count(md, '†') - count(md, MD_LEGEND)).toBe(interpreted(shown.md));
    }
  });

  it('are shown by the real content: the comparison has interpreted cells today', () => {
    const s = spec('level-compare', 'levels=staff,principal,distinguished');
    expect(interpreted(shownBy(s, framework).html)).toBeGreaterThan(0);
  });

  it('follow the headline in a comparison cell, and the legend follows the sources', () => {
    const s = spec('level-compare', 'levels=staff,principal', allInterpreted);
    const html = snippetHtml(s, allInterpreted);
    const staff = allInterpreted.find('Level', 'staff')!;
    const first = staff.expectations[0]!;
    expect(html).toContain(`<td><span class="altitude-headline">${escapeHtml(first.headline)}${HTML_MARK}</span>`);
    expect(html).toContain(`<strong>Staff Engineer → Principal Engineer</strong>${HTML_MARK}<p>`);
    expect(html).toMatch(new RegExp(`</ul></div>\\n${HTML_LEGEND}\\n</div>\\n$`));
    // Every cell shown carries it, so all of them, and the step between.
    expect(count(html, HTML_MARK)).toBe(allInterpreted.dimensions.length * 2 + 1);

    const md = snippetMarkdown(s, allInterpreted);
    expect(md).toContain(`| **${first.dimension.title}** | **${asSentence(first.headline)}**† `);
    expect(md).toContain('- **Staff Engineer → Principal Engineer**†: ');
    expect(md).toMatch(/\nSources: .*\.\n\n† The framework's reading, built on its sources rather than stated by them\.\n$/);
  });

  it('leave a snippet of sourced items as it was: no † and no legend', () => {
    for (const [at, query] of SPECS) {
      const s = spec(at, query, allSourced);
      expect(snippetHtml(s, allSourced)).not.toContain('†');
      expect(snippetMarkdown(s, allSourced)).not.toContain('†');
    }
  });

  it('explain the † once for the whole failure-mode list, after the last card', () => {
    const s = spec('failure-modes', '', allInterpreted);
    const html = snippetHtml(s, allInterpreted);
    expect(count(html, HTML_LEGEND)).toBe(1);
    expect(html.trimEnd().endsWith(`${HTML_LEGEND}\n</div>`)).toBe(true);
    for (const mode of allInterpreted.failureModes) expect(html).toContain(`<h3>${escapeHtml(mode.title)}${HTML_MARK}</h3>`);
    const md = snippetMarkdown(s, allInterpreted);
    expect(count(md, MD_LEGEND)).toBe(1);
    for (const mode of allInterpreted.failureModes) expect(md).toContain(`### ${mode.title}†\n`);
  });
});

describe('the level snippet', () => {
  it('lists the signs of operating below the level, each marked like the rest', () => {
    const level = framework.find('Level', 'principal')!;
    expect(level.signalsBelow.length).toBeGreaterThan(0);
    const html = snippetHtml(spec('level/principal'), framework);
    const md = snippetMarkdown(spec('level/principal'), framework);
    expect(html).toContain('<h3>Signs of operating below this level</h3><ul><li>');
    expect(md).toContain('**Signs of operating below this level**\n\n- ');
    const signs = (text: string, start: string, end: string) => text.slice(text.indexOf(start) + start.length, text.indexOf(end));
    const htmlSigns = signs(html, '<h3>Signs of operating below this level</h3><ul>', '</ul>').split('</li>').slice(0, -1);
    const mdSigns = signs(md, '**Signs of operating below this level**\n\n', '\n\nSources').split('\n');
    expect(htmlSigns).toHaveLength(level.signalsBelow.length);
    expect(mdSigns).toHaveLength(level.signalsBelow.length);
    level.signalsBelow.forEach((sign, i) => {
      // Inside the sign's paragraph, after its last word.
      const marked = sign.basis === 'interpreted';
      expect(htmlSigns[i]!.trimEnd().endsWith(`${HTML_MARK}</p>`)).toBe(marked);
      expect(htmlSigns[i]!.includes('†')).toBe(marked);
      expect(mdSigns[i]!.endsWith('†')).toBe(marked);
      expect(mdSigns[i]!.includes('†')).toBe(marked);
    });
  });
});

describe('snippets in a locale', () => {
  /** The spec and the framework in its locale, as the routes and the CLI get them. */
  function localised(at: string, query: string) {
    const parsed = parseWidgetSpec(at, new URLSearchParams(query), framework);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed;
  }
  /** The cells of a Markdown table row: split on the pipes that are not escaped. */
  const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1);

  it('write the HTML in the locale, and say so on the snippet’s element', () => {
    const { spec: s, framework: de } = localised('level-compare', 'levels=staff,principal&lang=de');
    const html = snippetHtml(s, de);
    expect(html).toMatch(/^<div class="altitude-snippet altitude-level-compare" lang="de" dir="ltr">\n/);
    for (const d of de.dimensions) expect(html).toContain(`<th scope="row">${escapeHtml(d.title)}</th>`);
    expect(html).not.toContain(framework.dimensions[0]!.title);
    expect(html).toContain('<h3>Übergänge zwischen diesen Stufen</h3>');
    expect(html).toContain('<div class="altitude-sources">Quellen<ul>');
    expect(snippetHtml(...specAndFramework('leverage-mechanisms', 'lang=ar-XB'))).toMatch(/^<div [^>]*lang="ar-XB" dir="rtl">/);
    // English says so too, so a pasted English snippet reads right on a page in another language.
    expect(snippetHtml(spec('level/staff'), framework)).toMatch(/^<div class="altitude-snippet altitude-level" lang="en" dir="ltr">/);
  });

  it('write the Markdown in the locale with its table and links whole', () => {
    const { spec: s, framework: de } = localised('level-compare', 'levels=staff,principal,distinguished&lang=de');
    const md = snippetMarkdown(s, de);
    const rows = md.split('\n').filter((line) => line.startsWith('| '));
    // The header, the rule, one row per dimension; every row as many cells as the header.
    expect(rows).toHaveLength(2 + de.dimensions.length);
    for (const row of rows) expect(cells(row)).toHaveLength(4);
    expect(rows[0]).toBe(
      `| Dimension | ${s.attributes
        .levels!.split(' ')
        .map((slug) => de.find('Level', slug)!.title)
        .join(' | ')} |`,
    );
    expect(rows[2]).toContain(`| **${de.dimensions[0]!.title}** | **${asSentence(de.find('Level', 'staff')!.expectations[0]!.headline)}**`);
    expect(md).toContain(
      '[What Distinguished Engineers Actually Do](<https://northstararchitecture.com/blog/what-distinguished-engineers-actually-do>)',
    );
    expect(md).toMatch(/\nQuellen: .*\.\n/);
    expect(md).not.toContain('Sources:');
  });

  it('write a Japanese failure mode with Japanese headings', () => {
    const { spec: s, framework: ja } = localised('failure-mode/super-coder', 'lang=ja');
    const mode = ja.find('FailureMode', 'super-coder')!;
    const md = snippetMarkdown(s, ja);
    expect(md.startsWith(`## ${mode.title}`)).toBe(true);
    for (const heading of ['**兆候**', '**もたらす結果**', '**防ぐには**', '\n出典: ']) expect(md).toContain(heading);
    expect(snippetHtml(s, ja)).toContain(`<h3>兆候</h3><ul><li>${mode.symptoms[0]!.html}`);
  });

  it.each(SPECS)('%s?%s: mark every interpreted item in German as in English', (at, query) => {
    const { spec: s, framework: de } = localised(at, `${query}&lang=de`);
    const note = escapeHtml('Eine eigene Einschätzung des Frameworks: auf seine Quellen gestützt, aber nicht von ihnen ausgesagt.');
    const shown = shownBy(s, de);
    const html = snippetHtml(s, de);
    expect(count(html, `<sup class="altitude-interpreted" title="${note}">†</sup>`)).toBe(interpreted(shown.html));
    expect(count(html, `<p class="altitude-legend">† ${note}</p>`)).toBe(interpreted(shown.html) > 0 ? 1 : 0);
    expect(html).not.toContain(escapeHtml(INTERPRETED_NOTE));
  });
});

function specAndFramework(at: string, query: string): [WidgetSpec, Framework] {
  const parsed = parseWidgetSpec(at, new URLSearchParams(query), framework);
  if (!parsed.ok) throw new Error(parsed.message);
  return [parsed.spec, parsed.framework];
}

describe('the tools have no snippet', () => {
  it('refuse one, naming the iframe and the script forms in full', () => {
    const assessment = spec('self-assessment', 'target=principal&lang=de');
    expect(snippetRefusal(assessment, 'https://a.example')).toBe(
      'The self-assessment is a tool people fill in: it needs a script or an iframe, and has no static snippet. ' +
        'Iframe: https://a.example/embed/self-assessment?target=principal&lang=de. ' +
        'Script: <script type="module" src="https://a.example/widgets.js"></script> then <de-self-assessment target="principal" lang="de"></de-self-assessment>.',
    );
    // Without an origin (the CLI), paths on the Altitude server.
    expect(snippetRefusal(spec('role-health-check'))).toBe(
      'The role health check is a tool people fill in: it needs a script or an iframe, and has no static snippet. ' +
        'Iframe: /embed/role-health-check. Script: <script type="module" src="/widgets.js"></script> then <de-role-health-check></de-role-health-check>.',
    );
  });

  it('and a caller that asks anyway gets the refusal as an error, never a form that does nothing', () => {
    const check = spec('role-health-check');
    expect(() => snippetHtml(check, framework)).toThrow('needs a script or an iframe');
    expect(() => snippetMarkdown(check, framework)).toThrow('needs a script or an iframe');
  });

  it('while every other widget has one', () => {
    for (const [at, query] of SPECS) expect(snippetRefusal(spec(at, query), 'https://a.example'), at).toBeUndefined();
  });
});
