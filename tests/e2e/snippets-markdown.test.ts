import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { postGraphql, startCliServer, type CliServer } from '../support/cli.js';

// The Markdown snippets are pasted into wikis, whose engines are mostly
// markdown-it (Wiki.js, HedgeDoc, Docusaurus' remark is similar) or marked
// with GitHub-flavoured tables. Each renders them here; the HTML is read back
// in Chromium's parser, as the wiki's reader would see it.
const ENGINES = {
  'markdown-it': (md: string) => new MarkdownIt().render(md),
  'markdown-it, raw HTML allowed': (md: string) => new MarkdownIt({ html: true }).render(md),
  'marked (GFM)': (md: string) => new Marked({ gfm: true, async: false }).parse(md) as string,
};

/** What content may become: nothing that fetches, runs, or links anywhere but a source. */
const ALLOWED_TAGS = ['A', 'EM', 'H2', 'H3', 'LI', 'P', 'STRONG', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL'];

interface Rendered {
  tags: string[];
  links: { href: string; text: string }[];
  head: string[];
  rows: { cells: string[]; strong: string[] }[];
  items: { text: string; strong: string[] }[];
  text: string;
}

/** The rendered HTML as a browser's parser reads it. */
async function read(page: Page, html: string): Promise<Rendered> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(`<body>${source}</body>`, 'text/html');
    const text = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      tags: [...new Set([...doc.body.querySelectorAll('*')].map((e) => e.tagName))].sort(),
      links: [...doc.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href') ?? '', text: text(a) })),
      head: [...doc.querySelectorAll('table > thead > tr > th')].map(text),
      rows: [...doc.querySelectorAll('table > tbody > tr')].map((tr) => ({
        cells: [...tr.children].map(text),
        strong: [...tr.querySelectorAll('strong')].map(text),
      })),
      items: [...doc.querySelectorAll('ul > li')].map((li) => ({ text: text(li), strong: [...li.querySelectorAll('strong')].map(text) })),
      text: text(doc.body),
    };
  }, html);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A headline as the snippet writes it: a sentence, ending with its own ? or ., else gaining a full stop. */
const sentence = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);
const distinctUrls = (citations: { source: { url: string | null } }[]) =>
  [...new Set(citations.map((c) => c.source.url).filter((u): u is string => !!u))].sort();

const CITATIONS = 'sources { source { title url } }';

let server: CliServer;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  const [started, launched] = await Promise.allSettled([startCliServer(), launchChromium()]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function snippet(path: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

describe('the comparison snippet in Markdown (/snippet/level-compare.md?levels=staff,principal)', () => {
  let markdown: string;
  let comparison: any;
  beforeAll(async () => {
    markdown = await snippet('/snippet/level-compare.md?levels=staff,principal');
    const { body } = await postGraphql(
      server.url,
      `{ compareLevels(slugs: ["staff", "principal"]) {
          levels { title ${CITATIONS} }
          rows { dimension { title } cells { headline text(format: TEXT) } }
          transitions { ${CITATIONS} } } }`,
    );
    comparison = body.data.compareLevels;
  });

  it.each(Object.entries(ENGINES))(
    'keeps its table with %s: a header row, one row per dimension, a column per level',
    async (_, render) => {
      const html = render(markdown);
      const rendered = await read(page, html);
      expect(rendered.head).toEqual(['Dimension', ...comparison.levels.map((l: any) => l.title)]);
      expect(rendered.rows).toHaveLength(comparison.rows.length);
      expect(rendered.rows.length).toBeGreaterThanOrEqual(8);
      comparison.rows.forEach((row: any, r: number) => {
        const { cells, strong } = rendered.rows[r]!;
        expect(cells).toHaveLength(1 + comparison.levels.length);
        expect(cells[0]).toBe(row.dimension.title);
        // Every cell whole: its headline in bold, then the text as the API serves it, escapes undone.
        row.cells.forEach((cell: any, c: number) => {
          expect(strong).toContain(sentence(cell.headline));
          expect(cells[c + 1]).toMatch(new RegExp(`^${escapeRegExp(sentence(cell.headline))}†? ${escapeRegExp(squash(cell.text))}$`));
        });
      });
      expect(rendered.text).not.toContain('\\');
      expect(rendered.text).not.toMatch(/&amp;|\|/);
    },
  );

  it.each(Object.entries(ENGINES))('keeps its source links with %s, and nothing but them is a link', async (_, render) => {
    const rendered = await read(page, render(markdown));
    const expected = distinctUrls([
      ...comparison.levels.flatMap((l: any) => l.sources),
      ...comparison.transitions.flatMap((t: any) => t.sources),
    ]);
    expect(expected.length).toBeGreaterThan(0);
    expect(rendered.links.map((l) => l.href).sort()).toEqual(expected);
    const titles = new Map<string, string>(
      comparison.levels.flatMap((l: any) => l.sources).map((c: any) => [c.source.url, c.source.title]),
    );
    for (const link of rendered.links) expect(link.text).toBe(titles.get(link.href));
    expect(rendered.tags.filter((t) => !ALLOWED_TAGS.includes(t))).toEqual([]);
  });
});

describe('the level card snippet in Markdown (/snippet/level/distinguished.md)', () => {
  let markdown: string;
  let level: any;
  beforeAll(async () => {
    markdown = await snippet('/snippet/level/distinguished.md');
    const { body } = await postGraphql(
      server.url,
      `{ level(slug: "distinguished") {
          title ${CITATIONS}
          expectations { dimension { title } headline text(format: TEXT) }
          signalsBelow { text(format: TEXT) } } }`,
    );
    level = body.data.level;
  });

  it.each(Object.entries(ENGINES))('keeps one list item per dimension and per sign, and its source links, with %s', async (_, render) => {
    const rendered = await read(page, render(markdown));
    expect(rendered.text.startsWith(level.title)).toBe(true);
    const expectations = rendered.items.slice(0, level.expectations.length);
    level.expectations.forEach((e: any, i: number) => {
      expect(expectations[i]!.strong).toEqual([e.dimension.title, sentence(e.headline)]);
      expect(expectations[i]!.text).toMatch(
        new RegExp(`^${escapeRegExp(e.dimension.title)}: ${escapeRegExp(sentence(e.headline))}†? ${escapeRegExp(squash(e.text))}$`),
      );
    });
    expect(rendered.items.slice(level.expectations.length).map((i) => i.text.replace(/†$/, ''))).toEqual(
      level.signalsBelow.map((s: any) => squash(s.text)),
    );
    expect(rendered.links.map((l) => l.href).sort()).toEqual(distinctUrls(level.sources));
    expect(rendered.links.map((l) => l.text).sort()).toEqual([...new Set(level.sources.map((c: any) => c.source.title))].sort());
    expect(rendered.tags.filter((t) => !ALLOWED_TAGS.includes(t))).toEqual([]);
    expect(rendered.text).not.toContain('\\');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
