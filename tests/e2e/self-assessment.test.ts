import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { startCliServer, type CliServer } from '../support/cli.js';
import { bundleElement, serveElementPage } from '../support/element-page.js';
import { pdfPages, poppler } from '../support/poppler.js';

// <de-self-assessment> in a real page under the strict CSP, with answers in
// the link: printed by Chromium to PDF and read back with poppler's pdftotext
// (as tests/e2e/print.test.ts does for the handouts), every request the page
// makes recorded. The element is bundled here from its own define module
// with the widgets' Vite, so the test does not depend on how the element is
// wired into the shared bundle.

const KEY = 'de-self-assessment';

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Framework {
  levels: { slug: string; title: string }[];
  dimensions: { slug: string; title: string }[];
  capabilities: { slug: string; title: string; atLevel: { level: { slug: string }; text: string }[] }[];
  leverageMechanisms: { slug: string; title: string }[];
}

let server: CliServer;
let browser: Browser;
let dir: string;
let files: Map<string, string>;
let framework: Framework;
let site: { url: string; close(): Promise<void> };
beforeAll(async () => {
  poppler('pdftotext', ['-v']);
  [server, browser, dir, files] = await Promise.all([
    startCliServer(),
    launchChromium(),
    mkdtemp(path.join(os.tmpdir(), 'altitude-self-assessment-')),
    bundleElement('self-assessment'),
  ]);
  site = await serveElementPage({ api: server.url, files, folder: 'self-assessment', title: 'Self-assessment' });
  const query = `{ levels { slug title } dimensions { slug title } capabilities { slug title atLevel { level { slug } text(format: TEXT) } }
    leverageMechanisms { slug title } }`;
  framework = ((await (await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`)).json()) as { data: Framework }).data;
}, 60_000);
afterAll(async () => {
  await site?.close();
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Opens the page with `answers` in the link, recording every request, CSP violation and error, and waits for the form. */
async function open(answers: unknown) {
  const page: Page = await browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${site.url}#${KEY}=${encode(answers)}`);
  await page.waitForFunction(
    () => {
      const root = document.querySelector('de-self-assessment')?.shadowRoot;
      return root?.querySelector('input[type="radio"]') && !root.querySelector('[part~="loading"], [part~="error"]');
    },
    undefined,
    { timeout: 15_000 },
  );
  return { page, requests, problems };
}

/**
 * The longest summary a real profile gives: a Principal aiming at the top,
 * every axis a gap (most one level, some two, one "not yet"), so every gap
 * prints both descriptions.
 */
function principalProfile(): Record<string, string> {
  const [staff, principal] = framework.levels;
  const keys = [
    ...framework.dimensions.map((d) => `dimension:${d.slug}`),
    ...framework.capabilities.map((c) => `capability:${c.slug}`),
    ...framework.leverageMechanisms.map((m) => `mechanism:${m.slug}`),
  ];
  return Object.fromEntries(keys.map((key, i) => [key, i === 3 ? 'not-yet' : i % 3 === 0 ? staff!.slug : principal!.slug]));
}

describe('<de-self-assessment> in a real page', () => {
  it.each(['A4', 'Letter'] as const)(
    'prints the summary on at most two %s pages, with the gaps and without the controls',
    async (format) => {
      const answers = principalProfile();
      const { page, problems } = await open({ v: 1, tool: 'self-assessment', name: 'Ada Lovelace', answers });
      const file = path.join(dir, `self-assessment-${format}.pdf`);
      await writeFile(file, await page.pdf({ format }));
      // KEEP_PDF=<folder> keeps the printouts, for a person to look at the layout.
      if (process.env.KEEP_PDF) await writeFile(path.join(process.env.KEEP_PDF, path.basename(file)), await page.pdf({ format }));
      const pages = pdfPages(file);
      // A hyphenated word broken at a line's end is one word again.
      const printed = norm(poppler('pdftotext', ['-raw', file, '-']).replace(/(\w-)\n(?=\w)/g, '$1'));
      const top = framework.levels.at(-1)!;

      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      expect(printed).toContain('Ada Lovelace');
      expect(printed).toContain(`Gaps to ${top.title}`);
      expect(printed).toContain('Capabilities to grow, largest gap first');
      // Every gap with the target's description beside the current one; the profile table with every axis.
      for (const capability of framework.capabilities) {
        const note = (slug: string) => norm(capability.atLevel.find((n) => n.level.slug === slug)!.text);
        expect(printed).toContain(note(top.slug));
        const mine = answers[`capability:${capability.slug}`]!;
        if (mine !== 'not-yet') expect(printed).toContain(note(mine));
      }
      for (const axis of [...framework.dimensions, ...framework.capabilities, ...framework.leverageMechanisms])
        expect(printed).toContain(norm(axis.title));
      // The controls and the questions stay off paper.
      for (const control of ['Download answers', 'Upload answers', 'Start over', "Load a second rater's answers", 'Your name (optional)'])
        expect(printed).not.toContain(control);
      expect(printed).not.toMatch(/\bPrint\b/);
      expect(printed).not.toContain('pick the level whose description');
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('works under the strict CSP and sends nothing but the persisted query, whatever is answered', async () => {
    const answers = principalProfile();
    const { page, requests, problems } = await open({ v: 1, tool: 'self-assessment', name: 'Ada Lovelace', answers });
    const host = page.locator('de-self-assessment');
    await host.locator('input[type="radio"][value="distinguished"]').first().check();
    await host.locator('input[name="name"]').fill('Grace Hopper');
    await page.waitForTimeout(200);
    // The answers went into the link, and nowhere else.
    expect(await page.evaluate(() => location.hash)).toContain(`${KEY}=`);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems).toEqual([]);
    const api = requests.filter((r) => r.includes(server.url));
    expect(api).toHaveLength(1);
    expect(api[0]).toMatch(new RegExp(`^GET ${server.url}/graphql\\?id=[0-9a-f]{64} $`));
    for (const request of requests) expect(decodeURIComponent(request)).not.toMatch(/Ada|Grace|dimension:|capability:|mechanism:|not-yet/);
    await page.close();
  });
});
