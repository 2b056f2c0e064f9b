import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { startCliServer, type CliServer } from '../support/cli.js';
import { bundleElement, serveElementPage } from '../support/element-page.js';
import { pdfPages, poppler } from '../support/poppler.js';

// <de-role-health-check> in a real page under the strict CSP, with answers in
// the link: printed by Chromium to PDF and read back with poppler's pdftotext
// (as tests/e2e/print.test.ts does for the handouts), and every request the
// page makes recorded. The element is bundled here from its own define module
// with the widgets' Vite, so this test does not depend on how the element is
// wired into the shared bundle.

const KEY = 'de-role-health-check';

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let server: CliServer;
let browser: Browser;
let dir: string;
let files: Map<string, string>;
beforeAll(async () => {
  poppler('pdftotext', ['-v']);
  [server, browser, dir, files] = await Promise.all([
    startCliServer(),
    launchChromium(),
    mkdtemp(path.join(os.tmpdir(), 'altitude-health-')),
    bundleElement('role-health-check'),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
}

/** Opens the page with `answers` in the link, recording every request, CSP violation and error, and waits for the checklist. */
async function open(page: { url: string }, answers: unknown): Promise<Opened> {
  const tab = await browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  tab.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  tab.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await tab.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await tab.goto(`${page.url}#${KEY}=${encode(answers)}`);
  await tab.waitForFunction(
    () => {
      const root = document.querySelector('de-role-health-check')?.shadowRoot;
      return root?.querySelector('input[type="checkbox"]') && !root.querySelector('[part~="loading"], [part~="error"]');
    },
    undefined,
    { timeout: 15_000 },
  );
  return { page: tab, requests, problems };
}

interface Mode {
  slug: string;
  title: string;
  symptoms: string[];
}

describe('<de-role-health-check> in a real page', () => {
  let page: { url: string; close(): Promise<void> };
  let modes: Mode[];
  beforeAll(async () => {
    page = await serveElementPage({ api: server.url, files, folder: 'role-health-check', title: 'Role health check' });
    const query = '{ failureModes { slug title symptoms(format: TEXT) } }';
    modes = ((await (await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`)).json()) as { data: { failureModes: Mode[] } })
      .data.failureModes;
  });
  afterAll(() => page?.close());

  it('prints the result and the ticked symptoms on at most two pages, without the controls', async () => {
    const coder = modes.find((m) => m.slug === 'super-coder')!;
    const advisor = modes.find((m) => m.slug === 'floating-advisor')!;
    // The longest result: every symptom but the floating advisor's first, so every mode shows strongly.
    const checked = modes.flatMap((m) => m.symptoms.map((_, i) => `${m.slug}.${i}`)).filter((id) => id !== 'floating-advisor.0');
    const { page: tab, problems } = await open(page, { v: 1, tool: 'role-health-check', checked });
    const file = path.join(dir, 'health.pdf');
    await writeFile(file, await tab.pdf({ format: 'A4', printBackground: false }));
    const pages = pdfPages(file);
    const printed = norm(poppler('pdftotext', ['-raw', file, '-']));

    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    // The result, the strengths and the ticked symptoms reach paper.
    // The modes in the result's order (strongest share first): all of them, strongly.
    const summary = /Strong signs of (.+?)\. The /.exec(printed)?.[1] ?? '';
    expect(summary.split(/, | and /).sort()).toEqual(modes.map((m) => m.title).sort());
    expect(printed).toContain(`Strong signs · ${coder.symptoms.length} of ${coder.symptoms.length} symptoms`);
    expect(printed).toContain(`Strong signs · ${advisor.symptoms.length - 1} of ${advisor.symptoms.length} symptoms`);
    expect(printed).toContain('What you ticked');
    for (const symptom of modes.flatMap((m) => m.symptoms).filter((s) => s !== advisor.symptoms[0]))
      expect(printed).toContain(norm(symptom));
    // The controls, the checklist's question and the unticked symptoms stay off paper.
    for (const control of ['Download answers', 'Upload answers', 'Start over', 'The full card', 'What do you see in your organisation?'])
      expect(printed).not.toContain(control);
    expect(printed).not.toMatch(/\bPrint\b/);
    expect(printed).not.toContain(norm(advisor.symptoms[0]!));
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('works under the strict CSP and sends nothing but the persisted query, whatever is ticked', async () => {
    const checked = ['super-coder.0', 'title-without-the-role.1'];
    const { page: tab, requests, problems } = await open(page, { v: 1, tool: 'role-health-check', checked });
    // Tick one more and untick one, as a reader would.
    const root = tab.locator('de-role-health-check');
    await root.locator('input[type="checkbox"]').nth(5).check();
    await root.locator('input[type="checkbox"]:checked').first().uncheck();
    await tab.waitForTimeout(200);
    expect(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems).toEqual([]);
    const hash = await tab.evaluate(() => location.hash);
    expect(hash).toContain(`${KEY}=`);
    const api = requests.filter((r) => r.includes(server.url));
    expect(api).toHaveLength(1);
    expect(api[0]).toMatch(new RegExp(`^GET ${server.url}/graphql\\?id=[0-9a-f]{64} $`));
    for (const request of requests) {
      for (const id of checked) expect(decodeURIComponent(request)).not.toContain(id);
      expect(request).not.toContain(KEY);
      expect(request).not.toContain(hash.slice(1));
    }
    await tab.close();
  });
});
