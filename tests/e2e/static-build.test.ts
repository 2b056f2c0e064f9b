import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { runCli, startCliServer, type CliServer } from '../support/cli.js';
import { allRendered, TAGS } from '../support/widget-page.js';

// A static build served by a plain static file server (sirv, no Altitude
// code at all): the widgets render from it in Chromium.

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wiki</title>
<script type="module" src="/widgets.js"></script></head><body>
<de-level-compare levels="distinguished staff" dimensions="time-horizon"></de-level-compare>
<de-level-card level="principal"></de-level-card>
<de-failure-mode-card mode="super-coder"></de-failure-mode-card>
<de-failure-mode-grid></de-failure-mode-grid>
<de-leverage-mechanisms></de-leverage-mechanisms>
<de-self-assessment target="principal"></de-self-assessment>
<de-role-health-check></de-role-health-check>
</body></html>`;

let work: string;
let out: string;
let files: Server;
let origin: string;
let serveStatic: ReturnType<typeof sirv> | undefined;
let altitude: CliServer;
let browser: Browser;
let build: Awaited<ReturnType<typeof runCli>>;
/** Whether the widgets' persisted queries declare $locale, so that the build writes their answers per locale. */
const WIDGETS_TAKE_A_LOCALE = Object.values(
  JSON.parse(await readFile(new URL('../../packages/widgets/persisted-operations.json', import.meta.url), 'utf8')) as Record<
    string,
    string
  >,
).every((text) => text.includes('$locale:String'));
/** For the tests of replacing folders: English alone is enough, and quicker. */
const ENGLISH = ['--locales', 'en'];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'altitude-static-'));
  out = path.join(work, 'site');
  files = createServer((req, res) => {
    if (req.url === '/wiki.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (!serveStatic) return void res.writeHead(503).end();
    serveStatic(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  [build, altitude, browser] = await Promise.all([
    runCli(['build-static', '--out', out, '--public-url', origin]),
    // Told the origin the build is for, as a production server is, so its headers are the ones a static copy must carry.
    startCliServer([], { env: { ALTITUDE_PUBLIC_URL: origin } }),
    launchChromium(),
  ]);
  serveStatic = sirv(out, { dotfiles: false, etag: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await altitude?.stop();
  await new Promise((resolve) => files?.close(resolve));
  await rm(work, { recursive: true, force: true });
});

/** A new page, with the errors it throws and the paths it requests. */
async function watchedPage() {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  return { page, problems, requests };
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : Promise.resolve([`${prefix}${e.name}`]),
    ),
  );
  return nested.flat().sort();
}

describe('altitude build-static', () => {
  it('writes the bundle, every export, embed page, snippet and persisted answer', async () => {
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toMatch(
      /Wrote \d+ files \([\d.]+ MB\) to .* for http:\/\/127\.0\.0\.1:\d+\nLocales: en \d+ files, de \d+ files, ja \d+ files; pseudo-locales en-XA, ar-XB only with --pseudo-locales\n$/,
    );
    const written = await listFiles(out);
    // The loader, every chunk it imports and the one-file bundle, as the widgets build wrote them.
    const built = JSON.parse(await readFile(new URL('../../packages/widgets/dist/widgets/manifest.json', import.meta.url), 'utf8')) as {
      files: string[];
    };
    expect(built.files.length).toBeGreaterThan(5);
    for (const file of [
      'widgets.js',
      'widgets-all.js',
      ...built.files,
      'embed.js',
      'export/framework.json',
      'export/levels.csv',
      'export/framework.jsonld',
      'export/framework.schema.json',
      'embed/level/staff.html',
      'embed/failure-mode/super-coder.html',
      'embed/failure-modes.html',
      'embed/leverage-mechanisms.html',
      'embed/level-compare/staff,principal,distinguished.html',
      'embed/self-assessment.html',
      'embed/self-assessment/principal.html',
      'embed/role-health-check.html',
      'snippet/level/principal.md',
      'snippet/level-compare/distinguished,staff.html',
    ])
      expect(written).toContain(file);
    // A tool has no static snippet: it needs its script.
    expect(written.filter((f) => /^snippet\/.*(self-assessment|role-health-check)/.test(f))).toEqual([]);
    // As readable by the web server as a folder mkdir makes (it is built in a private temporary folder).
    expect((await stat(out)).mode & 0o777).toBe(0o777 & ~process.umask());
    const answers = written.filter((f) => f.startsWith('graphql/'));
    // 3 level cards, 4 failure-mode cards, the grid, the mechanisms, the two tools, 12 orderings of 2 or 3 levels: in
    // English (without a locale, as widgets ask for English), and per locale when the widgets' queries take one.
    const inEnglish = 3 + 4 + 1 + 1 + 2 + 12;
    expect(answers.filter((f) => !f.includes('locale='))).toHaveLength(inEnglish);
    expect(answers.filter((f) => f.includes('locale=de&') || f.endsWith('locale=de.json'))).toHaveLength(
      WIDGETS_TAKE_A_LOCALE ? inEnglish : 0,
    );
    expect(answers).toHaveLength(WIDGETS_TAKE_A_LOCALE ? inEnglish * 4 : inEnglish);
  });

  it('writes each answer with the same bytes a server sends for the same request', async () => {
    const response = await fetch(`${origin}/widgets.js`);
    expect(response.status).toBe(200);
    const answers = (await listFiles(out)).filter((f) => f.endsWith('/slug=principal.json'));
    const [file] = answers;
    const id = file!.split('/')[1]!;
    const server = await fetch(`${altitude.url}/graphql?id=${id}&variables=${encodeURIComponent('{"slug":"principal"}')}`, {
      headers: { accept: 'application/graphql-response+json, application/json' },
    });
    expect(Buffer.from(await server.arrayBuffer()).equals(await readFile(path.join(out, file!)))).toBe(true);
  });

  it('serves widgets that render from the static files alone, in Chromium', async () => {
    const { page, problems, requests } = await watchedPage();
    try {
      await page.goto(`${origin}/wiki.html`);
      // One of each element on the wiki page.
      await allRendered(page, TAGS.length);
      const rows = await page.evaluate(() =>
        [...document.querySelector('de-level-compare')!.shadowRoot!.querySelectorAll('[part~="row-header"]')].map((th) =>
          th.textContent?.trim(),
        ),
      );
      expect(rows).toEqual(['Time horizon']);
      // One answer per element: the tools ask for everything they show at once.
      expect(requests.filter((p) => p.startsWith('/graphql/'))).toHaveLength(TAGS.length);
      expect(requests.some((p) => p === '/graphql')).toBe(false);
      expect(problems).toEqual([]);

      // An attribute the build has no file for is a clear error, not a broken widget.
      await page.evaluate(() => document.querySelector('de-level-card')!.setAttribute('level', 'senior'));
      await page.waitForFunction(() => document.querySelector('de-level-card')!.shadowRoot!.querySelector('[part~="error"]'));
      const message = await page.evaluate(
        () => document.querySelector('de-level-card')!.shadowRoot!.querySelector('[part~="error"]')!.textContent,
      );
      expect(message).toContain('have no answer for these attributes');
    } finally {
      await page.close();
    }
  });

  it('serves embed pages that work from the static host', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/embed/level-compare/staff,principal.html`);
      const heading = await page.evaluate(
        () => document.querySelector('de-level-compare')!.shadowRoot!.querySelector('[part~="heading"]')?.textContent,
      );
      expect(heading).toContain('Staff Engineer and Principal Engineer compared');
      // The server's page names its oEmbed endpoint; a static host has none, so the static page names none.
      expect(await page.locator('link[type="application/json+oembed"]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('serves the tools’ embed pages from the static host: hydrated from the page, answers kept in the frame’s own address', async () => {
    const { page, problems, requests } = await watchedPage();
    try {
      await page.goto(`${origin}/embed/self-assessment/principal.html`);
      const heading = () =>
        page.evaluate(() => document.querySelector('de-self-assessment')!.shadowRoot!.querySelector('[part~="heading"]')?.textContent);
      expect(await heading()).toBe('Self-assessment against Principal Engineer');
      await page.waitForFunction(() => (document.querySelector('de-self-assessment') as unknown as { hasUpdated?: boolean }).hasUpdated);
      await page.locator('de-self-assessment input[type="radio"][value="staff"]').first().check();
      await page.waitForFunction(() => location.hash.startsWith('#de-self-assessment='));
      // The answer the page ships was enough: no answer file fetched, nothing carrying the answer.
      expect(requests.filter((p) => p.startsWith('/graphql'))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('refuses to replace a folder that is not an earlier build, and replaces one that is', async () => {
    const other = path.join(work, 'precious');
    await mkdir(other);
    await writeFile(path.join(other, 'notes.txt'), 'keep me');
    const refused = await runCli(['build-static', '--out', other, '--public-url', origin]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty and is not an earlier static build');
    expect(await readFile(path.join(other, 'notes.txt'), 'utf8')).toBe('keep me');
    const again = await runCli(['build-static', '--out', out, '--public-url', origin]);
    expect(again.code, again.stderr).toBe(0);
    const badEnv = await runCli(['build-static', '--out', path.join(work, 'x'), '--public-url', origin], {
      env: { ALTITUDE_CORS_ORIGINS: 'wiki.example.com' },
    });
    expect([badEnv.code, badEnv.stderr]).toEqual([
      2,
      'altitude: ALTITUDE_CORS_ORIGINS: "wiki.example.com" is not an origin such as https://wiki.example.com\n',
    ]);
    const noUrl = await runCli(['build-static', '--out', path.join(work, 'x')]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('--public-url');
  });
});

describe('altitude build-static in every locale', () => {
  /** What the server serves in a locale, asked through GraphQL: the text the files must hold. */
  const servedIn = async (locale: string) => {
    const response = await fetch(`${altitude.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ failureMode(slug: "super-coder", locale: "${locale}") { title symptoms(format: TEXT) } }` }),
    });
    return ((await response.json()) as { data: { failureMode: { title: string; symptoms: string[] } } }).data.failureMode;
  };
  const site = (file: string) => readFile(path.join(out, file), 'utf8');

  it('writes each locale’s embed pages and snippets under its tag, in that locale', async () => {
    const [german, english] = await Promise.all([servedIn('de'), servedIn('en')]);
    expect(german.title).not.toBe(english.title);
    const page = await site('embed/de/failure-mode/super-coder.html');
    expect(page).toContain('<html lang="de" dir="ltr">');
    expect(page).toContain(`<title>${german.title} — Altitude</title>`);
    expect(page).toContain(german.symptoms[0]);
    expect(page).not.toContain(english.symptoms[0]);
    // English where it always was, and still English.
    expect(await site('embed/failure-mode/super-coder.html')).toContain(`<title>${english.title} — Altitude</title>`);
    expect(await site('embed/ja/level-compare/staff,principal.html')).toMatch(/^<!doctype html>\n<html lang="ja" dir="ltr">/);
    expect(await site('snippet/de/failure-mode/super-coder.md')).toMatch(new RegExp(`^## ${german.title}`));
    // The widgets' words in each language, beside widgets.js, where it imports them from.
    expect(existsSync(path.join(out, 'widgets/locales/de.js'))).toBe(
      existsSync(new URL('../../packages/widgets/dist/widgets/locales/de.js', import.meta.url)),
    );
    expect(await site('snippet/ja/level/staff.html')).toMatch(/^<div class="altitude-snippet altitude-level" lang="ja" dir="ltr">/);
    // The pseudo-locales are for testing: not written unless asked for.
    const written = await listFiles(out);
    expect(written.some((f) => /(^|\/)(en-XA|ar-XB)(\/|$)|locale=(en-XA|ar-XB)/.test(f))).toBe(false);
  });

  it('writes each locale’s answers with the bytes the server sends for the widget’s request', async () => {
    if (!WIDGETS_TAKE_A_LOCALE) return;
    const file = (await listFiles(out)).find((f) => f.endsWith('/locale=de&slug=super-coder.json'))!;
    expect(file).toBeDefined();
    const id = file.split('/')[1]!;
    const server = await fetch(`${altitude.url}/graphql?id=${id}&variables=${encodeURIComponent('{"locale":"de","slug":"super-coder"}')}`, {
      headers: { accept: 'application/graphql-response+json, application/json' },
    });
    const written = await readFile(path.join(out, file), 'utf8');
    // The same answer (graphql-jit, which runs an operation from its second execution on, may order the keys of a fragment otherwise).
    expect(JSON.parse(written)).toEqual(await server.json());
    expect(written).toContain((await servedIn('de')).title);
  });

  it('lists the locales it holds in locales.json, with where their files are and how many', async () => {
    const index = JSON.parse(await site('locales.json')) as {
      source: string;
      locales: { tag: string; embeds: string; files: number; generated: boolean }[];
    };
    expect(index.source).toBe('en');
    expect(index.locales.map((l) => [l.tag, l.embeds, l.generated])).toEqual([
      ['en', '/embed/', false],
      ['de', '/embed/de/', false],
      ['ja', '/embed/ja/', false],
    ]);
    const written = await listFiles(out);
    const german = written.filter((f) => f.startsWith('embed/de/') || f.startsWith('snippet/de/') || /locale=de[&.]/.test(f));
    expect(index.locales[1]!.files).toBe(german.length);
    expect(build.stderr).toContain(`de ${german.length} files`);
    // Served with headers, like every other file.
    const rules = parseHeadersFile(await site('_headers'));
    expect(rules.find((r) => r.path === '/locales.json')?.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('keeps the rules of English and of the files every locale shares first in _headers', async () => {
    const rules = parseHeadersFile(await site('_headers'));
    const inLocale = (p: string) => /^\/(embed|snippet)\/(de|ja)\//.test(p);
    const firstLocale = rules.findIndex((r) => inLocale(r.path));
    expect(firstLocale).toBeGreaterThan(0);
    expect(rules.slice(firstLocale).every((r) => inLocale(r.path))).toBe(true);
    expect(rules.find((r) => matches(r.path, '/embed/de/level/staff.html'))?.headers['content-language']).toBe('de');
  });

  it('serves a German embed page from the static host that hydrates without a request', async () => {
    const { page, problems, requests } = await watchedPage();
    try {
      await page.goto(`${origin}/embed/de/failure-mode/super-coder.html`);
      await page.waitForFunction(
        () => (document.querySelector('de-failure-mode-card') as unknown as { hasUpdated?: boolean }).hasUpdated === true,
      );
      const heading = await page.evaluate(
        () => document.querySelector('de-failure-mode-card')!.shadowRoot!.querySelector('h1,h2,h3')?.textContent,
      );
      expect(heading).toBe((await servedIn('de')).title);
      expect(requests.filter((p) => p.startsWith('/graphql'))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('writes a generated locale when it is named, and refuses one that is not served', async () => {
    const rtl = path.join(work, 'site-rtl');
    const built = await runCli(['build-static', '--out', rtl, '--public-url', origin, '--locales', 'ar-XB']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(
      /\nLocales: en \d+ files, ar-XB \d+ files; not built: de, ja; pseudo-locales en-XA only with --pseudo-locales\n$/,
    );
    expect(await readFile(path.join(rtl, 'embed/ar-XB/leverage-mechanisms.html'), 'utf8')).toContain('<html lang="ar-XB" dir="rtl">');
    expect(existsSync(path.join(rtl, 'embed/de'))).toBe(false);
    const unknown = await runCli(['build-static', '--out', path.join(work, 'site-fr'), '--public-url', origin, '--locales', 'fr']);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      'altitude: --locales: fr is not served; the locales served are en, de, ja, en-XA, ar-XB\n',
    ]);
    expect(existsSync(path.join(work, 'site-fr'))).toBe(false);
  });
});

/** The rules of a `_headers` file: path pattern → headers (names lower-cased). */
function parseHeadersFile(text: string): { path: string; headers: Record<string, string> }[] {
  const rules: { path: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) rules.push({ path: line.trim(), headers: {} });
    else {
      const colon = line.indexOf(':');
      rules.at(-1)!.headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

const matches = (pattern: string, file: string) => (pattern.endsWith('/*') ? file.startsWith(pattern.slice(0, -1)) : pattern === file);

/** Whether `dir` holds a whole build: every file its manifest lists, with the bytes it lists. */
async function wholeBuild(dir: string): Promise<{ origin: string; whole: boolean }> {
  const manifest = JSON.parse(await readFile(path.join(dir, '.altitude-static'), 'utf8')) as {
    origin: string;
    files: Record<string, string>;
  };
  let whole = Object.keys(manifest.files).length > 90;
  for (const [file, hash] of Object.entries(manifest.files)) {
    const bytes = await readFile(path.join(dir, file)).catch(() => undefined);
    if (!bytes || `sha256:${createHash('sha256').update(bytes).digest('hex')}` !== hash) whole = false;
  }
  return { origin: manifest.origin, whole };
}

const besides = async (dir: string, what: string) =>
  (await readdir(path.dirname(dir)))
    .filter((n) => n.startsWith(`${path.basename(dir)}.${what}-`))
    .map((n) => path.join(path.dirname(dir), n));

describe('altitude build-static: headers, and never losing a file', () => {
  it('writes the headers the server sends (CSP, frame-ancestors, CORS, cache policy) into _headers, one rule per file', async () => {
    const rules = parseHeadersFile(await readFile(path.join(out, '_headers'), 'utf8'));
    const samples = [
      { file: '/widgets.js', from: '/widgets.js' },
      { file: '/embed/level/staff.html', from: '/embed/level/staff' },
      { file: '/embed/level-compare/staff,principal.html', from: '/embed/level-compare?levels=staff,principal' },
      { file: '/snippet/level/principal.html', from: '/snippet/level/principal.html' },
      { file: '/export/levels.csv', from: '/export/levels.csv' },
      { file: '/export/framework.json', from: '/export/framework.json' },
    ];
    const answer = (await listFiles(out)).find((f) => f.startsWith('graphql/') && f.endsWith('/slug=principal.json'))!;
    const id = answer.split('/')[1]!;
    samples.push({ file: `/${answer}`, from: `/graphql?id=${id}&variables=${encodeURIComponent('{"slug":"principal"}')}` });
    for (const { file, from } of samples) {
      const matching = rules.filter((r) => matches(r.path, file));
      expect(
        matching.map((r) => r.path),
        file,
      ).toHaveLength(1);
      const response = await fetch(`${altitude.url}${from}`, {
        headers: { accept: 'application/graphql-response+json, application/json' },
      });
      const sent = Object.fromEntries(
        [...response.headers].filter(
          ([name]) =>
            !['date', 'connection', 'keep-alive', 'content-length', 'content-encoding', 'etag', 'vary', 'transfer-encoding'].includes(name),
        ),
      );
      expect(matching[0]!.headers, file).toEqual(sent);
    }
    const embed = rules.find((r) => matches(r.path, '/embed/level/staff.html'))!;
    expect(embed.headers['content-security-policy']).toMatch(/frame-ancestors /);
    expect(embed.headers['cache-control']).toBeTruthy();
    // Every file of the build has its rule, and the nginx version has a location for each.
    const nginx = await readFile(path.join(out, 'headers.nginx.conf'), 'utf8');
    for (const rule of rules)
      expect(nginx).toContain(rule.path.endsWith('/*') ? `location ^~ ${rule.path.slice(0, -1)} {` : `location = ${rule.path} {`);
    expect(nginx).toContain(`add_header Content-Security-Policy "${embed.headers['content-security-policy']}" always;`);
  });

  it('--force moves a folder that is not a build aside and keeps it, instead of deleting it', async () => {
    const precious = path.join(work, 'precious-forced');
    await mkdir(path.join(precious, 'drafts'), { recursive: true });
    await writeFile(path.join(precious, 'drafts', 'notes.txt'), 'keep me');
    const forced = await runCli(['build-static', '--out', precious, '--public-url', origin, '--force', ...ENGLISH]);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await wholeBuild(precious)).whole).toBe(true);
    const [kept] = await besides(precious, 'previous');
    expect(kept).toBeDefined();
    expect(forced.stderr).toContain(
      `kept what was in ${precious} at ${kept}: 1 file no build wrote (drafts/notes.txt); nothing in it was deleted`,
    );
    expect(await readFile(path.join(kept!, 'drafts', 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('keeps a file someone added to an earlier build, and deletes only what the build wrote', async () => {
    const site = path.join(work, 'site-with-additions');
    expect((await runCli(['build-static', '--out', site, '--public-url', origin, ...ENGLISH])).code).toBe(0);
    await writeFile(path.join(site, 'robots.txt'), 'User-agent: *');
    await writeFile(path.join(site, 'embed.css'), '/* edited by hand */');
    const again = await runCli(['build-static', '--out', site, '--public-url', origin, ...ENGLISH]);
    expect(again.code, again.stderr).toBe(0);
    expect((await wholeBuild(site)).whole).toBe(true);
    const [kept] = await besides(site, 'previous');
    expect(again.stderr).toContain(`at ${kept}: 2 files no build wrote (`);
    // Kept whole: the two files, and the build around them.
    expect(await readFile(path.join(kept!, 'robots.txt'), 'utf8')).toBe('User-agent: *');
    expect(await readFile(path.join(kept!, 'embed.css'), 'utf8')).toBe('/* edited by hand */');
    expect(existsSync(path.join(kept!, 'widgets.js'))).toBe(true);
  });

  it('keeps a build from before manifests aside whole, since its files cannot be told from others', async () => {
    const site = path.join(work, 'site-legacy');
    expect((await runCli(['build-static', '--out', site, '--public-url', origin, ...ENGLISH])).code).toBe(0);
    await writeFile(path.join(site, '.altitude-static'), `Written by altitude build-static for ${origin}; content sha256:0\n`);
    const again = await runCli(['build-static', '--out', site, '--public-url', origin, ...ENGLISH]);
    expect(again.code, again.stderr).toBe(0);
    const [kept] = await besides(site, 'previous');
    expect(again.stderr).toContain(`kept the earlier build that was in ${site} at ${kept}: it was made before builds listed their files`);
    expect(existsSync(path.join(kept!, 'widgets.js'))).toBe(true);
    expect((await wholeBuild(site)).whole).toBe(true);
  });

  // ALTITUDE_TEST_CRASH_AT is a test-only hook: build-static kills itself (SIGKILL) at the named step.
  it.each([
    ['static-built', 'the old site, whole, in place'],
    ['static-old-moved', 'the old site, whole, beside it; the next run puts it back'],
    ['static-swapped', 'the new site, whole, in place'],
  ])(
    'killed at %s, it leaves %s',
    async (step) => {
      const site = path.join(work, `site-${step}`);
      const other = 'https://altitude-static.example.com';
      expect((await runCli(['build-static', '--out', site, '--public-url', origin, ...ENGLISH])).code).toBe(0);
      const crashed = await runCli(['build-static', '--out', site, '--public-url', other, ...ENGLISH], {
        env: { ALTITUDE_TEST_CRASH_AT: step },
      });
      expect(crashed.code).toBeNull();
      const [aside] = await besides(site, 'previous');
      if (step === 'static-built') {
        expect(await wholeBuild(site)).toEqual({ origin, whole: true });
        expect(aside).toBeUndefined();
      } else if (step === 'static-old-moved') {
        expect(existsSync(site)).toBe(false);
        expect(await wholeBuild(aside!)).toEqual({ origin, whole: true });
      } else {
        expect(await wholeBuild(site)).toEqual({ origin: other, whole: true });
        expect(await wholeBuild(aside!)).toEqual({ origin, whole: true });
      }
      // The next run starts from a whole site, and leaves one whole site and nothing beside it but unfinished builds' folders.
      const next = await runCli(['build-static', '--out', site, '--public-url', other, ...ENGLISH]);
      expect(next.code, next.stderr).toBe(0);
      if (step === 'static-old-moved') expect(next.stderr).toContain(`put back the site an interrupted build had moved to ${aside}`);
      expect(await wholeBuild(site)).toEqual({ origin: other, whole: true });
      expect(await besides(site, 'previous')).toEqual([]);
    },
    // Three builds: time for them on a busy machine.
    90_000,
  );
});
