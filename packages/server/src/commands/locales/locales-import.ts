import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  canonicalTag,
  formatContentError,
  mergeTranslations,
  planTranslationFiles,
  readTranslationSet,
  sortContentErrors,
  SOURCE_LOCALE,
  TranslationEditError,
  type ContentError,
  type PlannedFile,
} from '@altitude/schema';
import { parse } from 'yaml';
import { planImport, type PlannedWrite } from './import-plan.js';
import { errorsWith } from './staged-load.js';
import { translatableLocale } from './translatable-locale.js';
import { readXliffFile, type ReadXliff } from './xliff-read.js';

export interface LocalesImportOptions {
  /** The XLIFF file, as the user named it. */
  readonly file: string;
  readonly dryRun: boolean;
  /** Write strings translated from English that has changed since, as translations of the English now. */
  readonly acceptStale: boolean;
  readonly contentDir: string;
  readonly overlays: readonly string[];
  readonly cwd: string;
}

type Io = { out: (s: string) => void; err: (s: string) => void };

/**
 * `altitude locales import FILE`: a vendor's XLIFF 2.0 file read back into
 * the locale's translation files. The file is checked unit by unit, the
 * translation files it changes are made, and the content is loaded with them
 * (so a headline too long is caught as the loader would catch it) before
 * anything is written; then each file is written to a temporary file and
 * renamed over the old one. Any error: nothing is written, exit 1.
 */
export async function runLocalesImport(options: LocalesImportOptions, io: Io): Promise<number> {
  const { cwd } = options;
  const fail = (errors: readonly ContentError[], what: string) => {
    for (const error of sortContentErrors(errors)) io.err(`${formatContentError(error, cwd)}\n`);
    io.err(`altitude: ${errors.length} error${errors.length === 1 ? '' : 's'} ${what}; nothing written\n`);
    return 1;
  };

  const read = await readXliffFile(path.resolve(cwd, options.file));
  if (!read.ok) return fail(read.errors, `in ${options.file}`);
  const locale = targetLocale(read.xliff);
  if ('error' in locale) return fail([locale.error], `in ${options.file}`);

  const set = await readTranslationSet(options.contentDir, locale.tag, { cwd, overlays: options.overlays });
  if (!set.ok) return fail(set.errors, 'in the content; run `altitude check` after fixing them');
  const plan = planImport(read.xliff, set.items, { acceptStale: options.acceptStale });
  if (plan.errors.length > 0) return fail(plan.errors, `in ${options.file}`);

  const planned = await planTranslationFiles(locale.tag, plan.writes, options.contentDir);
  const dependency = [...planned.keys()].find((file) => file.split(path.sep).includes('node_modules'));
  if (dependency) {
    io.err(
      `altitude: the translations would be written to ${path.relative(cwd, dependency)}, inside node_modules, where an upgrade would lose them; give your overlay (--overlay DIR) and they go into its locales/ folder; nothing written\n`,
    );
    return 1;
  }
  const texts = new Map<string, string>();
  const editErrors: ContentError[] = [];
  for (const file of planned.values()) {
    try {
      texts.set(file.file, mergeTranslations(file.exists ? await readFile(file.file, 'utf8') : undefined, file.edits, file.heading));
    } catch (error) {
      if (!(error instanceof TranslationEditError)) throw error;
      editErrors.push({ file: file.file, line: 1, column: 1, field: '', message: `cannot record the translations here: ${error.message}` });
    }
  }
  if (editErrors.length > 0) return fail(editErrors, 'in the translation files');
  const loadErrors = texts.size === 0 ? [] : await errorsWith(texts, { contentDir: options.contentDir, overlays: options.overlays, cwd });
  if (loadErrors.length > 0)
    return fail(
      loadErrors.map((error) => atUnit(error, texts, plan.writes, read.xliff.file)),
      `if ${options.file} were imported`,
    );

  for (const refusal of plan.refused) io.err(`${formatContentError(refusal, cwd)}\n`);
  if (!options.dryRun) await replaceFiles(texts);
  io.out(summary(locale.tag, options, plan, [...planned.values()], cwd));
  return 0;
}

/**
 * A loader error in a translation file the import would write, told at the
 * unit whose target caused it (`fr.xlf:120:7 levels/staff
 * expectations.time-horizon.headline: must be at most 60 characters`): the
 * file may not exist yet, and the fix belongs in the vendor's file.
 */
function atUnit(error: ContentError, texts: ReadonlyMap<string, string>, writes: readonly PlannedWrite[], xliffFile: string): ContentError {
  const text = texts.get(error.file);
  if (text === undefined) return error;
  const at = [...error.field.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] === undefined ? m[2]! : Number(m[1])));
  const [collection, index, ...rest] = at;
  const header = collection === 'framework';
  const entry: unknown = header ? undefined : (parse(text) as Record<string, unknown[]> | null)?.[String(collection)]?.[index as number];
  const slug = entry && typeof entry === 'object' && 'slug' in entry ? String(entry.slug) : undefined;
  const key = formatKey(header ? [index!, ...rest] : rest);
  const write = writes.find(
    (w) => w.item.collection === collection && (header ? w.item.slug === undefined : w.item.slug === slug) && w.string.key === key,
  );
  if (!write) return error;
  const field = header ? `framework ${key}` : `${String(collection)}/${slug} ${key}`;
  return { file: xliffFile, line: write.unit.line, column: write.unit.column, field, message: error.message };
}

/** `['expectations', 'time-horizon', 'text']` → `expectations.time-horizon.text`, as translatedFrom keys are written. */
const formatKey = (path: readonly (string | number)[]) =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

/** The locale a file translates into, from its trgLang; its srcLang must be English. */
function targetLocale(xliff: ReadXliff): { tag: string } | { error: ContentError } {
  const at = (message: string): { error: ContentError } => ({
    error: { file: xliff.file, line: xliff.line, column: xliff.column, field: 'xliff', message },
  });
  const source = xliff.srcLang === undefined ? undefined : canonicalTag(xliff.srcLang);
  if (source?.split('-')[0] !== SOURCE_LOCALE)
    return at(`srcLang must be "en", the language the content is written in, got ${JSON.stringify(xliff.srcLang ?? '')}`);
  if (xliff.trgLang === undefined) return at('trgLang is missing: it names the locale the file translates into, e.g. trgLang="fr"');
  const target = translatableLocale(xliff.trgLang);
  return target.ok ? { tag: target.tag } : at(`trgLang ${target.problem}`);
}

/**
 * Every file written to a temporary file beside it first, then each renamed
 * over its old self: a failure while writing leaves every file as it was,
 * and no reader ever sees half a file.
 */
async function replaceFiles(texts: ReadonlyMap<string, string>): Promise<void> {
  const temporary = new Map<string, string>();
  try {
    for (const [file, text] of texts) {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      temporary.set(file, temp);
      const mode = await stat(file).then(
        (s) => s.mode & 0o777,
        () => 0o644,
      );
      await writeFile(temp, text, { mode, flush: true });
    }
  } catch (error) {
    await Promise.all([...temporary.values()].map((temp) => rm(temp, { force: true })));
    throw error;
  }
  for (const [file, temp] of temporary) await rename(temp, file);
}

function summary(
  tag: string,
  options: LocalesImportOptions,
  plan: ReturnType<typeof planImport>,
  files: readonly PlannedFile[],
  cwd: string,
): string {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  const written = plan.writes.length;
  const head = options.dryRun
    ? `Dry run, nothing written: importing ${options.file} would write ${n(written, 'string')} for ${tag}`
    : `Imported ${options.file} into ${tag}: ${n(written, 'string')} written`;
  const lines = [
    `${head}, ${plan.unchanged} unchanged, ${plan.refused.length} refused as stale, ${plan.empty} without a target.`,
    ...files.map((f) => `  ${path.relative(cwd, f.file) || f.file}: ${n(f.edits.length, 'string')}${f.exists ? '' : ' (new file)'}`),
  ];
  return `${lines.join('\n')}\n`;
}
