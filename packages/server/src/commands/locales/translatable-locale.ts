import { canonicalTag, PSEUDO_LOCALES, SOURCE_LOCALE } from '@altitude/schema';

/**
 * A locale translators can work on, in its canonical form (`pt-br` →
 * `pt-BR`), or why not: a malformed tag, English (the source), or a
 * pseudo-locale (generated from the English, never translated).
 */
export function translatableLocale(tag: string | undefined): { ok: true; tag: string } | { ok: false; problem: string } {
  const shown = JSON.stringify((tag ?? '').slice(0, 40));
  const canonical = tag === undefined ? undefined : canonicalTag(tag);
  if (!canonical) return { ok: false, problem: `must be a BCP 47 language tag such as "fr" or "pt-BR", got ${shown}` };
  if (canonical === SOURCE_LOCALE) return { ok: false, problem: 'cannot be "en": English is the source the other locales translate' };
  if ((PSEUDO_LOCALES as readonly string[]).includes(canonical))
    return { ok: false, problem: `cannot be "${canonical}": it is generated from the English for testing layouts, not translated` };
  return { ok: true, tag: canonical };
}
