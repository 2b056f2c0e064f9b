import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cssString, printCsp } from './print-layout.js';
import { parsePrintRequest } from './print-request.js';
import { renderPrint } from './render-print.js';
import { createHash } from 'node:crypto';

const HOSTILE = `<img src=x onerror=alert(1)> & "quoted" '</style>`;
let framework: Framework;
let hostile: Framework;
let dir: string;

beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  // The same content with markup in a level's title and headline and in the framework's title (the footer's).
  dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-print-'));
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  const edit = async (file: string, change: (text: string) => string) =>
    writeFile(path.join(dir, file), change(await readFile(path.join(dir, file), 'utf8')));
  await edit('levels.yaml', (t) =>
    t
      .replace('title: Principal Engineer', `title: ${JSON.stringify(HOSTILE)}`)
      .replace(/headline: .*/, `headline: ${JSON.stringify(HOSTILE)}`),
  );
  await edit('framework.yaml', (t) =>
    t.replace(/^ {2}title: .*/m, `  title: ${JSON.stringify(`x"}body{display:none}@page{size:A3 ${HOSTILE}`)}`),
  );
  hostile = await loadFrameworkOrThrow(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const FIXED = () => new Date('2030-05-06T07:08:09Z');
function render(fw: Framework, target: string, query = '', now = FIXED) {
  const parsed = parsePrintRequest(target, new URLSearchParams(query), fw);
  if (!parsed.ok) throw new Error(parsed.message);
  return renderPrint(parsed, now);
}

describe('level handout', () => {
  it('holds the level, a row per dimension, signs, steps and the sources last', () => {
    const { html } = render(framework, 'level/principal');
    const level = framework.find('Level', 'principal')!;
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain(`<h1>${level.title}</h1>`);
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(framework.dimensions.length);
    expect(html).toContain('<thead>');
    for (const e of level.expectations) expect(html).toContain(e.dimension.title);
    expect(html).toContain('<h2>Signs of operating below this level</h2>');
    expect(html).toContain('<h3>From Staff Engineer</h3>');
    expect(html).toContain('<h3>On to Distinguished Engineer</h3>');
    expect(html).toContain('Why people stall');
    // Sources come after everything else in the handout.
    expect(html.indexOf('<section class="sources">')).toBeGreaterThan(html.indexOf('On to Distinguished Engineer'));
    expect(html).not.toMatch(/<script|<img/i);
  });

  it('is laid out for the paper asked for', () => {
    expect(render(framework, 'level/staff').html).toContain('@page{size:A4;');
    expect(render(framework, 'level/staff', 'paper=letter').html).toContain('@page{size:letter;');
  });

  it('is in the locale asked for, headings and content', () => {
    const { html } = render(framework, 'level/principal', 'lang=de');
    const de = framework.translations.get('de')!.find('Level', 'principal')!;
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain(`<h1>${de.title}</h1>`);
    expect(html).toContain('Was die Stufe erwartet');
    expect(render(framework, 'level/principal', 'lang=ar-XB').html).toContain('dir="rtl"');
  });

  it('dates released content by its release, other content by the clock', () => {
    const released = render(framework, 'level/staff').html;
    const footer = `${framework.title} · version ${framework.version} · `;
    if (framework.currentRelease) expect(released).toContain(`${footer}${framework.currentRelease.publishedAt.slice(0, 10)}`);
    // The edited content is no release: today, from the injected clock.
    expect(hostile.currentRelease).toBeUndefined();
    expect(render(hostile, 'level/staff').html).toContain('· 2030-05-06</footer>');
  });

  it('escapes every content string, in the body and in the footer stylesheet', () => {
    const { html, csp } = render(hostile, 'level/principal');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;&lt;/style&gt;');
    // The stylesheet is one block, and the title cannot leave the footer's CSS string.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(css).toContain('x\\22 }body{display:none}@page{size:A3 \\3c img');
    // The policy allows exactly this stylesheet and no script.
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(csp).not.toContain('script-src');
    expect(csp).toBe(printCsp(css));
  });
});

describe('company overlay', () => {
  it('is applied, and named in the footer', async () => {
    const acme = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR, {
      overlays: [path.join(DEFAULT_CONTENT_DIR, '..', 'examples', 'acme-ladder', 'ladder')],
    });
    const overlay = acme.overlays[0]!;
    const { html } = render(acme, 'compare', 'levels=senior-staff,principal');
    expect(html).toContain(`<h1>${acme.find('Level', 'senior-staff')!.title} and `);
    expect(html).toMatch(new RegExp(`· company overlay: ${overlay.name}( ·|\\b)`));
  });
});

describe('comparison handout', () => {
  it('has a column per level in rank order and a row per dimension', () => {
    const { html } = render(framework, 'compare', 'levels=distinguished,staff');
    expect(html).toContain('<h1>Staff Engineer and Distinguished Engineer compared</h1>');
    expect(html).toMatch(
      /<thead><tr><th scope="col">Dimension<\/th><th scope="col">Staff Engineer<\/th><th scope="col">Distinguished Engineer<\/th><\/tr><\/thead>/,
    );
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(framework.dimensions.length);
    expect(html.match(/<tr><th scope="row">[^]*?<\/tr>/)![0].match(/<td>/g)).toHaveLength(2);
    expect(html).toContain('<section class="sources">');
  });
});

describe('cssString', () => {
  it('leaves nothing that could end the string or the style block', () => {
    expect(cssString('a"b\\c<d>e\nf')).toBe('a\\22 b\\5c c\\3c d\\3e e\\a f');
  });
});
