import type { z } from 'zod';
import type { RawItem } from '../loader/collect-items.js';
import type { ContentError } from '../loader/content-error.js';
import { formatFieldPath, type PathSegment } from '../loader/field-path.js';
import { collections } from '../model/index.js';
import type { LocaleTranslations } from './collect-translations.js';
import { sourceHash, translatableStrings } from './translatable.js';

/** A string served from another locale than the one asked for, and why. */
export interface Fallback {
  readonly field: string;
  readonly locale: string;
  readonly reason: 'missing' | 'stale';
}

/** How much of a locale's own files cover the English: per string, over the whole framework. */
export interface Coverage {
  translated: number;
  stale: number;
  missing: number;
}

export interface TranslatedContent {
  readonly items: RawItem[];
  readonly header: Record<string, unknown>;
  /** Keyed `<collection>/<slug>` (`framework/` for the header). */
  readonly fallbacks: ReadonlyMap<string, readonly Fallback[]>;
  /** Per collection (and `framework`), for the locale asked for alone. */
  readonly coverage: ReadonlyMap<string, Coverage>;
  readonly errors: ContentError[];
}

function setAt(target: unknown, path: readonly PathSegment[], value: string): void {
  let at = target as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) at = at[segment] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
}

/**
 * The content in a locale: every string the framework translates taken from
 * the first locale of the chain whose translation was made from the English
 * as it is now, else the English. A stale or missing string is never a blank:
 * it falls back, and the fallback is recorded so the reader can be told.
 */
export function translateContent(
  items: readonly RawItem[],
  header: Record<string, unknown>,
  chain: readonly string[],
  byLocale: ReadonlyMap<string, LocaleTranslations>,
  options: { readonly validate: boolean },
): TranslatedContent {
  const fallbacks = new Map<string, Fallback[]>();
  const coverage = new Map<string, Coverage>();
  const errors: ContentError[] = [];
  const requested = chain[0]!;

  const translate = (collection: string, slug: string, source: Record<string, unknown>) => {
    const id = `${collection}/${slug}`;
    const value = structuredClone(source);
    const served = new Map<string, { locale: string; at?: { yaml: RawItem['yaml']; path: readonly PathSegment[] } }>();
    const counts = coverage.get(collection) ?? { translated: 0, stale: 0, missing: 0 };
    coverage.set(collection, counts);
    const fell: Fallback[] = [];
    for (const string of translatableStrings(collection as 'framework', source)) {
      const hash = sourceHash(string.text);
      let reason: Fallback['reason'] = 'missing';
      let done = false;
      for (const [i, locale] of chain.entries()) {
        const translated = byLocale.get(locale)?.get(id)?.get(string.key);
        if (i === 0) counts[translated ? (translated.from === hash ? 'translated' : 'stale') : 'missing']++;
        if (!translated) continue;
        if (translated.from !== hash) {
          if (i === 0) reason = 'stale';
          continue;
        }
        setAt(value, string.path, translated.text);
        served.set(string.key, { locale, at: { yaml: translated.yaml, path: translated.path } });
        if (i > 0) fell.push({ field: string.key, locale, reason });
        done = true;
        break;
      }
      if (!done && requested !== 'en') fell.push({ field: string.key, locale: 'en', reason });
    }
    if (fell.length) fallbacks.set(id, fell);
    return { value, served };
  };

  const translatedItems = items.map((item): RawItem => {
    if (item.value === undefined || item.slug === undefined) return item;
    const { value, served } = translate(item.collection, item.slug, item.value as Record<string, unknown>);
    if (options.validate) {
      // A translation can break what the English keeps (a headline of at most 60 characters).
      const result = (collections[item.collection] as z.ZodType).safeParse(value);
      if (!result.success)
        for (const issue of result.error.issues) {
          const key = formatFieldPath(issue.path.filter((p): p is PathSegment => typeof p !== 'symbol'));
          const at = served.get(key)?.at;
          if (at) errors.push(at.yaml.errorAt(at.path, issue.message));
        }
    }
    return { ...item, raw: value, value };
  });
  const { value: translatedHeader } = translate('framework', '', header);
  return { items: translatedItems, header: translatedHeader, fallbacks, coverage, errors };
}
