import path from 'node:path';
import { formatContentError, readTranslationSet } from '@altitude/schema';
import writeFileAtomic from 'write-file-atomic';
import { translatableLocale } from './translatable-locale.js';
import { writeXliff } from './xliff-write.js';

export interface LocalesExportOptions {
  /** The locale to translate into, as the user typed it. */
  readonly locale: string;
  /** Every string, not only the missing and stale ones. */
  readonly all: boolean;
  readonly out?: string;
  readonly contentDir: string;
  readonly overlays: readonly string[];
  readonly cwd: string;
}

/**
 * `altitude locales export --locale fr`: an XLIFF 2.0 file for a translation
 * vendor with the strings the locale lacks or has stale (`--all`: every
 * string), to stdout or, atomically, to `--out`.
 */
export async function runLocalesExport(
  options: LocalesExportOptions,
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const tag = translatableLocale(options.locale);
  if (!tag.ok) {
    io.err(`altitude: --locale ${tag.problem}\n`);
    return 2;
  }
  const set = await readTranslationSet(options.contentDir, tag.tag, { cwd: options.cwd, overlays: options.overlays });
  if (!set.ok) {
    for (const error of set.errors) io.err(`${formatContentError(error, options.cwd)}\n`);
    io.err(
      `altitude: the content has ${set.errors.length} error${set.errors.length === 1 ? '' : 's'}; run \`altitude check\` after fixing them\n`,
    );
    return 1;
  }
  const total = set.items.reduce((n, item) => n + item.strings.length, 0);
  const { xml, counts, units } = await writeXliff(tag.tag, set.items, { all: options.all });
  if (xml === undefined) {
    io.err(
      `${tag.tag}: nothing to translate: all ${total} strings are translated from the English as it is now (--all exports them all); nothing written\n`,
    );
    return 0;
  }
  const what = `${units} string${units === 1 ? '' : 's'} for ${tag.tag} (${counts.missing} missing, ${counts.stale} stale, ${counts.translated} translated)`;
  if (!options.out) {
    io.out(xml.endsWith('\n') ? xml : `${xml}\n`);
    io.err(`Exported ${what}\n`);
    return 0;
  }
  const file = path.resolve(options.cwd, options.out);
  try {
    await writeFileAtomic(file, xml.endsWith('\n') ? xml : `${xml}\n`);
  } catch (error) {
    io.err(`altitude: cannot write ${options.out} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return 1;
  }
  io.err(`Wrote ${path.relative(options.cwd, file) || file}: ${what}\n`);
  return 0;
}
