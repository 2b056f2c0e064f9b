import { describe, expect, it } from 'vitest';
import { covers, directionOf, listOf, localeChain, requestedLocale } from './locale.js';

describe('the locale a widget asks for', () => {
  it('is the canonical tag of its lang, without extensions', () => {
    expect(requestedLocale('de')).toBe('de');
    expect(requestedLocale('de-ch')).toBe('de-CH');
    expect(requestedLocale(' zh-hant-tw ')).toBe('zh-Hant-TW');
    expect(requestedLocale('en-XA')).toBe('en-XA');
    expect(requestedLocale('de-DE-u-co-phonebk-x-private')).toBe('de-DE');
  });

  it('is English for no lang, an empty, malformed or oversized one', () => {
    for (const lang of [
      null,
      undefined,
      '',
      ' ',
      'en_US',
      'not a tag',
      '12',
      'x-private',
      `de-${'a'.repeat(200)}`,
      'de-' + 'abcdefgh-'.repeat(5) + 'x',
    ])
      expect(requestedLocale(lang), String(lang)).toBe('en');
  });
});

describe('locale chains and coverage', () => {
  it('fall back one subtag at a time, as the API does', () => {
    expect(localeChain('de-CH-1901')).toEqual(['de-CH-1901', 'de-CH', 'de']);
    expect(localeChain('ja')).toEqual(['ja']);
  });

  it('let a more specific language cover its parent, not the reverse', () => {
    expect(covers('de-CH', 'de')).toBe(true);
    expect(covers('de', 'de')).toBe(true);
    expect(covers('de', 'de-CH')).toBe(false);
    expect(covers('de', 'en')).toBe(false);
    // A prefix of letters is not a parent language.
    expect(covers('den', 'de')).toBe(false);
  });
});

describe('the direction of a language', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-XB', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['en', 'ltr'],
    ['en-XA', 'ltr'],
    ['de', 'ltr'],
    ['ja', 'ltr'],
  ])('%s runs %s', (tag, direction) => {
    expect(directionOf(tag)).toBe(direction);
  });
});

describe('lists of names', () => {
  it('are joined as each language joins them; English as the content writes it, without a serial comma', () => {
    expect(listOf(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(listOf(['A', 'B', 'C'], 'de')).toBe('A, B und C');
    expect(listOf(['A', 'B'], 'ja')).toMatch(/^A.+B$/);
  });
});
