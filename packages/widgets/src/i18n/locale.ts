/** The locale the content is written in and the widgets' words are built in. */
export const SOURCE_LOCALE = 'en';

/** The API refuses longer tags; no locale needs one. */
const MAX_TAG_LENGTH = 35;

/**
 * The locale to ask the API for: the canonical BCP 47 tag of a `lang` value
 * (`de-ch` → `de-CH`), without extensions (`-u-…`, `-x-…`) that no content
 * varies by; English for an empty, malformed or oversized one, so that a
 * page's typo never becomes an API error.
 */
export function requestedLocale(lang: string | null | undefined): string {
  if (lang && lang.length <= 4 * MAX_TAG_LENGTH) {
    try {
      const tag = new Intl.Locale(lang.trim()).baseName;
      if (tag.length <= MAX_TAG_LENGTH) return tag;
    } catch {
      // Not a language tag: English, as for no lang at all.
    }
  }
  return SOURCE_LOCALE;
}

/** The tag, then each shorter one (`de-CH-1901` → `de-CH` → `de`), as the API falls back. */
export function localeChain(tag: string): string[] {
  const subtags = tag.split('-');
  return subtags.map((_, i) => subtags.slice(0, subtags.length - i).join('-'));
}

/** Whether text in `locale` needs no `lang` of its own where `context` is in effect: `de` reads fine in a `de-CH` page. */
export const covers = (context: string, locale: string): boolean => context === locale || context.startsWith(`${locale}-`);

interface TextInfo {
  readonly direction?: string;
}

/** Languages written right to left, for engines without Intl.Locale text info. */
const RIGHT_TO_LEFT = /^(?:ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)(?:-|$)/;

/** The direction text in the locale runs: from Intl where the engine knows it, else from the language. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo };
    const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
  } catch {
    // Falls through to the list.
  }
  return RIGHT_TO_LEFT.test(tag) ? 'rtl' : 'ltr';
}

/**
 * The `lang` in effect at an element, found as the platform finds it: its own
 * attribute, else the nearest ancestor's, crossing from a shadow root to its
 * host, up to `<html>`; null when nothing sets one. Also the `dir` the page
 * set on the way (on the element, or between it and that `lang`), if any,
 * which the widget then leaves alone.
 */
export function languageAt(element: Element): { lang: string | null; dir: string | null } {
  let dir: string | null = null;
  // A server render's elements have no parents: only the element's own attributes count there.
  for (let node: Element | null | undefined = element; node; node = node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host) {
    dir ??= node.getAttribute('dir');
    const lang = node.getAttribute('lang');
    if (lang !== null) return { lang, dir };
  }
  return { lang: null, dir };
}

/** Names joined as the language lists them: "A, B and C", "A, B und C", "A、B、C". */
export function listOf(names: readonly string[], locale: string): string {
  // The widgets' English is British, as the content is: no comma before "and".
  return new Intl.ListFormat(locale === SOURCE_LOCALE ? 'en-GB' : locale, { type: 'conjunction' }).format(names);
}
