import { readFile } from 'node:fs/promises';
import type { Browser, Frame, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { startCliServer, type CliServer } from '../support/cli.js';
import { servePage } from '../support/page-server.js';

// The two tools (<de-self-assessment>, <de-role-health-check>) as embeds: a
// server-rendered page each, framed by a page of another origin, where the
// answers live in the frame's own address and never in a request; oEmbed; the
// builder's forms; and no static snippet.

const TOOLS = [
  ['self-assessment?target=principal', 'de-self-assessment', 'Self-assessment against Principal Engineer', 'input[type="radio"]'],
  ['role-health-check', 'de-role-health-check', 'Is the organisation getting the role wrong?', 'input[type="checkbox"]'],
] as const;

let server: CliServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startCliServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The text of the element's heading (its `heading` part). */
const headingOf = (tag: string) => `document.querySelector('${tag}')?.shadowRoot?.querySelector('[part~="heading"]')?.textContent`;

/** Resolves when the element in `frame` has hydrated: defined, and updated once by Lit. */
const hydrated = (frame: Frame | Page, tag: string) =>
  frame.waitForFunction(
    (t) => customElements.get(t) !== undefined && (document.querySelector(t) as unknown as { hasUpdated?: boolean }).hasUpdated === true,
    tag,
    { timeout: 10_000 },
  );

describe('the tools’ embed pages', () => {
  it.each(TOOLS)(
    '/embed/%s is server-rendered, readable with JavaScript off, under the strict policy',
    async (path, tag, title, control) => {
      const response = await fetch(`${server.url}/embed/${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; script-src 'self'; style-src 'self'( 'sha256-[\w+/=]+')+;/,
      );
      const html = await response.text();
      for (const script of html.match(/<script[^>]*>/g)!)
        expect(script).toMatch(/^<script (type="module" src="\/embed\.js"|type="application\/json" data-altitude-cache)>$/);
      expect(html).toContain(`<title>${title} — Altitude</title>`);

      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/embed/${path}`);
      expect(await page.evaluate(headingOf(tag))).toBe(title);
      // The questions are there before any script runs: native controls from the server.
      expect(await page.evaluate(`document.querySelector('${tag}').shadowRoot.querySelectorAll('${control}').length`)).toBeGreaterThan(5);
      await context.close();
    },
  );

  it('renders in the language asked for, with a card-href that links each result to the site’s own card', async () => {
    const href = 'https://wiki.example.com/failure-modes#{slug}';
    const response = await fetch(`${server.url}/embed/role-health-check?card-href=${encodeURIComponent(href)}&lang=de`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('de');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="de" dir="ltr">/);
    expect(html).toContain(`card-href="${href}"`);
    expect(html).toContain('Macht die Organisation bei der Rolle etwas falsch?');
  });

  it.each([
    ['self-assessment?target=fellow', 404, 'Unknown target level "fellow". Valid levels: staff, principal, distinguished.'],
    ['self-assessment/principal', 404, 'No embed at /self-assessment/principal.'],
    ['role-health-check?card-href=javascript:alert(1)', 400, 'card-href must be an http(s) or relative URL'],
    [`role-health-check?card-href=/${'a'.repeat(600)}`, 400, 'card-href must be at most 500 characters, not 601.'],
    ['role-health-check?theme=sepia', 400, 'theme must be light or dark, not "sepia".'],
  ])('/embed/%s is a clear %i page', async (path, status, message) => {
    const response = await fetch(`${server.url}/embed/${path}`);
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(html).toContain(message.replace(/"/g, '&quot;'));
    // Said (escaped), never rendered.
    expect(html).not.toMatch(/<de-|card-href="|href="javascript/);
  });
});

describe('a tool has no static snippet', () => {
  it.each(['html', 'md'])('/snippet/self-assessment.%s is a 404 that gives the iframe and the script instead', async (extension) => {
    const response = await fetch(`${server.url}/snippet/self-assessment.${extension}?target=principal`);
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: string };
    expect(error).toContain('needs a script or an iframe');
    // Both addresses, absolute once the server passes its origin, paths on it until then.
    const origin = `(?:${server.url.replace(/[.:/]/g, '\\$&')})?`;
    expect(error).toMatch(new RegExp(`Iframe: ${origin}/embed/self-assessment\\?target=principal\\.`));
    expect(error).toMatch(
      new RegExp(
        `<script type="module" src="${origin}/widgets\\.js"></script> then <de-self-assessment target="principal"></de-self-assessment>`,
      ),
    );
  });

  it('nor has the health check', async () => {
    const response = await fetch(`${server.url}/snippet/role-health-check.md`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/^The role health check is a tool people fill in/);
  });
});

describe('oEmbed for the tools', () => {
  it.each(TOOLS)('/embed/%s names its oEmbed answer, a rich iframe of itself', async (path, _tag, title) => {
    const html = await (await fetch(`${server.url}/embed/${path}`)).text();
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const body = (await (await fetch(href)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', title, provider_name: 'Altitude' });
    expect(String(body.html)).toContain(`src="${server.url}/embed/${path}"`);
  });
});

/** A page of another origin framing `path`, every request of it and its frame recorded, with any error. */
async function framed(path: string) {
  const host = await servePage(
    `<!doctype html><html lang="en"><title>Wiki</title><h1>Our career framework</h1>
    <script src="${server.url}/embed-resize.js" defer></script>
    <script>window.heights = []; addEventListener('message', (e) => e.data && e.data.type === 'altitude:resize' && heights.push(e.data.height));</script>
    <iframe src="${server.url}/embed/${path}" width="900" height="300" title="Tool"></iframe>`,
  );
  const page = await browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''} ${r.headers().referer ?? ''}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(host.url);
  await page.waitForFunction(() => (window as unknown as { heights: number[] }).heights.some((h) => h > 600), undefined, {
    timeout: 10_000,
  });
  const frame = page.frames().find((f) => f.url().includes('/embed/'))!;
  return {
    page,
    frame,
    requests,
    problems,
    close: async () => {
      await page.close();
      await host.close();
    },
  };
}

describe('the tools in a frame', () => {
  it('the self-assessment hydrates without refetching, keeps answers in the frame’s address only, and sends none', async () => {
    const { page, frame, requests, problems, close } = await framed('self-assessment?target=principal');
    try {
      await hydrated(frame, 'de-self-assessment');
      expect(await frame.evaluate(headingOf('de-self-assessment'))).toBe('Self-assessment against Principal Engineer');
      // Sized to its content by the parent's helper.
      const frameHeight = await page.evaluate(() => document.querySelector('iframe')!.clientHeight);
      expect(frameHeight).toBeGreaterThan(600);

      const tool = frame.locator('de-self-assessment');
      await tool.locator('input[type="radio"][value="staff"]').first().check();
      await tool.locator('input[name="name"]').fill('Ada Lovelace');
      await frame.waitForFunction(() => location.hash.startsWith('#de-self-assessment='));
      const answered = await frame.evaluate(() => location.hash);
      // The parent's address is untouched: the answers are the frame's.
      expect(await page.evaluate(() => location.hash)).toBe('');
      expect(page.url()).not.toContain('de-self-assessment');

      // Reloaded from its address, the frame shows the same answer.
      await frame.goto(`${frame.url().split('#')[0]}${answered}`);
      await hydrated(frame, 'de-self-assessment');
      await frame.waitForFunction(
        () =>
          (
            document
              .querySelector('de-self-assessment')!
              .shadowRoot!.querySelector('input[type="radio"][value="staff"]') as HTMLInputElement
          ).checked,
      );
      expect(await tool.locator('input[name="name"]').inputValue()).toBe('Ada Lovelace');
      // The words agree with the controls: the answers came after hydration, as a render of their own.
      expect((await tool.locator('[part~="progress"]').textContent())!.trim()).toMatch(/^Answered: 1 of \d+\./);

      // No GraphQL request at all (the page carries its answer), and nothing that carries an answer.
      expect(requests.filter((r) => r.includes('/graphql'))).toEqual([]);
      const payload = answered.slice('#de-self-assessment='.length);
      for (const request of requests) {
        expect(request).not.toContain(payload);
        expect(decodeURIComponent(request)).not.toMatch(/Ada|dimension:|capability:|mechanism:|de-self-assessment=/);
      }
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the self-assessment downloads and uploads its answers inside the frame', async () => {
    const { page, frame, problems, close } = await framed('self-assessment');
    try {
      await hydrated(frame, 'de-self-assessment');
      const tool = frame.locator('de-self-assessment');
      await tool.locator('input[type="radio"][value="principal"]').first().check();
      const [download] = await Promise.all([page.waitForEvent('download'), tool.getByRole('button', { name: 'Download answers' }).click()]);
      const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as { v: number; answers: Record<string, string> };
      expect(saved.v).toBe(1);
      expect(Object.values(saved.answers)).toEqual(['principal']);

      await tool.getByRole('button', { name: 'Start over' }).click();
      await frame.waitForFunction(
        () =>
          !document.querySelector('de-self-assessment')!.shadowRoot!.querySelector('input[type="radio"]:checked:not([value="not-yet"])'),
      );
      await tool.locator('input[name="answers-file"]').setInputFiles({
        name: 'self-assessment.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(saved)),
      });
      await frame.waitForFunction(
        () =>
          (
            document
              .querySelector('de-self-assessment')!
              .shadowRoot!.querySelector('input[type="radio"][value="principal"]') as HTMLInputElement
          ).checked,
      );
      expect(await frame.evaluate(() => location.hash)).toMatch(/^#de-self-assessment=/);
      expect(await page.evaluate(() => location.hash)).toBe('');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the health check hydrates without refetching; a tick updates the frame’s address, not the parent’s, and no request', async () => {
    const { page, frame, requests, problems, close } = await framed('role-health-check?theme=dark');
    try {
      await hydrated(frame, 'de-role-health-check');
      const before = requests.length;
      await frame.locator('de-role-health-check input[type="checkbox"]').first().check();
      await frame.waitForFunction(() => location.hash.startsWith('#de-role-health-check='));
      expect(await page.evaluate(() => location.hash)).toBe('');
      // The result follows the tick in the frame.
      await frame.waitForFunction(() =>
        /Some signs|Strong signs|Clear signs/.test(document.querySelector('de-role-health-check')!.shadowRoot!.textContent ?? ''),
      );
      await page.waitForTimeout(200);
      // Ticking asks nothing of anyone: at most a script the widgets load when first used, with no query.
      for (const request of requests.slice(before)) expect(request).toMatch(new RegExp(`^GET ${server.url}/widgets/[\\w.-]+\\.js `));
      expect(requests.filter((r) => r.includes('/graphql'))).toEqual([]);
      for (const request of requests) expect(request).not.toContain('de-role-health-check=');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the embed builder with a tool', () => {
  it('gives the script, iframe and oEmbed forms, says why there is no snippet, and previews the tool live', async () => {
    // axe is injected as a script, which the page's own CSP would block; the test context bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => document.querySelector('#form-markdown')!.textContent.includes('| Dimension |'));
      const nextUpdate = () =>
        page.evaluate(
          () => new Promise((resolve) => document.getElementById('builder')!.addEventListener('builder-updated', resolve, { once: true })),
        );
      let updated = nextUpdate();
      await page.check('input[name=widget][value=self-assessment]');
      await updated;
      updated = nextUpdate();
      await page.selectOption('#builder-target', 'staff');
      await updated;

      expect(await page.textContent('#form-script')).toBe(
        `<script type="module" src="${server.url}/widgets.js"></script>\n<de-self-assessment target="staff"></de-self-assessment>`,
      );
      expect(await page.textContent('#form-iframe')).toContain(`src="${server.url}/embed/self-assessment?target=staff"`);
      expect(await page.textContent('#form-oembed')).toContain(encodeURIComponent(`${server.url}/embed/self-assessment?target=staff`));
      const shown = await page.evaluate(() => ({
        html: (document.querySelector('[data-form="html"]') as HTMLElement).hidden,
        markdown: (document.querySelector('[data-form="markdown"]') as HTMLElement).hidden,
        note: (document.getElementById('builder-tool-note') as HTMLElement).hidden,
      }));
      expect(shown).toEqual({ html: true, markdown: true, note: false });
      await page.waitForFunction(
        () =>
          document.querySelector('#builder-preview de-self-assessment')?.shadowRoot?.querySelector('[part~="heading"]')?.textContent ===
          'Self-assessment against Staff Engineer',
      );

      // A card-href the widget would refuse is refused here too, with the reason.
      updated = nextUpdate();
      await page.check('input[name=widget][value=role-health-check]');
      await updated;
      await page.fill('#builder-card-href', 'javascript:alert(1)');
      await page.press('#builder-card-href', 'Tab');
      await page.waitForFunction(() => document.getElementById('builder-problem')!.textContent.includes('card-href must be an http(s)'));
      await page.fill('#builder-card-href', 'https://wiki.example.com/modes#{slug}');
      await page.press('#builder-card-href', 'Tab');
      await page.waitForFunction(() => document.getElementById('builder-problem')!.textContent === '');
      await page.waitForFunction(() => document.querySelector('#form-script')!.textContent.includes('de-role-health-check'));
      expect(await page.textContent('#form-script')).toContain('<de-role-health-check card-href="https://wiki.example.com/modes#{slug}">');
      // The tool's own fields are labelled and described, like the rest of the builder.
      expect(await axeViolations(page, '.builder form')).toEqual([]);

      // Back to a widget with snippets: they come back.
      updated = nextUpdate();
      await page.check('input[name=widget][value=leverage-mechanisms]');
      await updated;
      expect(await page.evaluate(() => (document.querySelector('[data-form="html"]') as HTMLElement).hidden)).toBe(false);
      expect(await page.evaluate(() => (document.getElementById('builder-tool-note') as HTMLElement).hidden)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
