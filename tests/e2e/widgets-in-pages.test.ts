import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { startCliServer, type CliServer } from '../support/cli.js';
import { servePage } from '../support/page-server.js';
import { allRendered, TAGS } from '../support/widget-page.js';

const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'";

let server: CliServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startCliServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens `url` recording CSP violations, console errors and uncaught exceptions from the first byte. */
async function open(url: string) {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  return { page, problems };
}

describe('GET /widgets-all.js', () => {
  it('serves every element in one ES module with the right type, an ETag, cache headers and CORS', async () => {
    const response = await fetch(`${server.url}/widgets-all.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect((await response.text()).length).toBeGreaterThan(10_000);
    const again = await fetch(`${server.url}/widgets-all.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('renders every widget from the one file, with no other script fetched', async () => {
    // A page of its own from the first request: the demo page would fetch the loader's chunks.
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.route(`${server.url}/all-in-one`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: `<!doctype html><html lang="en"><title>One file</title><script type="module" src="/widgets-all.js"></script>
          <de-level-compare levels="staff principal"></de-level-compare><de-failure-mode-grid></de-failure-mode-grid>`,
      }),
    );
    await page.goto(`${server.url}/all-in-one`);
    await allRendered(page, 2);
    expect(scripts).toEqual(['/widgets-all.js']);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the demo page at /', () => {
  it('shows every widget live, each with the snippet to copy', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('content-security-policy')).toContain(STRICT_CSP);
    const html = await response.text();
    for (const tag of TAGS) {
      expect(html).toContain(`&lt;script type=&quot;module&quot; src=&quot;${server.url}/widgets.js&quot;&gt;&lt;/script&gt;`);
      expect(html).toMatch(new RegExp(`<${tag}[ >]`));
      expect(html).toContain(`&lt;${tag}`);
    }
  });

  it('renders every widget under its strict CSP with no violation, error or exception', async () => {
    const { page, problems } = await open(`${server.url}/`);
    // Every widget once, plus the embed builder's preview.
    await allRendered(page, TAGS.length + 1);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a strict-CSP page', () => {
  it('with the exact policy, sent as a header, renders every widget without a violation', async () => {
    // Same origin as the API, as the policy's 'self' requires: the demo page is such a page,
    // but here the policy is exactly the one in the brief and nothing else is on the page.
    const { page, problems } = await open(`${server.url}/`);
    await page.route(`${server.url}/csp-fixture`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html', 'content-security-policy': STRICT_CSP },
        body: `<!doctype html><html lang="en"><title>CSP</title><script type="module" src="/widgets.js"></script>
          <de-level-compare levels="staff principal distinguished"></de-level-compare><de-level-card level="staff"></de-level-card>
          <de-failure-mode-card mode="super-coder"></de-failure-mode-card><de-failure-mode-grid></de-failure-mode-grid><de-leverage-mechanisms></de-leverage-mechanisms>
          <de-self-assessment target="principal"></de-self-assessment><de-role-health-check></de-role-health-check>`,
      }),
    );
    await page.goto(`${server.url}/csp-fixture`);
    await allRendered(page, TAGS.length);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports a violation when something breaks the policy (the check can fail)', async () => {
    const { page } = await open(`${server.url}/`);
    await page.route(`${server.url}/csp-broken`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html', 'content-security-policy': STRICT_CSP },
        body: '<!doctype html><html lang="en"><title>CSP</title><p style="color: red">inline style</p>',
      }),
    );
    await page.goto(`${server.url}/csp-broken`);
    await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0, undefined, {
      timeout: 5_000,
    });
    expect((await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))[0]).toMatch(/^style-src/);
    await page.close();
  });
});

describe('keyboard', () => {
  it('reaches a comparison table that has to scroll with Tab alone, and shows where focus is', async () => {
    const { page } = await open(`${server.url}/`);
    await page.route(`${server.url}/keyboard-fixture`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: `<!doctype html><html lang="en"><title>Keyboard</title><script type="module" src="/widgets.js"></script>
          <style>de-level-compare::part(table) { min-width: 1600px; }</style>
          <button>before</button><de-level-compare levels="staff principal distinguished"></de-level-compare><button>after</button>`,
      }),
    );
    await page.goto(`${server.url}/keyboard-fixture`);
    await page.waitForFunction(() => document.querySelector('de-level-compare')?.shadowRoot?.querySelector('.table-wrap[tabindex="0"]'));
    await page.focus('button');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement?.shadowRoot?.activeElement as HTMLElement | null | undefined;
      return active ? { role: active.getAttribute('role'), outline: getComputedStyle(active).outlineStyle } : null;
    });
    expect(focused).toEqual({ role: 'region', outline: 'solid' });
    // Arrow keys then scroll it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // (Smooth scrolling finishes a moment after the key press.)
    await page.waitForFunction(
      () => document.querySelector('de-level-compare')!.shadowRoot!.querySelector('.table-wrap')!.scrollLeft > 0,
      undefined,
      {
        timeout: 10_000,
      },
    );
    // Then on through the sources' links to the next thing on the page.
    const reached: string[] = [];
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'after'; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName ?? document.activeElement?.tagName ?? ''),
      );
    }
    expect(reached.at(-1)).toBe('BUTTON');
    expect(reached).toContain('A');
    await page.close();
  });
});

describe('theme and fonts', () => {
  it("follow the reader's system colour scheme unless theme is set, and inherit the page's font", async () => {
    const { page } = await open(`${server.url}/`);
    await page.route(`${server.url}/theme-fixture`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: `<!doctype html><html lang="en"><title>Theme</title><script type="module" src="/widgets.js"></script>
          <div style="font-family: Georgia, serif"><de-level-card level="staff"></de-level-card><de-level-card level="staff" theme="light"></de-level-card></div>`,
      }),
    );
    const backgrounds = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('de-level-card')].map((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).fontFamily]),
      );
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${server.url}/theme-fixture`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('de-level-card')].every((e) => e.shadowRoot?.querySelector('[part~="card"]')),
    );
    expect(await backgrounds()).toEqual([
      ['rgb(13, 17, 23)', 'Georgia, serif'],
      ['rgb(255, 255, 255)', 'Georgia, serif'],
    ]);
    await page.emulateMedia({ colorScheme: 'light' });
    expect((await backgrounds())[0]![0]).toBe('rgb(255, 255, 255)');
    await page.close();
  });
});

describe('printing', () => {
  it('prints the comparison in black on white, without colour fills, scroll clipping or split rows, even in the dark theme', async () => {
    const { page } = await open(`${server.url}/`);
    await allRendered(page, TAGS.length + 1);
    await page.evaluate(() => document.querySelector('de-level-compare')!.setAttribute('theme', 'dark'));
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const styles = await page.evaluate(() => {
      const root = document.querySelector('de-level-compare')!.shadowRoot!;
      const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
      return {
        wrapOverflow: style('.table-wrap').overflowX,
        headlineBackground: style('[part~="headline"]').backgroundColor,
        rowBreak: style('tbody tr').breakInside,
        text: style('[part~="base"]').color,
      };
    });
    expect(styles).toEqual({ wrapOverflow: 'visible', headlineBackground: 'rgb(255, 255, 255)', rowBreak: 'avoid', text: 'rgb(0, 0, 0)' });
    await page.close();
  });
});

describe('the two lines on a page of another origin', () => {
  it('are enough: the script finds the API on its own origin and every widget renders', async () => {
    const page = await servePage(
      `<!doctype html><html lang="en"><title>Wiki</title><h1>Career framework</h1>
      <script type="module" src="${server.url}/widgets.js"></script>
      ${TAGS.map((tag) => `<${tag}${tag === 'de-level-card' ? ' level="principal"' : tag === 'de-failure-mode-card' ? ' mode="floating-advisor"' : tag === 'de-level-compare' ? ' levels="staff distinguished"' : ''}></${tag}>`).join('\n')}`,
    );
    try {
      const { page: tab, problems } = await open(page.url);
      await allRendered(tab, TAGS.length);
      const headers = await tab.evaluate(() =>
        [...document.querySelector('de-level-compare')!.shadowRoot!.querySelectorAll('th[scope="col"]')].map((th) => th.textContent),
      );
      expect(headers).toEqual(['Dimension', 'Staff Engineer', 'Distinguished Engineer']);
      expect(problems).toEqual([]);
      await tab.close();
    } finally {
      await page.close();
    }
  });
});
