import { parse, stringify } from 'bcp-47';
import { ArgumentError } from '../graph/argument-error.js';

/** The locale the content is written in; every fallback chain ends with it. */
export const SOURCE_LOCALE = 'en';

/** Longer than any tag a locale needs (the longest registered ones run to about 20 characters). */
const MAX_TAG_LENGTH = 35;

/** A well-formed BCP 47 tag in its canonical case (`de-ch` → `de-CH`), or undefined for anything else. */
export function canonicalTag(tag: string): string | undefined {
  if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) return undefined;
  const schema = parse(tag);
  if (!schema.language && !schema.privateuse.length) return undefined;
  // RFC 5646's case conventions: language lower, script title, region upper.
  return stringify({
    ...schema,
    language: schema.language?.toLowerCase() ?? null,
    extendedLanguageSubtags: schema.extendedLanguageSubtags.map((s) => s.toLowerCase()),
    script: schema.script ? schema.script[0]!.toUpperCase() + schema.script.slice(1).toLowerCase() : null,
    region: schema.region?.toUpperCase() ?? null,
    variants: schema.variants.map((v) => v.toLowerCase()),
  });
}

/** The canonical tag of a client's `locale` argument; a malformed one is BAD_USER_INPUT. */
export function requestedLocale(tag: string, available: readonly string[]): string {
  const canonical = canonicalTag(tag);
  if (!canonical)
    throw new ArgumentError(`locale must be a BCP 47 language tag such as "de" or "pt-BR", got ${JSON.stringify(tag.slice(0, 40))}.`, {
      argument: 'locale',
      value: tag.length > MAX_TAG_LENGTH ? tag.length : tag,
      validValues: available,
    });
  return canonical;
}

/**
 * Where strings come from for a tag, most specific first: the tag, its
 * configured fallbacks (or, by default, the tag with its last subtag dropped,
 * again and again: `de-CH-1901` → `de-CH` → `de`), then English.
 */
export function fallbackChain(tag: string, configured: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const chain = [tag];
  const next = configured[tag];
  if (next) chain.push(...next);
  else for (let parts = tag.split('-'); parts.length > 1;) chain.push((parts = parts.slice(0, -1)).join('-'));
  chain.push(SOURCE_LOCALE);
  return [...new Set(chain)];
}
