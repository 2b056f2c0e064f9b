import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { runCli, startCliServer, type CliServer } from '../support/cli.js';
import { pdfPages, poppler } from '../support/poppler.js';

// The handouts printed by Chromium to PDF and read back with poppler's
// pdftotext. `-layout` keeps one page per form feed and the footer on its own
// line; `-raw` keeps the order Chromium painted the text in (cell after cell,
// row after row), so a row's text is contiguous exactly when it is on one page.

/** The shipped content, which the handouts are printed from. */
const framework: Framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

let server: CliServer;
let browser: Browser;
let dir: string;
beforeAll(async () => {
  poppler('pdftotext', ['-v']);
  [server, browser, dir] = await Promise.all([startCliServer(), launchChromium(), mkdtemp(path.join(os.tmpdir(), 'altitude-print-'))]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Printed {
  readonly pages: number;
  /** Each page's text from `pdftotext -layout`. */
  readonly layout: readonly string[];
  /** Each page's text from `pdftotext -raw`, whitespace normalised. */
  readonly raw: readonly string[];
}

let printed = 0;
async function printPdf(page: Page): Promise<Printed> {
  const file = path.join(dir, `handout-${++printed}.pdf`);
  await writeFile(file, await page.pdf({ preferCSSPageSize: true }));
  const pages = pdfPages(file);
  // pdftotext ends every page with a form feed.
  const split = (text: string) => text.split('\f').slice(0, pages);
  return {
    pages,
    layout: split(poppler('pdftotext', ['-layout', file, '-'])),
    raw: split(poppler('pdftotext', ['-raw', file, '-'])).map(norm),
  };
}

/** What the page shows that must reach paper: headings, and each table row as its cells' text in order. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const text = (e: Element) => (e as HTMLElement).innerText;
    return {
      headings: [...document.querySelectorAll('main h1, main h2, main h3')].map(text),
      rows: [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text)),
      header: [...document.querySelectorAll('thead th')].map(text),
      sources: text(document.querySelector('.sources h2')!),
    };
  });

// Every level's handout, and the comparison of them all, with the most pages each may take.
const HANDOUTS: [string, number][] = [
  ...framework.levels.map((l): [string, number] => [`/print/level/${l.slug}`, 6]),
  [`/print/compare?levels=${framework.levels.map((l) => l.slug).join(',')}`, 8],
];

describe.each(['a4', 'letter'] as const)('printed on %s', (paper) => {
  it.each(HANDOUTS)('%s keeps its layout promises', async (address, ceiling) => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}${address}${address.includes('?') ? '&' : '?'}paper=${paper}`);
    expect(response!.status()).toBe(200);
    const content = await shown(page);
    const pdf = await printPdf(page);

    // The paper asked for.
    const info = poppler('pdfinfo', [path.join(dir, `handout-${printed}.pdf`)]);
    expect(info).toMatch(paper === 'a4' ? /Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/ : /Page size:\s+612 x 792 pts \(letter\)/);

    // Every heading and every cell reaches paper; each row whole on one page.
    const all = pdf.raw.join(' ');
    for (const heading of content.headings) expect(all).toContain(norm(heading));
    for (const row of content.rows) {
      const whole = norm(row.join(' '));
      expect(
        pdf.raw.filter((p) => p.includes(whole)),
        `row "${whole.slice(0, 60)}…" on exactly one page`,
      ).toHaveLength(1);
    }
    // The header row repeats on every page the table reaches.
    const header = norm(content.header.join(' '));
    const tablePages = pdf.raw.filter((p) => content.rows.some((row) => p.includes(norm(row[0]!))));
    for (const p of tablePages) expect(p).toContain(header);

    // The layout's promise: the handout flows, then the sources take the last page, alone.
    expect(pdf.pages).toBeLessThanOrEqual(ceiling);
    const sourcesOn = pdf.raw.flatMap((p, i) => (p.includes(content.sources) ? [i] : []));
    expect(sourcesOn).toEqual([pdf.pages - 1]);
    await page.evaluate(() => document.querySelector('.sources')!.remove());
    const withoutSources = await printPdf(page);
    expect(pdf.pages).toBe(withoutSources.pages + 1);

    // The footer: framework, version and date, and the page number, on every page.
    const date = (framework.currentRelease?.publishedAt ?? new Date().toISOString()).slice(0, 10);
    const footer = `${framework.title} · version ${framework.currentRelease?.version ?? framework.version} · ${date}`;
    pdf.layout.forEach((text, i) => {
      expect(norm(text)).toContain(footer);
      expect(text.replace(/\s+/g, '')).toContain(`${i + 1}/${pdf.pages}`);
    });
    await page.close();
  });
});

describe('printed in other languages and through the CLI', () => {
  it('fails, not skips, with the install command when pdftotext is missing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => poppler('pdftotext', ['-v'])).toThrow('pdftotext is missing; install it with: apt-get install -y poppler-utils');
    } finally {
      process.env.PATH = path;
    }
  });

  it('prints the German handout with German headings', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/print/level/principal?lang=de`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['de', 'ltr']);
    const content = await shown(page);
    expect(content.headings).toContain('Was die Stufe erwartet');
    const pdf = await printPdf(page);
    const all = pdf.raw.join(' ');
    for (const heading of content.headings) expect(all).toContain(norm(heading));
    await page.close();
  });

  it('writes the same page with altitude print as the server sends', async () => {
    const out = path.join(dir, 'principal.html');
    const { code, stderr } = await runCli(['print', 'level', 'principal', '--paper', 'letter', '--out', out]);
    expect(stderr).toContain('wrote');
    expect(code).toBe(0);
    const served = await (await fetch(`${server.url}/print/level/principal?paper=letter`)).text();
    expect(await readFile(out, 'utf8')).toBe(served);
  });

  it('refuses what is not a level, naming the levels', async () => {
    const { code, stderr } = await runCli(['print', 'compare', 'staff', 'nobody']);
    expect(code).toBe(2);
    expect(stderr).toContain('"nobody", which is not a level. Levels: staff, principal, distinguished.');
  });
});
