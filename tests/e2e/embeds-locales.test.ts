import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { runCli, startCliServer, type CliServer } from '../support/cli.js';
import { servePage } from '../support/page-server.js';

// Embed pages, oEmbed, snippets and the embed builder in the languages the
// framework is served in (`?lang=`), against a real server.

let server: CliServer;
let browser: Browser;
/** What GraphQL serves for the super-coder and the staff level, by locale: the expected text, never written out here. */
const served = new Map<string, { mode: string; symptom: string; dimension: string }>();

async function graphql(query: string): Promise<Record<string, any>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: Record<string, any> }).data;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startCliServer(), launchChromium()]);
  for (const locale of ['en', 'de', 'ja']) {
    const data = await graphql(
      `{ failureMode(slug: "super-coder", locale: "${locale}") { title symptoms(format: TEXT) } dimensions(locale: "${locale}") { title } }`,
    );
    served.set(locale, { mode: data.failureMode.title, symptom: data.failureMode.symptoms[0], dimension: data.dimensions[0].title });
  }
  // The translations are there to be shown: a test of them against English would otherwise pass for nothing.
  expect(served.get('de')!.mode).not.toBe(served.get('en')!.mode);
  expect(served.get('ja')!.dimension).not.toBe(served.get('en')!.dimension);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${server.url}${path}`, init);
  return { response, body: await response.text() };
};
const htmlOpening = (html: string) => /<html [^>]*>/.exec(html)?.[0];

describe('embed pages with ?lang=', () => {
  it('render the page and its widget in the locale, and say which', async () => {
    const { response, body } = await text('/embed/failure-mode/super-coder?lang=de');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('de');
    expect(htmlOpening(body)).toBe('<html lang="de" dir="ltr">');
    expect(body).toContain(`<title>${served.get('de')!.mode} — Altitude</title>`);
    expect(body).toMatch(/<de-failure-mode-card\s[^>]*lang="de"/);
    expect(body).toContain(served.get('de')!.symptom);
    expect(body).not.toContain(served.get('en')!.symptom);

    const ja = await text('/embed/level-compare?levels=staff,principal&lang=ja');
    expect(htmlOpening(ja.body)).toBe('<html lang="ja" dir="ltr">');
    expect(ja.body).toContain(served.get('ja')!.dimension);
    const rtl = await text('/embed/leverage-mechanisms?lang=ar-XB');
    expect(htmlOpening(rtl.body)).toBe('<html lang="ar-XB" dir="rtl">');
  });

  it('are readable in the locale with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/embed/failure-mode/super-coder?lang=de`);
    const heading = await page.evaluate(
      () => document.querySelector('de-failure-mode-card')?.shadowRoot?.querySelector('h1,h2,h3')?.textContent,
    );
    expect(heading).toBe(served.get('de')!.mode);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await context.close();
  });

  it('hydrate in the locale in a frame without errors or refetching', async () => {
    const host = await servePage(
      `<!doctype html><html lang="en"><title>Wiki</title><iframe src="${server.url}/embed/failure-mode/super-coder?lang=de" width="700" height="600" title="Super-coder"></iframe>`,
    );
    const page = await browser.newPage();
    const problems: string[] = [];
    const graphqlRequests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => r.url().includes('/graphql') && graphqlRequests.push(r.url()));
    try {
      await page.goto(host.url);
      await page.waitForFunction(() => document.querySelector('iframe')?.contentWindow !== null);
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame!.waitForFunction(
        () => (document.querySelector('de-failure-mode-card') as unknown as { hasUpdated?: boolean } | null)?.hasUpdated === true,
        undefined,
        { timeout: 10_000 },
      );
      expect(
        await frame!.evaluate(() => document.querySelector('de-failure-mode-card')!.shadowRoot!.querySelector('h1,h2,h3')?.textContent),
      ).toBe(served.get('de')!.mode);
      expect(problems).toEqual([]);
      expect(graphqlRequests).toEqual([]);
    } finally {
      await page.close();
      await host.close();
    }
  });

  it('fall back along the chain for a tag not served, and say the locale served', async () => {
    const swiss = await text('/embed/failure-mode/super-coder?lang=de-ch');
    expect([swiss.response.status, swiss.response.headers.get('content-language'), htmlOpening(swiss.body)]).toEqual([
      200,
      'de',
      '<html lang="de" dir="ltr">',
    ]);
    expect(swiss.body).toContain(served.get('de')!.symptom);
    const french = await text('/embed/failure-mode/super-coder?lang=fr-CA');
    expect([french.response.headers.get('content-language'), htmlOpening(french.body)]).toEqual(['en', '<html lang="en" dir="ltr">']);
    expect(french.body).toContain(served.get('en')!.symptom);
  });

  it.each([
    ['an underscore', 'de_DE', 'de_DE'],
    ['markup', '%3Cscript%3E', '&lt;script&gt;'],
    ['5,000 characters', 'x'.repeat(5000), `${'x'.repeat(40)}…`],
  ])('refuse a lang with %s: a 400 page that says what a tag looks like', async (_what, lang, shown) => {
    const { response, body } = await text(`/embed/level/staff?lang=${lang}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(body).toContain(`lang must be a BCP 47 language tag such as &quot;de&quot; or &quot;pt-BR&quot;, not &quot;${shown}&quot;.`);
    expect(body).not.toContain('<script>');
    expect(body.length).toBeLessThan(2000);
  });

  it('are cached apart per locale: each has its own ETag, and one never answers for another', async () => {
    const english = await fetch(`${server.url}/embed/level/staff`);
    const german = await fetch(`${server.url}/embed/level/staff?lang=de`);
    const [en, de] = [english.headers.get('etag'), german.headers.get('etag')];
    expect(en).toBeTruthy();
    expect(de).toBeTruthy();
    expect(de).not.toBe(en);
    expect((await fetch(`${server.url}/embed/level/staff?lang=de`, { headers: { 'if-none-match': de! } })).status).toBe(304);
    expect((await fetch(`${server.url}/embed/level/staff?lang=ja`, { headers: { 'if-none-match': de! } })).status).toBe(200);
    // lang=en is the English page, not another copy of it.
    expect((await fetch(`${server.url}/embed/level/staff?lang=en`)).headers.get('etag')).toBe(en);
  });
});

describe('oEmbed with a locale', () => {
  const oembed = async (query: string) => {
    const response = await fetch(`${server.url}/oembed?${query}`);
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };

  it('keeps the lang of the page address in the iframe, and titles in that locale', async () => {
    const page = `${server.url}/embed/failure-mode/super-coder?lang=ja`;
    const { status, body } = await oembed(`url=${encodeURIComponent(page)}&format=json`);
    expect(status).toBe(200);
    expect(body.title).toBe((await graphql('{ failureMode(slug: "super-coder", locale: "ja") { title } }')).failureMode.title);
    expect(body.html).toContain(`<iframe src="${page}"`);
  });

  it('takes lang on the oEmbed request for an address that names none', async () => {
    const page = `${server.url}/embed/failure-mode/super-coder`;
    const { body } = await oembed(`url=${encodeURIComponent(page)}&lang=de`);
    expect(body.html).toContain(`<iframe src="${page}?lang=de"`);
    expect(body.title).toBe(served.get('de')!.mode);
    // The address's own lang wins: it is what was pasted.
    const pasted = await oembed(`url=${encodeURIComponent(`${page}?lang=ja`)}&lang=de`);
    expect(pasted.body.html).toContain(`?lang=ja"`);
  });

  it('refuses a malformed lang: 400 on the request, 404 inside the address', async () => {
    const page = `${server.url}/embed/level/staff`;
    const request = await oembed(`url=${encodeURIComponent(page)}&lang=not_a_tag`);
    expect(request.status).toBe(400);
    expect(request.body.error).toContain('lang must be a BCP 47 language tag');
    expect((await oembed(`url=${encodeURIComponent(`${page}?lang=not_a_tag`)}`)).status).toBe(404);
  });
});

describe('snippets with a locale', () => {
  it('carry lang on the HTML snippet’s element and write the content in the locale', async () => {
    const { response, body } = await text('/snippet/failure-mode/super-coder.html?lang=de');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('de');
    expect(body).toMatch(/^<div class="altitude-snippet altitude-failure-mode" lang="de" dir="ltr">/);
    expect(body).toContain(`<h2>${served.get('de')!.mode}`);
  });

  it('write Markdown tables in the locale with every row and link whole', async () => {
    const { body } = await text('/snippet/level-compare.md?levels=staff,distinguished&lang=ja');
    const rows = body.split('\n').filter((line) => line.startsWith('| '));
    const { dimensions } = await graphql('{ dimensions(locale: "ja") { title } }');
    expect(rows).toHaveLength(2 + dimensions.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).slice(1, -1)).toHaveLength(3);
    expect(rows[0]).toMatch(/^\| 観点 \| /);
    expect(rows[2]).toContain(`| **${served.get('ja')!.dimension}** |`);
    expect(body).toContain(
      '[What Distinguished Engineers Actually Do](<https://northstararchitecture.com/blog/what-distinguished-engineers-actually-do>)',
    );
  });

  it('are the same from the CLI with --lang, which says when it fell back', async () => {
    const cli = await runCli(['snippet', 'level-compare', '--levels', 'staff,distinguished', '--format', 'md', '--lang', 'de']);
    expect([cli.code, cli.stderr]).toEqual([0, '']);
    expect(cli.stdout).toBe((await text('/snippet/level-compare.md?levels=staff,distinguished&lang=de')).body);
    const html = await runCli(['snippet', 'failure-mode', 'super-coder', '--lang', 'ja']);
    expect(html.stdout).toBe((await text('/snippet/failure-mode/super-coder.html?lang=ja')).body);
    const swiss = await runCli(['snippet', 'level', 'staff', '--lang', 'de-CH', '--format', 'md']);
    expect(swiss.code).toBe(0);
    expect(swiss.stderr).toBe('altitude snippet: "de-CH" is not served; written in de, the first served locale of its fallback chain\n');
    expect(swiss.stdout).toBe((await text('/snippet/level/staff.md?lang=de')).body);
    const bad = await runCli(['snippet', 'level', 'staff', '--lang', 'de_DE']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('altitude snippet: lang must be a BCP 47 language tag such as "de" or "pt-BR", not "de_DE".');
  });
});

describe('the embed builder’s language', () => {
  it('lists every locale by its own name, the generated ones as testing locales, and puts the choice in every form', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => document.querySelector('#form-markdown')!.textContent.includes('| Dimension |'));
      const options = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLOptionElement>('#builder-lang option')].map((o) => ({
          value: o.value,
          text: o.textContent,
          lang: o.lang,
          group: (o.parentElement as HTMLOptGroupElement).label ?? null,
        })),
      );
      expect(options.map((o) => [o.value, o.text])).toEqual([
        ['en', 'English'],
        ['de', 'Deutsch'],
        ['ja', '日本語'],
        ['en-XA', 'English (pseudo-accented)'],
        ['ar-XB', 'Arabic (pseudo, right to left)'],
      ]);
      expect(options.slice(0, 3).every((o) => o.lang === o.value && !o.group)).toBe(true);
      expect(options.slice(3).every((o) => o.group?.startsWith('Testing locales'))).toBe(true);
      expect(await page.evaluate(() => document.querySelector('label[for="builder-lang"]')?.textContent)).toBe('Language');

      // Chosen from the keyboard: focus the select and step down to Deutsch.
      await page.check('input[name=widget][value=failure-mode]');
      await page.focus('#builder-lang');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe('de');
      await page.waitForFunction(() => document.querySelector('#form-iframe')!.textContent.includes('lang=de'));
      await page.waitForFunction(() => document.querySelector('#form-html')!.textContent.includes('lang="de"'));
      const forms = await page.evaluate(() =>
        Object.fromEntries(
          ['script', 'iframe', 'oembed', 'html', 'markdown'].map((id) => [id, document.getElementById(`form-${id}`)!.textContent]),
        ),
      );
      expect(forms.script).toMatch(/<de-failure-mode-card mode="super-coder" lang="de"><\/de-failure-mode-card>$/);
      expect(forms.iframe).toContain(`src="${server.url}/embed/failure-mode/super-coder?lang=de"`);
      expect(forms.oembed).toContain(encodeURIComponent('/embed/failure-mode/super-coder?lang=de'));
      expect(forms.html).toContain(`<h2>${served.get('de')!.mode}`);
      expect(forms.markdown).toMatch(new RegExp(`^## ${served.get('de')!.mode}`));
      expect(await page.evaluate(() => document.querySelector('#builder-preview > *')?.getAttribute('lang'))).toBe('de');
      expect(await axeViolations(page, '.builder')).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
