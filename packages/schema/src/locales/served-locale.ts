import type { Framework } from '../graph/types.js';
import { fallbackChain, requestedLocale } from './locale-tag.js';

/**
 * The framework a locale asked for is answered in: its own when it is
 * served, else that of the first locale of its fallback chain that is
 * (`de-CH` → `de`, `fr` → `en`). A malformed tag is an ArgumentError naming
 * `locale`. The API, the exports and the embeds all ask here, so a tag gets
 * the same framework wherever it is used.
 */
export function frameworkInLocale(framework: Framework, locale: string): Framework {
  const translations = framework.translations;
  const tag = requestedLocale(locale, [...translations.keys()]);
  for (const candidate of fallbackChain(tag)) {
    const served = translations.get(candidate);
    if (served) return served;
  }
  return framework;
}
