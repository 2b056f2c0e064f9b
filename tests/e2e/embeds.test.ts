import type { Browser } from 'playwright';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { axeViolations } from '../support/axe.js';
import { runCli, startCliServer, type CliServer } from '../support/cli.js';
import { editContent } from '../support/content.js';
import { servePage } from '../support/page-server.js';

const EMBEDS = [
  [
    'level-compare?levels=staff,principal,distinguished',
    'de-level-compare',
    'Staff Engineer, Principal Engineer and Distinguished Engineer compared',
  ],
  ['level/principal', 'de-level-card', 'Principal Engineer'],
  ['failure-mode/super-coder', 'de-failure-mode-card', 'The super-coder'],
  ['leverage-mechanisms', 'de-leverage-mechanisms', 'How Distinguished Engineers create leverage'],
  ['failure-modes', 'de-failure-mode-grid', 'How companies get the role wrong'],
] as const;
const SOURCE_URLS = [
  'https://leaddev.com/career-development/the-reality-of-being-a-distinguished-engineer',
  'https://northstararchitecture.com/blog/what-distinguished-engineers-actually-do',
];

let server: CliServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startCliServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The first heading inside the element's shadow root, whichever level it is. */
const shadowHeading = (tag: string) => `document.querySelector('${tag}')?.shadowRoot?.querySelector('h1,h2,h3,h4,h5,h6')?.textContent`;

describe('embed pages', () => {
  it.each(EMBEDS)('/embed/%s is readable with JavaScript off', async (path, tag, title) => {
    const response = await fetch(`${server.url}/embed/${path}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self'( 'sha256-[\w+/=]+')+; connect-src 'self'/);
    expect(csp).toMatch(/; frame-ancestors \*$/);
    const html = await response.text();
    // The only scripts: the page's module, and data that never runs.
    for (const script of html.match(/<script[^>]*>/g)!)
      expect(script).toMatch(/^<script (type="module" src="\/embed\.js"|type="application\/json" data-altitude-cache)>$/);
    expect(html).toContain('<template shadowroot');

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/embed/${path}`);
    expect(await page.evaluate(shadowHeading(tag))).toBe(title);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('${tag}')).backgroundColor`)).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });

  it('marks interpreted cells with a dagger and explains it, with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/embed/level-compare?levels=staff,principal,distinguished`);
    const shown = await page.evaluate(() => {
      const root = document.querySelector('de-level-compare')!.shadowRoot!;
      return {
        marks: root.querySelectorAll('table [part~="interpreted"]').length,
        mark: root.querySelector('[part~="interpreted"]')?.textContent,
        legend: root.querySelector('[part~="interpreted-legend"]')?.textContent,
      };
    });
    expect(shown.marks).toBeGreaterThan(0);
    expect(shown.mark).toBe("† (the framework's reading)");
    expect(shown.legend).toBe("† The framework's reading, built on its sources rather than stated by them.");
    await context.close();
  });

  it('may be framed only where ALTITUDE_FRAME_ANCESTORS says', async () => {
    const restricted = await startCliServer([], { env: { ALTITUDE_FRAME_ANCESTORS: "'self' https://wiki.example.com" } });
    try {
      const response = await fetch(`${restricted.url}/embed/level/staff`);
      expect(response.headers.get('content-security-policy')).toMatch(/; frame-ancestors 'self' https:\/\/wiki\.example\.com$/);
      // A page on another origin cannot show it.
      const host = await servePage(
        `<!doctype html><html lang="en"><title>Wiki</title><iframe src="${restricted.url}/embed/level/staff" title="Level"></iframe>`,
      );
      const page = await browser.newPage();
      try {
        await page.goto(host.url);
        await page.waitForTimeout(500);
        const frame = page.frames().find((f) => f !== page.mainFrame());
        expect(await frame?.evaluate(() => document.querySelector('de-level-card') !== null).catch(() => false)).not.toBe(true);
      } finally {
        await page.close();
        await host.close();
      }
    } finally {
      await restricted.stop();
    }
  });

  it('hydrates in a frame without errors or refetching, and posts its height to the parent', async () => {
    const host = await servePage(
      `<!doctype html><html lang="en"><title>Wiki</title><h1>Levels</h1>
      <script src="${server.url}/embed-resize.js" defer></script>
      <script>window.heights = []; addEventListener('message', (e) => e.data && e.data.type === 'altitude:resize' && heights.push(e.data.height));</script>
      <iframe src="${server.url}/embed/level-compare?levels=staff,distinguished&theme=dark" width="900" height="200" title="Levels"></iframe>`,
    );
    const page = await browser.newPage();
    const problems: string[] = [];
    const graphqlRequests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => r.url().includes('/graphql') && graphqlRequests.push(r.url()));
    try {
      await page.goto(host.url);
      await page.waitForFunction(() => (window as unknown as { heights: number[] }).heights.some((h) => h > 300), undefined, {
        timeout: 10_000,
      });
      const frame = page.frames().find((f) => f.url().includes('/embed/'))!;
      // Hydrated: the element is defined, rendered by Lit, and kept the server's markup.
      await frame.waitForFunction(
        () =>
          customElements.get('de-level-compare') !== undefined &&
          (document.querySelector('de-level-compare') as unknown as { hasUpdated?: boolean }).hasUpdated === true,
      );
      expect(await frame.evaluate(shadowHeading('de-level-compare'))).toBe('Staff Engineer and Distinguished Engineer compared');
      const frameHeight = await page.evaluate(() => document.querySelector('iframe')!.clientHeight);
      const reported = await page.evaluate(() => Math.max(...(window as unknown as { heights: number[] }).heights));
      expect(Math.abs(frameHeight - reported)).toBeLessThanOrEqual(1);
      expect(problems).toEqual([]);
      expect(graphqlRequests).toEqual([]);
    } finally {
      await page.close();
      await host.close();
    }
  });

  it.each([
    ['level/junior', 404, 'Unknown level "junior". Valid levels: staff, principal, distinguished.'],
    [
      'failure-mode/hero',
      404,
      'Unknown failure mode "hero". Valid failure modes: super-coder, floating-advisor, management-substitute, title-without-the-role.',
    ],
    ['level-compare?levels=staff', 400, 'levels must name at least two levels'],
    ['level-compare?levels=staff,principal&theme=purple', 400, 'theme must be light or dark, not &quot;purple&quot;.'],
    ['widgets', 404, 'No embed called &quot;widgets&quot;.'],
    ['%E0%A4%A', 400, 'The address is not valid percent-encoding.'],
  ])('/embed/%s is a clear %i page, never a stack trace', async (path, status, message) => {
    const response = await fetch(`${server.url}/embed/${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(message.replace(/"/g, '&quot;'));
    expect(html).not.toMatch(/at .+\.js:\d+|Error:/);
  });
});

describe('oEmbed', () => {
  const oembed = (query: string) => fetch(`${server.url}/oembed?${query}`);

  it('answers a rich oEmbed 1.0 response whose html is the iframe, within maxwidth and maxheight', async () => {
    const page = `${server.url}/embed/failure-mode/super-coder`;
    const response = await oembed(`url=${encodeURIComponent(page)}&maxwidth=500&maxheight=400&format=json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    // Required for every type (version, type) and for rich (html, width, height).
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      width: 500,
      height: 400,
      provider_name: 'Altitude',
      title: 'The super-coder',
    });
    expect(body.html).toBe(
      `<iframe src="${page}" width="500" height="400" title="The super-coder" loading="lazy" style="border:0;max-width:100%"></iframe>`,
    );
  });

  it('answers malformed addresses without falling over', async () => {
    expect((await fetch(`${server.url}/snippet/%E0.md`)).status).toBe(404);
    expect((await oembed(`url=${encodeURIComponent(`${server.url}/embed/%25`)}`)).status).toBe(404);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('refuses foreign and unknown URLs with 404, and XML with 501', async () => {
    expect((await oembed(`url=${encodeURIComponent('https://elsewhere.example/embed/level/staff')}`)).status).toBe(404);
    expect((await oembed(`url=${encodeURIComponent(`${server.url}/graphql`)}`)).status).toBe(404);
    expect((await oembed(`url=${encodeURIComponent(`${server.url}/embed/level/junior`)}`)).status).toBe(404);
    expect((await oembed(`url=${encodeURIComponent(`${server.url}/embed/level/staff`)}&format=xml`)).status).toBe(501);
  });

  it('is discoverable from every embed page and from the demo page', async () => {
    for (const [path] of EMBEDS) {
      const html = await (await fetch(`${server.url}/embed/${path}`)).text();
      const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      expect(href, path).toBeDefined();
      const discovered = new URL(href!);
      expect(`${discovered.origin}${discovered.pathname}`).toBe(`${server.url}/oembed`);
      expect((await fetch(href!)).status).toBe(200);
    }
    const demo = await (await fetch(`${server.url}/`)).text();
    expect(demo).toMatch(/<link rel="alternate" type="application\/json\+oembed" href="[^"]+\/oembed\?url=/);
  });
});

/**
 * `text` with `search` replaced by `hostile`. Throws when `search` is not there: an edit that finds
 * nothing leaves the content harmless, and a test of hostile content would then pass for nothing.
 */
function plant(text: string, search: string | RegExp, hostile: string): string {
  if (typeof search === 'string' ? !text.includes(search) : !search.test(text))
    throw new Error(`the content no longer contains ${String(search)}: point the hostile edit at text it has`);
  return text.replace(search, hostile);
}

describe('static snippets', () => {
  it.each(EMBEDS)('/snippet/%s has no script, no event handler and no URL but the sources', async (path, _tag, title) => {
    const [base, query] = path.split('?');
    for (const extension of ['html', 'md']) {
      const response = await fetch(`${server.url}/snippet/${base}.${extension}${query ? `?${query}` : ''}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain(title);
      expect(text).not.toMatch(/<script/i);
      expect(text).not.toMatch(/\son[a-z]+\s*=/i);
      for (const url of text.match(/https?:\/\/[^\s"')<>\]]+/g) ?? []) expect(SOURCE_URLS, url).toContain(url);
      // It says its language, so it reads (and is spoken) right on a page in another one.
      if (extension === 'html') expect(text).toMatch(/^<div class="altitude-snippet altitude-[\w-]+" lang="en" dir="ltr">/);
    }
  });

  it.each([
    ['light', '#ffffff', '#1f2328'],
    ['dark', '#0d1117', '#e6edf3'],
  ])('the HTML snippet reads on a %s page (axe finds no contrast or structure problem)', async (_scheme, background, color) => {
    const snippet = await (await fetch(`${server.url}/snippet/level-compare.html?levels=staff,principal,distinguished`)).text();
    // Interpreted cells carry a dagger, explained after the sources: axe looks at those too.
    expect(snippet).toContain('<sup class="altitude-interpreted" title="The framework&#39;s reading');
    expect(snippet).toContain(
      '<p class="altitude-legend">† The framework&#39;s reading, built on its sources rather than stated by them.</p>',
    );
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html lang="en"><title>Wiki</title><body style="background:${background};color:${color};font-family:sans-serif"><main>${snippet}</main></body></html>`,
    );
    expect(await axeViolations(page, '.altitude-snippet')).toEqual([]);
    await context.close();
  });

  it('renders the comparison as a Markdown table with links to the sources', async () => {
    const md = await (await fetch(`${server.url}/snippet/level-compare.md?levels=staff,distinguished`)).text();
    expect(md).toContain(
      '| Dimension | Staff Engineer | Distinguished Engineer |\n| --- | --- | --- |\n| **Operating scope** | **A team or a few teams.**',
    );
    expect(md).toContain(`[What Distinguished Engineers Actually Do](<${SOURCE_URLS[1]}>)`);
    // An interpreted cell's headline is followed by a dagger; the last line says what it means.
    expect(md).toMatch(/\*\*[^*|]+\*\*† /);
    expect(md).toMatch(/\n\n† The framework's reading, built on its sources rather than stated by them\.\n$/);
  });

  it('keep hostile content inert: no foreign link, image or raw HTML gets through', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-snippet-'));
    await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    await editContent(dir, 'levels.yaml', (text) =>
      plant(
        plant(text, /(operating-scope:\n\s+headline: )A team or a few teams/, "$1'A | [c](https://evil.example/a) <b onclick=x>r</b>'"),
        // Words on one line of the same cell's folded text.
        'owned by a single team',
        'owned by a single ![x](https://evil.example/i.png) [click](https://evil.example/b) <b onclick=x>raw</b> team',
      ),
    );
    const own = await startCliServer(['--content', dir]);
    try {
      for (const extension of ['md', 'html']) {
        const body = await (await fetch(`${own.url}/snippet/level-compare.${extension}?levels=staff,principal`)).text();
        // Escaped text (\\[ in Markdown, &lt; in HTML) is fine: it shows as characters. Live syntax is not.
        const live =
          extension === 'md'
            ? /(?<!\\)\]\(https:\/\/evil|(?<!\\)<b onclick|!\[x\]/
            : /src="https:\/\/evil|href="https:\/\/evil|<b onclick|<img/;
        expect(body, extension).not.toMatch(live);
        expect(body).toContain('raw');
      }
      const md = await (await fetch(`${own.url}/snippet/level-compare.md?levels=staff,principal`)).text();
      expect(md).toContain(String.raw`**A \| \[c\]\(https://evil.example/a\) \<b onclick=x\>r\</b\>.**`);
    } finally {
      await own.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('are the same from the CLI', async () => {
    const cli = await runCli(['snippet', 'level-compare', '--levels', 'staff,distinguished', '--format', 'md']);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toBe(await (await fetch(`${server.url}/snippet/level-compare.md?levels=staff,distinguished`)).text());
    const html = await runCli(['snippet', 'failure-mode', 'floating-advisor']);
    expect(html.stdout).toBe(await (await fetch(`${server.url}/snippet/failure-mode/floating-advisor.html`)).text());
    const bad = await runCli(['snippet', 'level', 'junior']);
    expect(bad).toMatchObject({
      code: 2,
      stderr: 'altitude snippet: Unknown level "junior". Valid levels: staff, principal, distinguished.\n',
    });
    // A tool has no static form: the CLI says which forms it has instead of writing one.
    const tool = await runCli(['snippet', 'self-assessment']);
    expect(tool.code).toBe(2);
    expect(tool.stdout).toBe('');
    expect(tool.stderr).toContain('needs a script or an iframe');
    expect(tool.stderr).toContain('/embed/self-assessment');
  });
});

describe('the embed builder at /', () => {
  it('updates the preview and every form as options change; a copied form renders the same widget on a fresh page', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/`);
    const form = (id: string) => page.textContent(`#form-${id}`);
    await page.waitForFunction(() => document.querySelector('#form-markdown')!.textContent.includes('| Dimension |'));

    /** Resolves on the builder's next update; ask before the change that causes it. */
    const nextUpdate = () =>
      page.evaluate(
        () => new Promise((resolve) => document.getElementById('builder')!.addEventListener('builder-updated', resolve, { once: true })),
      );
    const updated = nextUpdate();
    await page.check('input[name=widget][value=failure-mode]');
    await updated;
    const again = nextUpdate();
    await page.selectOption('#builder-mode', 'floating-advisor');
    await page.selectOption('#builder-theme', 'dark');
    await again;
    await page.waitForFunction(() => document.querySelector('#form-iframe')!.textContent.includes('theme=dark'));

    expect(await page.evaluate(() => document.querySelector('#builder-preview > *')?.outerHTML)).toMatch(
      /^<de-failure-mode-card mode="floating-advisor" theme="dark"/,
    );
    expect(await form('script')).toBe(
      `<script type="module" src="${server.url}/widgets.js"></script>\n<de-failure-mode-card mode="floating-advisor" theme="dark"></de-failure-mode-card>`,
    );
    expect(await form('iframe')).toContain(`src="${server.url}/embed/failure-mode/floating-advisor?theme=dark"`);
    expect(await form('oembed')).toBe(
      `${server.url}/oembed?url=${encodeURIComponent(`${server.url}/embed/failure-mode/floating-advisor?theme=dark`)}&format=json`,
    );
    expect(await form('html')).toContain('<h2>The floating advisor</h2>');
    expect(await form('markdown')).toMatch(/^## The floating advisor/);

    // A level comparison needs two levels: the builder says so instead of breaking.
    await page.check('input[name=widget][value=level-compare]');
    for (const box of await page.$$('input[name=levels]')) await box.uncheck();
    await page.check('input[name=levels][value=staff]');
    await page.waitForFunction(() => document.getElementById('builder-problem')!.textContent.includes('at least two levels'));
    await page.check('input[name=levels][value=distinguished]');
    await page.waitForFunction(() => document.getElementById('builder-problem')!.textContent === '');

    // Paste the script form and the iframe form into a fresh page on another origin.
    const scriptForm = (await form('script'))!;
    const iframeForm = (await form('iframe'))!;
    const fresh = await servePage(`<!doctype html><html lang="en"><title>Pasted</title>${scriptForm}\n${iframeForm}`);
    const pasted = await browser.newPage();
    try {
      await pasted.goto(fresh.url);
      await pasted.waitForFunction(
        () =>
          document.querySelector('de-level-compare')?.shadowRoot?.querySelector('h2')?.textContent ===
          'Staff Engineer and Distinguished Engineer compared',
      );
      const frame = pasted.frames().find((f) => f.url().includes('/embed/'))!;
      await frame.waitForLoadState();
      expect(await frame.evaluate(shadowHeading('de-level-compare'))).toBe('Staff Engineer and Distinguished Engineer compared');
    } finally {
      await pasted.close();
      await fresh.close();
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works from the keyboard and passes axe-core', async () => {
    // axe is injected as a script, which the page's own CSP would block; the test context bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelector('#form-markdown')!.textContent.includes('| Dimension |'));
    await page.focus('input[name=widget][value=level-compare]');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('level');
    await page.waitForFunction(() => document.querySelector('#form-script')!.textContent.includes('de-level-card'));
    expect(await axeViolations(page, '.builder')).toEqual([]);
    await context.close();
  });
});
