import { ArgumentError } from '../graph/argument-error.js';
import type { Framework } from '../graph/types.js';
import { canonicalTag } from '../locales/locale-tag.js';

/** The most locales one CSV adds columns for: each adds one column per translatable column. */
export const MAX_LOCALE_COLUMNS = 10;

/** A tag is at most 35 characters (canonicalTag's limit); a longer list is refused before it is split. */
const MAX_LIST_LENGTH = MAX_LOCALE_COLUMNS * 36;

/**
 * The suffix of a locale's columns, as SAP SuccessFactors names them
 * (`title.de_DE`): the language, an underscore and the region. A tag without
 * a region takes its likely one (Unicode's likely subtags, via
 * Intl.Locale#maximize): `de` → `de_DE`, `ja` → `ja_JP`, `en` → `en_US`,
 * `zh-Hant` → `zh_TW`. A tag with a region keeps it (`pt-BR` → `pt_BR`,
 * `en-XA` → `en_XA`).
 */
export function localeColumnSuffix(tag: string): string {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    // A private-use tag (x-…) is well-formed BCP 47 but no Intl locale.
    return tag.replace(/-/g, '_');
  }
  const region = locale.region ?? locale.maximize().region;
  return region ? `${locale.language}_${region}` : locale.language;
}

const refuse = (message: string, value: string | number, served: readonly string[]): never => {
  throw new ArgumentError(message, { argument: 'locale-columns', value, validValues: served });
};

/**
 * The frameworks to add CSV columns for, from a comma-separated list of
 * tags: each must be a locale served as it is (a column named de_DE holds
 * German or nothing, never a fallback), at most MAX_LOCALE_COLUMNS of them,
 * and no two may give the same column names.
 */
export function localeColumnFrameworks(framework: Framework, list: string): Framework[] {
  const served = [...framework.translations.keys()];
  if (list.length > MAX_LIST_LENGTH)
    refuse(`at most ${MAX_LOCALE_COLUMNS} locales, comma-separated, e.g. "de,ja"; got ${list.length} characters`, list.length, served);
  const tags = list
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (tags.length === 0) refuse(`name at least one locale, e.g. "de,ja"; served: ${served.join(', ')}`, list, served);
  if (tags.length > MAX_LOCALE_COLUMNS) refuse(`at most ${MAX_LOCALE_COLUMNS} locales; got ${tags.length}`, tags.length, served);
  const bySuffix = new Map<string, string>();
  return tags.map((given) => {
    const tag = canonicalTag(given);
    if (!tag) return refuse(`${JSON.stringify(given.slice(0, 40))} is not a BCP 47 language tag such as "de" or "pt-BR"`, given, served);
    const localised = framework.translations.get(tag);
    if (!localised) return refuse(`${tag} is not served; served: ${served.join(', ')}`, tag, served);
    const suffix = localeColumnSuffix(tag);
    const twin = bySuffix.get(suffix);
    if (twin !== undefined) refuse(`${twin} and ${tag} would both be columns ending .${suffix}; name each once`, tag, served);
    bySuffix.set(suffix, tag);
    return localised;
  });
}
