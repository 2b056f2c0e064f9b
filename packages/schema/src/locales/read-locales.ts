import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { RawItem } from '../loader/collect-items.js';
import type { ContentError } from '../loader/content-error.js';
import { readContentFiles, type ReadContentOptions } from '../loader/read-content-files.js';
import { collectTranslations, type LocaleTranslations, type TranslatedString } from './collect-translations.js';
import { canonicalTag, SOURCE_LOCALE } from './locale-tag.js';

/** The folder, under the content and under each overlay, that holds one folder per locale. */
export const LOCALES_DIR = 'locales';

/**
 * Every locale's translations, from the content's `locales/` and then each
 * overlay's (an overlay's string replaces the content's for the same item and
 * field: a company translates what it amended). Folders not named by a
 * well-formed BCP 47 tag in its canonical case are errors.
 */
export async function readLocales(
  dirs: readonly string[],
  items: readonly RawItem[],
  header: Record<string, unknown>,
  options: ReadContentOptions,
  hidden: ReadonlySet<string> = new Set(),
): Promise<{ locales: Map<string, LocaleTranslations>; errors: ContentError[]; warnings: ContentError[]; files: string[] }> {
  const locales = new Map<string, Map<string, Map<string, TranslatedString>>>();
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const files: string[] = [];
  for (const dir of dirs) {
    const root = path.join(dir, LOCALES_DIR);
    const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory()) continue;
      const where = { file: path.join(root, entry.name), line: 1, column: 1, field: '' };
      const tag = canonicalTag(entry.name);
      if (tag !== entry.name || tag === SOURCE_LOCALE) {
        errors.push({
          ...where,
          message:
            tag === SOURCE_LOCALE
              ? 'English is the source locale: its text is the content itself, not a translation'
              : tag
                ? `name the folder "${tag}", the tag's canonical form`
                : 'not a BCP 47 language tag; name a locale folder like "de", "ja" or "pt-BR"',
        });
        continue;
      }
      const read = await readContentFiles(where.file, options);
      errors.push(...read.errors);
      files.push(...read.files.map((f) => f.file));
      const collected = collectTranslations(read.files, items, header, hidden);
      errors.push(...collected.errors);
      warnings.push(...collected.warnings);
      const into = locales.get(tag) ?? new Map<string, Map<string, TranslatedString>>();
      for (const [id, strings] of collected.translations) into.set(id, new Map([...(into.get(id) ?? []), ...strings]));
      locales.set(tag, into);
    }
  }
  return { locales, errors, warnings, files };
}
