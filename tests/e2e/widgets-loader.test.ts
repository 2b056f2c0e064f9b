// /widgets.js as a wiki on another origin uses it: one script tag, elements
// appearing whenever the page's own code adds them.
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { startCliServer, type CliServer } from '../support/cli.js';
import { servePage } from '../support/page-server.js';
import { allRendered } from '../support/widget-page.js';

let server: CliServer;
let browser: Browser;
const pages: { close: () => Promise<void> }[] = [];
beforeAll(async () => {
  [server, browser] = await Promise.all([startCliServer(), launchChromium()]);
});
afterAll(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close()));
  await browser?.close();
  await server?.stop();
});

/** A page on another origin holding `body` after the loader's script tag, with the scripts it fetched and the errors it logged. */
async function open(body: string): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
  const host = await servePage(
    `<!doctype html><html lang="en"><title>Wiki</title><script type="module" src="${server.url}/widgets.js"></script>${body}`,
  );
  pages.push(host);
  const page = await browser.newPage();
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && r.url().startsWith(server.url) && scripts.push(new URL(r.url()).pathname));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  return { page, scripts, errors };
}

/** The element chunks fetched, by element: `/widgets/level-card-AbC123xy.js` → `level-card`. */
const elementChunks = (scripts: string[]) =>
  scripts
    .map((s) => /^\/widgets\/([a-z-]+)-[\w-]{8}\.js$/.exec(s)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'common')
    .sort();

describe('the loader at /widgets.js', () => {
  it('defines an element already on the page, fetching only its module and the shared chunk, and finds the API beside itself', async () => {
    const { page, scripts, errors } = await open('<de-level-compare levels="staff principal"></de-level-compare>');
    await allRendered(page, 1);
    expect(scripts[0]).toBe('/widgets.js');
    expect(elementChunks(scripts)).toEqual(['level-compare']);
    expect(scripts.filter((s) => /^\/widgets\/common-/.test(s))).toHaveLength(1);
    expect(scripts.some((s) => s.startsWith('/widgets/locales/'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('defines elements the page adds later, by appendChild or innerHTML, each module fetched once', async () => {
    const { page, scripts, errors } = await open('<main></main>');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/widgets.js')));
    expect(elementChunks(scripts)).toEqual([]);
    await page.evaluate(() => {
      const card = document.createElement('de-level-card');
      card.setAttribute('level', 'staff');
      document.querySelector('main')!.append(card);
    });
    await allRendered(page, 1);
    await page.evaluate(() => {
      document
        .querySelector('main')!
        .insertAdjacentHTML(
          'beforeend',
          '<section><div><de-failure-mode-card mode="super-coder"></de-failure-mode-card><de-level-card level="principal"></de-level-card></div></section>',
        );
    });
    await allRendered(page, 3);
    expect(elementChunks(scripts)).toEqual(['failure-mode-card', 'level-card', 'render-failure-mode']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a property set on an element before its module arrived', async () => {
    const { page } = await open('');
    await page.evaluate(() => {
      const card = document.createElement('de-level-card') as HTMLElement & { level?: string };
      card.level = 'distinguished';
      document.body.append(card);
    });
    await allRendered(page, 1);
    const title = await page.evaluate(
      () => document.querySelector('de-level-card')!.shadowRoot!.querySelector('[part~="title"]')!.textContent,
    );
    expect(title).toContain('Distinguished');
    await page.close();
  });

  it('defines elements inside another component’s shadow root when asked with discover(root)', async () => {
    const { page } = await open('<portal-panel></portal-panel>');
    // A string, so that the test runner leaves its dynamic import as the browser's own.
    const defined = await page.evaluate(`(async () => {
      const root = document.querySelector('portal-panel').attachShadow({ mode: 'open' });
      root.innerHTML = '<de-leverage-mechanisms></de-leverage-mechanisms>';
      const { discover } = await import('${server.url}/widgets.js');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The document's observer cannot see into the shadow root.
      const before = customElements.get('de-leverage-mechanisms') !== undefined;
      await discover(root);
      // A second discovery while the first still loads waits for the same module.
      const other = document.createElement('div').attachShadow({ mode: 'open' });
      other.innerHTML = '<de-level-card level="staff"></de-level-card>';
      void discover(other);
      await discover(other);
      return {
        before,
        after: customElements.get('de-leverage-mechanisms') !== undefined,
        again: customElements.get('de-level-card') !== undefined,
      };
    })()`);
    expect(defined).toEqual({ before: false, after: true, again: true });
    await page.close();
  });

  it('says so when a module cannot be fetched, and tries again when the element next appears', async () => {
    const host = await servePage(
      `<!doctype html><html lang="en"><title>Flaky</title><script type="module" src="${server.url}/widgets.js"></script>`,
    );
    pages.push(host);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    let refused = 0;
    await page.route(/\/widgets\/level-card-[\w-]{8}\.js$/, async (route) => {
      if (refused++ === 0) await route.abort('connectionreset');
      else await route.continue();
    });
    await page.goto(host.url);
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<de-level-card level="staff"></de-level-card>'));
    await expect.poll(() => errors.join('\n'), { timeout: 10_000 }).toContain('Altitude: could not load <de-level-card>.');
    expect(await page.evaluate(() => customElements.get('de-level-card'))).toBeUndefined();
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<de-level-card level="principal"></de-level-card>'));
    await allRendered(page, 2);
    expect(refused).toBe(2);
    await page.close();
  });
});
