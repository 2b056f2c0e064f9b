import type { RawItem } from '../loader/collect-items.js';
import type { LocaleTranslations, TranslatedString } from './collect-translations.js';
import { sourceHash, translatableStrings } from './translatable.js';

/**
 * Generated locales for testing layouts, as Android and Chromium name them:
 * `en-XA` accents every letter and makes text 40% longer (German runs about
 * that much longer than English), `ar-XB` is right-to-left. Links, code and
 * Markdown syntax are left as they are, so the text still renders.
 */
export const PSEUDO_LOCALES = ['en-XA', 'ar-XB'] as const;

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
);
const FILLER = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Link targets, inline code and bare URLs: kept as written. */
const PROTECTED = /(\]\([^)]*\)|`[^`]*`|https?:\/\/\S+)/;

const accent = (text: string) =>
  text
    .split(PROTECTED)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c)))
    .join('');

function longer(text: string): string {
  const extra: string[] = [];
  for (let length = -1, i = 0; length < text.length * 0.4; i++) {
    const word = FILLER[i % FILLER.length]!;
    extra.push(word);
    length += word.length + 1;
  }
  return `[${accent(text)} ${extra.join(' ')}]`;
}

/** Each word between right-to-left override marks, so the text reads as right-to-left script does. */
const rightToLeft = (text: string) =>
  text
    .split(PROTECTED)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z][A-Za-z'’-]*/g, (word) => `\u202e${word}\u202c`)))
    .join('');

/** The pseudo-locale's translations of every string, made from the English as it is now (so never stale). */
export function pseudoTranslations(
  tag: (typeof PSEUDO_LOCALES)[number],
  items: readonly RawItem[],
  header: Record<string, unknown>,
  headerItem: RawItem | undefined,
): LocaleTranslations {
  const transform = tag === 'en-XA' ? longer : rightToLeft;
  const translations = new Map<string, Map<string, TranslatedString>>();
  const add = (id: string, collection: Parameters<typeof translatableStrings>[0], value: Record<string, unknown>, at: RawItem) =>
    translations.set(
      id,
      new Map(
        translatableStrings(collection, value).map((s) => [
          s.key,
          { text: transform(s.text), from: sourceHash(s.text), yaml: at.yaml, path: [...at.path, ...s.path] },
        ]),
      ),
    );
  for (const item of items)
    if (item.value !== undefined && item.slug !== undefined)
      add(`${item.collection}/${item.slug}`, item.collection, item.value as Record<string, unknown>, item);
  if (headerItem) add('framework/', 'framework', header, headerItem);
  return translations;
}
