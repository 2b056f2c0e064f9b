import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { RawItem } from '../loader/collect-items.js';
import type { ContentError } from '../loader/content-error.js';
import { readContentFiles, type ContentFileText, type ReadContentOptions } from '../loader/read-content-files.js';
import { collectTranslations, type LocaleTranslations, type TranslatedString } from './collect-translations.js';
import { canonicalTag, SOURCE_LOCALE } from './locale-tag.js';

/** The folder, under the content and under each overlay, that holds one folder per locale. */
export const LOCALES_DIR = 'locales';

/** One locale folder's files as read, before they are checked against the content. */
export interface LocaleFolder {
  readonly tag: string;
  readonly files: readonly ContentFileText[];
}

/** The translation files as read: started before the content is parsed, since the reads wait on the disk. */
export interface LocaleFiles {
  readonly folders: readonly LocaleFolder[];
  readonly errors: readonly ContentError[];
}

/**
 * Reads the locale folders under the content's `locales/` and then each
 * overlay's. Folders not named by a well-formed BCP 47 tag in its canonical
 * case are errors.
 */
export async function readLocaleFiles(dirs: readonly string[], options: ReadContentOptions): Promise<LocaleFiles> {
  const errors: ContentError[] = [];
  const pending: { tag: string; read: ReturnType<typeof readContentFiles> }[] = [];
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
      pending.push({ tag, read: readContentFiles(where.file, options) });
    }
  }
  const folders: LocaleFolder[] = [];
  for (const { tag, read } of pending) {
    const { files, errors: readErrors } = await read;
    errors.push(...readErrors);
    folders.push({ tag, files });
  }
  return { folders, errors };
}

/**
 * Every locale's translations, checked against the items they translate: an
 * overlay's string replaces the content's for the same item and field (a
 * company translates what it amended).
 */
export function collectLocales(
  read: LocaleFiles,
  items: readonly RawItem[],
  header: Record<string, unknown>,
  hidden: ReadonlySet<string> = new Set(),
): { locales: Map<string, LocaleTranslations>; errors: ContentError[]; warnings: ContentError[]; files: string[] } {
  const locales = new Map<string, Map<string, Map<string, TranslatedString>>>();
  const errors: ContentError[] = [...read.errors];
  const warnings: ContentError[] = [];
  const files: string[] = [];
  for (const { tag, files: texts } of read.folders) {
    files.push(...texts.map((f) => f.file));
    const collected = collectTranslations(texts, items, header, hidden);
    errors.push(...collected.errors);
    warnings.push(...collected.warnings);
    const into = locales.get(tag) ?? new Map<string, Map<string, TranslatedString>>();
    for (const [id, strings] of collected.translations) into.set(id, new Map([...(into.get(id) ?? []), ...strings]));
    locales.set(tag, into);
  }
  return { locales, errors, warnings, files };
}
