import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedLocale } from './embed-locale.js';
import { embedWords } from './embed-words.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

/** The served locale and the requested tag, or the refusal. */
function read(lang: string | null) {
  const result = embedLocale(lang, framework);
  return result.ok ? { served: result.info.tag, view: result.framework.view.locale, requested: result.requested } : result;
}

describe('embedLocale', () => {
  it('is English, as loaded, without lang and for lang=en', () => {
    expect(read(null)).toEqual({ served: 'en', view: 'en', requested: undefined });
    expect(read('')).toEqual({ served: 'en', view: 'en', requested: undefined });
    expect(read('EN')).toEqual({ served: 'en', view: 'en', requested: undefined });
    expect(embedLocale(null, framework)).toMatchObject({ ok: true, framework });
  });

  it('serves a translated locale in its framework, and a generated one with its direction', () => {
    expect(read('de')).toEqual({ served: 'de', view: 'de', requested: 'de' });
    expect(read('ja')).toEqual({ served: 'ja', view: 'ja', requested: 'ja' });
    const rtl = embedLocale('ar-XB', framework);
    expect(rtl.ok && [rtl.info.direction, rtl.framework.view.locale]).toEqual(['rtl', 'ar-XB']);
  });

  it('falls back along the chain for a well-formed tag that is not served, keeping the tag asked for', () => {
    expect(read('de-ch')).toEqual({ served: 'de', view: 'de', requested: 'de-CH' });
    expect(read('fr-CA')).toEqual({ served: 'en', view: 'en', requested: 'fr-CA' });
  });

  it('refuses a malformed tag with a 400 naming it and the locales served', () => {
    expect(read('de_DE')).toEqual({
      ok: false,
      status: 400,
      message: 'lang must be a BCP 47 language tag such as "de" or "pt-BR", not "de_DE". Languages served: en, de, ja, en-XA, ar-XB.',
    });
    expect(read('<script>')).toMatchObject({ ok: false, status: 400 });
  });

  it('quotes at most 40 characters of a long tag', () => {
    const refused = embedLocale('x'.repeat(100_000), framework);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain(`not "${'x'.repeat(40)}…"`);
    expect(!refused.ok && refused.message.length).toBeLessThan(200);
  });
});

describe('embedWords', () => {
  it('has the server’s words in German and Japanese, and English for a locale without its own', () => {
    expect(embedWords('de').symptoms).toBe('Anzeichen');
    expect(embedWords('de-CH').compared(['A', 'B', 'C'])).toBe('A, B und C im Vergleich');
    expect(embedWords('ja').compared(['A', 'B'])).toBe('A、Bの比較');
    expect(embedWords('en').compared(['A', 'B', 'C'])).toBe('A, B and C compared');
    expect(embedWords('ar-XB')).toEqual(embedWords('en'));
  });
});
