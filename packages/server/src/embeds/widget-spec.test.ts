import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFromBuilder } from './builder-params.js';
import { parseWidgetSpec, type WidgetSpec } from './widget-spec.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

function spec(query: string): WidgetSpec {
  const parsed = parseWidgetSpec('level-compare', new URLSearchParams(query), framework);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.spec;
}

/** What the embed and snippet routes cache a page under (path and query). */
const cacheKey = (s: WidgetSpec) => `${s.path}?${s.query}`;

describe('level-compare options', () => {
  it('spell equivalent dimension lists one way: repeats dropped, framework order', () => {
    const [first, second] = framework.dimensions.map((d) => d.slug);
    const a = spec(`levels=staff,principal&dimensions=${first},${second},${first}`);
    const b = spec(`levels=staff,principal&dimensions=${second},${first}`);
    const c = spec(`levels=staff,principal&dimensions=${second}+${first}+${second}`);
    expect(cacheKey(a)).toBe(cacheKey(b));
    expect(cacheKey(c)).toBe(cacheKey(b));
    expect(a.query).toBe(`levels=staff,principal&dimensions=${first},${second}`);
    expect(a.attributes).toEqual(b.attributes);
    expect(a.attributes.dimensions).toBe(`${first} ${second}`);
  });

  it('keep the levels in the order given: it is the column order', () => {
    expect(spec('levels=distinguished,staff').query).toBe('levels=distinguished,staff');
    expect(cacheKey(spec('levels=distinguished,staff'))).not.toBe(cacheKey(spec('levels=staff,distinguished')));
    const repeated = parseWidgetSpec('level-compare', new URLSearchParams('levels=staff,principal,staff'), framework);
    expect(repeated).toMatchObject({ ok: false, status: 400, message: 'Level "staff" is listed more than once.' });
  });

  it('are normalised the same way from the embed builder', () => {
    const [first, second] = framework.dimensions.map((d) => d.slug);
    const built = specFromBuilder(
      new URLSearchParams(`widget=level-compare&levels=staff,principal&dimensions=${second},${first},${second}`),
      framework,
    );
    expect(built.ok && built.spec.query).toBe(`levels=staff,principal&dimensions=${first},${second}`);
  });

  it('still name an unknown dimension', () => {
    const parsed = parseWidgetSpec('level-compare', new URLSearchParams('levels=staff,principal&dimensions=charisma'), framework);
    expect(parsed).toMatchObject({ ok: false, status: 404 });
    expect(!parsed.ok && parsed.message).toContain('Unknown dimension "charisma". Valid dimensions: ');
  });
});

describe('lang', () => {
  const parse = (path: string, query: string) => parseWidgetSpec(path, new URLSearchParams(query), framework);

  it('names the locale asked for, canonical, in the query and on the element; English names none', () => {
    const german = parse('failure-mode/super-coder', 'theme=dark&lang=de');
    expect(german.ok && german.spec).toMatchObject({
      query: 'theme=dark&lang=de',
      attributes: { mode: 'super-coder', theme: 'dark', lang: 'de' },
      locale: 'de',
      direction: 'ltr',
      title: framework.translations.get('de')!.find('FailureMode', 'super-coder')!.title,
    });
    expect(german.ok && german.spec.title).not.toBe(framework.find('FailureMode', 'super-coder')!.title);
    const swiss = parse('level-compare', 'levels=staff,principal&lang=de-ch');
    expect(swiss.ok && [swiss.spec.query, swiss.spec.locale]).toEqual(['levels=staff,principal&lang=de-CH', 'de']);
    // One spelling for English, so ?lang=en shares the page (and its cache entry) of the address without it.
    const english = parse('level/staff', 'lang=en');
    expect(english.ok && [english.spec.query, english.spec.attributes, english.spec.locale]).toEqual(['', { level: 'staff' }, 'en']);
  });

  it('titles in the locale served, the server’s own words included', () => {
    const ja = parse('level-compare', 'levels=staff,distinguished&lang=ja');
    const titles = ['staff', 'distinguished'].map((s) => framework.translations.get('ja')!.find('Level', s)!.title);
    expect(ja.ok && ja.spec.title).toBe(`${titles[0]}、${titles[1]}の比較`);
    const grid = parse('failure-modes', 'lang=de');
    expect(grid.ok && grid.spec.title).toBe('Was Unternehmen bei der Rolle falsch machen');
    const rtl = parse('leverage-mechanisms', 'lang=ar-XB');
    expect(rtl.ok && [rtl.spec.locale, rtl.spec.direction]).toEqual(['ar-XB', 'rtl']);
  });

  it('gives the framework in the locale served beside the spec', () => {
    const parsed = parse('level/staff', 'lang=fr-CA');
    expect(parsed.ok && [parsed.framework.view.locale, parsed.spec.locale, parsed.spec.attributes.lang]).toEqual(['en', 'en', 'fr-CA']);
  });

  it('refuses a malformed lang with a 400 that says what a tag looks like', () => {
    expect(parse('level/staff', 'lang=english!')).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining('lang must be a BCP 47 language tag such as "de" or "pt-BR", not "english!".'),
    });
  });

  it('comes from the embed builder too', () => {
    const built = specFromBuilder(new URLSearchParams('widget=level&level=principal&lang=ja'), framework);
    expect(built.ok && [built.spec.query, built.spec.attributes]).toEqual(['lang=ja', { level: 'principal', lang: 'ja' }]);
  });
});
