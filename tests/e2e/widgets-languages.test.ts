import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { startCliServer, type CliServer } from '../support/cli.js';
import { servePage } from '../support/page-server.js';
import { allRendered } from '../support/widget-page.js';

// The built bundle, served by a real server, on a page of another origin:
// the languages' catalogues are fetched from beside /widgets.js, as a wiki
// page that pastes the script tag would fetch them.

let server: CliServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startCliServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens `url`, recording every request the page makes and any error. */
async function open(url: string): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(url);
  return { page, requests, problems };
}

const headings = (page: Page, tag: string) =>
  page.evaluate(
    (tag) => [...document.querySelector(tag)!.shadowRoot!.querySelectorAll('[part~="section-heading"]')].map((h) => h.textContent),
    tag,
  );

describe('the widget bundle in a page’s language', () => {
  it('fetches that language’s words from beside /widgets.js, and no other language’s', async () => {
    const host = await servePage(`<!doctype html><html lang="de"><title>Wiki</title>
      <script type="module" src="${server.url}/widgets.js"></script>
      <de-failure-mode-card mode="super-coder"></de-failure-mode-card>
      <div lang="ar-XB"><de-level-card level="staff"></de-level-card></div>`);
    const { page, requests, problems } = await open(host.url);
    try {
      await allRendered(page, 2);
      expect(await headings(page, 'de-failure-mode-card')).toEqual(['Symptome', 'Folgen', 'Was dagegen hilft']);
      expect(
        await page.evaluate(
          () => getComputedStyle(document.querySelector('de-level-card')!.shadowRoot!.querySelector('[part~="base"]')!).direction,
        ),
      ).toBe('rtl');
      const catalogues = requests.filter((url) => url.includes('/widgets/locales/')).map((url) => new URL(url).pathname);
      expect(catalogues.sort()).toEqual(['/widgets/locales/de.js', '/widgets/locales/pseudo.js']);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await host.close();
    }
  });

  it('hydrates a German embed page without fetching its data again or changing a word', async () => {
    const { page, requests, problems } = await open(`${server.url}/embed/failure-mode/super-coder?lang=de`);
    try {
      const rendered = await headings(page, 'de-failure-mode-card');
      expect(rendered).toEqual(['Symptome', 'Folgen', 'Was dagegen hilft']);
      await page.waitForFunction(() => !document.querySelector('de-failure-mode-card')!.hasAttribute('defer-hydration'));
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/widgets/locales/de.js')));
      await page.evaluate(
        () => (document.querySelector('de-failure-mode-card') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete,
      );
      expect(await headings(page, 'de-failure-mode-card')).toEqual(rendered);
      expect(requests.filter((url) => new URL(url).pathname === '/graphql')).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
