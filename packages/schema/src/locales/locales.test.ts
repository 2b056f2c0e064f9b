import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { graphql } from 'graphql';
import { parse, stringify } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../graphql/schema.js';
import type { LocaleFrameworks } from '../graph/locale-frameworks.js';
import type { Framework } from '../graph/types.js';
import { formatContentError } from '../loader/content-error.js';
import { loadFramework, loadFrameworkOrThrow } from '../loader/load-framework.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { canonicalTag, fallbackChain } from './locale-tag.js';
import { sourceHash } from './translatable.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function contentCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-locales-'));
  dirs.push(dir);
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return dir;
}
const run = async (source: string, served = framework) =>
  (await graphql({ schema, source, contextValue: { framework: served } })) as { data?: any; errors?: any[] };

describe('the shipped translations', () => {
  it('cover every string in German and Japanese, none stale', () => {
    for (const tag of ['de', 'ja']) {
      const locale = framework.locales.find((l) => l.tag === tag)!;
      expect([tag, locale.generated, locale.coverage]).toEqual([
        tag,
        false,
        { translated: framework.locales[0]!.coverage.translated, stale: 0, missing: 0 },
      ]);
    }
  });

  it('are translations: almost no string is the English one', () => {
    for (const tag of ['de', 'ja']) {
      const translated = framework.translations.get(tag)!;
      const pairs = framework.entities.flatMap((e) => {
        const other = translated.find(e.kind, e.slug)!;
        return [[e.summary.markdown, other.summary.markdown] as const];
      });
      const same = pairs.filter(([en, t]) => en === t).length;
      expect(same, tag).toBe(0);
    }
  });
});

describe('tags and chains', () => {
  it('canonicalises well-formed tags and refuses the rest', () => {
    expect(['de-ch', 'JA', 'zh-hant-tw', 'x', '!!', '', 'a'.repeat(40)].map(canonicalTag)).toEqual([
      'de-CH',
      'ja',
      'zh-Hant-TW',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
  it('falls back by dropping subtags, or as configured, always ending in English', () => {
    expect(fallbackChain('de-CH-1901')).toEqual(['de-CH-1901', 'de-CH', 'de', 'en']);
    expect(fallbackChain('de-CH', { 'de-CH': ['de-AT', 'de'] })).toEqual(['de-CH', 'de-AT', 'de', 'en']);
  });
});

describe('stale and missing strings', () => {
  it('serve the next locale of the chain when the English changed since the translation, and say so', async () => {
    const dir = await contentCopy();
    const file = path.join(dir, 'failure-modes.yaml');
    const english = await readFile(file, 'utf8');
    const superCoder = (parse(english) as { failureModes: { slug: string; summary: string }[] }).failureModes.find(
      (m) => m.slug === 'super-coder',
    )!;
    await writeFile(file, english.replace(superCoder.summary.split(' ').slice(0, 4).join(' '), 'A company, quite often,'));
    const loaded = await loadFrameworkOrThrow(dir);
    const de = loaded.locales.find((l) => l.tag === 'de')!;
    expect(de.coverage).toMatchObject({ stale: 1, missing: 0 });
    const { data } = await run(
      '{ failureMode(slug: "super-coder", locale: "de") { title summary locale fallbacks { field locale reason } } }',
      loaded,
    );
    expect(data.failureMode.summary).toMatch(/^A company, quite often,/);
    expect(data.failureMode.fallbacks).toEqual([{ field: 'summary', locale: 'en', reason: 'STALE' }]);
    expect(data.failureMode.locale).toBe('de');
  });

  it('take a regional locale’s own strings first, then its language’s', async () => {
    const dir = await contentCopy();
    const title = framework.find('Level', 'staff')!.title;
    await mkdir(path.join(dir, 'locales/de-CH'));
    await writeFile(
      path.join(dir, 'locales/de-CH/levels.yaml'),
      `levels:\n  - slug: staff\n    title: Staff Engineer (CH)\n    translatedFrom:\n      title: ${sourceHash(title)}\n`,
    );
    const loaded = await loadFrameworkOrThrow(dir);
    const { data } = await run(
      '{ level(slug: "staff", locale: "de-CH") { title locale summary fallbacks { field locale reason } } }',
      loaded,
    );
    expect(data.level.title).toBe('Staff Engineer (CH)');
    expect(data.level.locale).toBe('de-CH');
    expect(data.level.summary).toBe(loaded.translations.get('de')!.find('Level', 'staff')!.summary.markdown);
    expect(data.level.fallbacks).toContainEqual({ field: 'summary', locale: 'de', reason: 'MISSING' });
  });
});

describe('translation files with mistakes', () => {
  it('are refused with located errors', async () => {
    const dir = await contentCopy();
    const hash = sourceHash(framework.find('Level', 'staff')!.title);
    await mkdir(path.join(dir, 'locales/fr'));
    await writeFile(
      path.join(dir, 'locales/fr/levels.yaml'),
      `levels:
  - slug: stafff
    title: Ingénieur
  - slug: staff
    titel: Ingénieur
    summary: 42
    description: Sans origine.
    expectations:
      time-horizon:
        headline: ${'Un horizon très long, vraiment beaucoup plus long que soixante caractères'}
    translatedFrom:
      titel: ${hash}
      summary: ${hash}
      expectations.time-horizon.headline: ${sourceHash(framework.find('Level', 'staff')!.expectations[2]!.headline)}
`,
    );
    const result = await loadFramework(dir, { cwd: dir });
    expect(result.ok).toBe(false);
    // An unknown slug is only a warning (the entry is ignored): an item removed from the content
    // must not stop its other translations being served.
    await writeFile(path.join(dir, 'locales/fr/levels.yaml'), `levels:\n  - slug: stafff\n    title: Ingénieur\n`);
    const warned = await loadFramework(dir, { cwd: dir });
    expect(warned.ok && warned.warnings.map((w) => formatContentError(w, dir))).toEqual([
      'locales/fr/levels.yaml:2:11 levels[0].slug: there is no levels item "stafff" to translate (did you mean "staff"?); the entry is ignored: remove it, or fix its slug',
    ]);
    const messages = result.ok ? [] : result.errors.map((e) => formatContentError(e, dir));
    expect(messages).toEqual([
      expect.stringMatching(/^locales\/fr\/levels\.yaml:5:5 levels\[1\]\.titel: unknown field "titel" \(did you mean "title"\?\)/),
      'locales/fr/levels.yaml:6:14 levels[1].summary: expected the translated text, got number',
      expect.stringMatching(
        /^locales\/fr\/levels\.yaml:7:18 levels\[1\]\.description: "description" is translated but translatedFrom does not say from which English/,
      ),
      'locales/fr/levels.yaml:10:19 levels[1].expectations.time-horizon.headline: must be at most 60 characters: a headline, not a sentence',
    ]);
  });
});

describe('the pseudo-locales', () => {
  it('are built the first time they are asked for, as are the translated locales (checked on load), and cover every string', async () => {
    const fresh = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
    const translations = fresh.translations as LocaleFrameworks;
    expect([...translations.keys()]).toEqual(['en', 'de', 'ja', 'en-XA', 'ar-XB']);
    expect(['en', 'de', 'ja', 'en-XA', 'ar-XB'].map((tag) => translations.isBuilt(tag))).toEqual([true, false, false, false, false]);
    const xa = translations.get('en-XA')!;
    expect([translations.isBuilt('en-XA'), translations.isBuilt('ar-XB'), translations.get('en-XA')]).toEqual([true, false, xa]);
    expect(xa.view.locale).toBe('en-XA');
    expect(xa.translations).toBe(translations);
    const english = fresh.locales[0]!.coverage.translated;
    expect(fresh.locales.find((l) => l.tag === 'en-XA')).toMatchObject({
      fallbacks: ['en'],
      coverage: { translated: english, stale: 0, missing: 0 },
    });
    expect(fresh.locales.find((l) => l.tag === 'en-XA')!.coverageByCollection).toEqual(fresh.locales[0]!.coverageByCollection);
  });

  it('make en-XA accented and 40% longer, and ar-XB right to left', () => {
    const xa = framework.translations.get('en-XA')!.find('Level', 'staff')!;
    const en = framework.find('Level', 'staff')!;
    expect(xa.summary.markdown.length).toBeGreaterThanOrEqual(en.summary.markdown.length * 1.4);
    expect(xa.title).toMatch(/^\[Šţåƒƒ Éñĝîñééŕ/);
    expect(framework.locales.find((l) => l.tag === 'ar-XB')).toMatchObject({ direction: 'rtl', generated: true });
    expect(framework.translations.get('ar-XB')!.find('Level', 'staff')!.title).toContain('\u202e');
  });
});

describe('the API in a locale', () => {
  it('lists the locales with their coverage', async () => {
    const { data } = await run('{ locales { tag name direction generated complete translated } }');
    expect(data.locales.map((l: { tag: string }) => l.tag)).toEqual(['en', 'de', 'ja', 'en-XA', 'ar-XB']);
    expect(data.locales[1]).toMatchObject({ tag: 'de', name: 'Deutsch', direction: 'LTR', generated: false, complete: true });
  });

  it('answers in the locale asked for, falls back for one not served, and refuses a malformed tag', async () => {
    const { data, errors } = await run(
      '{ ja: level(slug: "staff", locale: "ja") { id title locale } fr: level(slug: "staff", locale: "fr-CA") { title locale } bad: level(slug: "staff", locale: "not a tag") { slug } en: level(slug: "staff") { id } }',
    );
    expect(data.ja.locale).toBe('ja');
    expect(data.ja.title).not.toBe('Staff Engineer');
    expect(data.fr).toEqual({ title: 'Staff Engineer', locale: 'en' });
    expect(data.bad).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'locale', value: 'not a tag' });
    expect(data.ja.id).not.toBe(data.en.id);
    const { data: refetched } = await run(`{ node(id: "${data.ja.id}") { ... on Level { title locale } } }`);
    expect(refetched.node).toEqual({ title: data.ja.title, locale: 'ja' });
  });

  it('says which locale a source was served in, and which of its strings fell back', async () => {
    const dir = await contentCopy();
    const file = path.join(dir, 'locales/de/sources.yaml');
    const german = parse(await readFile(file, 'utf8')) as { sources: { slug: string; summary?: string; translatedFrom?: unknown }[] };
    const first = german.sources[0]!;
    delete first.summary;
    delete first.translatedFrom;
    await writeFile(file, stringify(german));
    const served = await loadFrameworkOrThrow(dir);
    const { data } = await run(
      `{ de: source(slug: "${first.slug}", locale: "de") { locale fallbacks { field locale reason } } ja: sources(locale: "ja") { locale fallbacks { field } } }`,
      served,
    );
    expect(data.de).toEqual({ locale: 'de', fallbacks: [{ field: 'summary', locale: 'en', reason: 'MISSING' }] });
    expect(data.ja.every((s: { locale: string; fallbacks: unknown[] }) => s.locale === 'ja' && s.fallbacks.length === 0)).toBe(true);
  });

  it('answers nested fields in the parent’s locale', async () => {
    const { data } = await run('{ dimension(slug: "time-horizon", locale: "de") { title expectations { headline level { title } } } }');
    const de = framework.translations.get('de')!;
    expect(data.dimension.expectations[0].headline).toBe(de.find('Expectation', 'staff/time-horizon')!.headline);
  });
});
