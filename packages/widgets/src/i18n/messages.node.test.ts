import { describe, expect, it } from 'vitest';
import { de } from './locales/de.js';
import { ja } from './locales/ja.js';
import { pseudoCatalogue } from './locales/pseudo.js';
import { say, type Message, type Translation } from './messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
// The compiler checks that each catalogue has every English message and no other; German's keys are the list.
const english = Object.keys(de) as Message[];

describe.each([
  ['de', de],
  ['ja', ja],
] as [string, Translation][])('the %s catalogue', (_locale, catalogue) => {
  it('keeps every placeholder of the English, and no other', () => {
    const wrong = english.filter((key) => placeholders(catalogue[key]).join() !== placeholders(key).join());
    expect(wrong).toEqual([]);
  });

  it('says every message, none left in English but the ones that are the same word', () => {
    const untranslated = english.filter((key) => catalogue[key].trim() === '' || catalogue[key] === key);
    // "Dimension" is German too.
    expect(untranslated).toEqual(catalogue === de ? ['Dimension'] : []);
  });

  it('keeps markup and what a page writes (attribute names, <meta>) as they are in code', () => {
    expect(
      catalogue['No endpoint: set the endpoint attribute or <meta name="altitude-endpoint"> (the script was loaded from {script}).'],
    ).toContain('<meta name="altitude-endpoint">');
    expect(catalogue['theme must be "light" or "dark", not "{value}".']).toMatch(/^theme .*light.*dark/);
  });
});

describe('saying a message', () => {
  it('fills in its values once, in the catalogue’s language, English where the catalogue has no such message', () => {
    expect(say(de, { key: 'From {level}', values: { level: 'Staff' } })).toBe('Von Staff');
    expect(say({}, { key: 'From {level}', values: { level: 'Staff' } })).toBe('From Staff');
    expect(say(undefined, { key: 'Symptoms' })).toBe('Symptoms');
    // A value that looks like a placeholder is shown as written, not filled in again.
    expect(say(de, { key: 'From {level}', values: { level: '{level}' } })).toBe('Von {level}');
    expect(say(de, { key: 'Unknown level "{slug}". Valid levels: {valid}.', values: { slug: 'x' } })).toBe(
      'Unbekannte Stufe „x“. Gültige Stufen: {valid}.',
    );
  });
});

describe('the pseudo-locales', () => {
  it('en-XA accents every letter and runs about 40% longer, placeholders and markup untouched', () => {
    const xa = pseudoCatalogue('en-XA');
    const said = xa('Loading {widget}…');
    expect(said).toMatch(/^\[Ļöåđîñĝ \{widget\}… [a-z ]+\]$/);
    for (const key of english) {
      const text = xa(key);
      expect(text.length, key).toBeGreaterThanOrEqual(key.length * 1.4);
      expect(placeholders(text), key).toEqual(placeholders(key));
      expect(text.replace(/\{\w+\}|<[^>]*>|\] ?[a-z ]*\]$| [a-z ]+\]$/g, ''), key).not.toMatch(/[A-Za-z]{2}/);
    }
    expect(
      xa('No endpoint: set the endpoint attribute or <meta name="altitude-endpoint"> (the script was loaded from {script}).'),
    ).toContain('<meta name="altitude-endpoint">');
  });

  it('ar-XB runs each word right to left, placeholders untouched', () => {
    const xb = pseudoCatalogue('ar-XB');
    expect(xb('Up from {level}: ')).toBe('\u202eUp\u202c \u202efrom\u202c {level}: ');
    for (const key of english) expect(placeholders(xb(key)), key).toEqual(placeholders(key));
  });
});
