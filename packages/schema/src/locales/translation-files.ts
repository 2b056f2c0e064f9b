import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { LOCALES_DIR } from './read-locales.js';
import type { TranslationItem, TranslationString } from './translation-units.js';
import type { TranslationEdit } from './write-translations.js';

/** A translated string to record, and the item it belongs to. */
export interface TranslationWrite {
  readonly item: TranslationItem;
  readonly string: TranslationString;
  readonly text: string;
  /** The hash to record: the English's as it is now. */
  readonly hash: string;
}

/** The edits one translation file takes; `heading` starts it when it is new. */
export interface PlannedFile {
  readonly file: string;
  readonly exists: boolean;
  readonly heading: string;
  readonly edits: TranslationEdit[];
}

/**
 * Which file each string goes in: the one its translation is in already
 * (unless that is the content's and the item is an overlay's: upstream's
 * translation stays upstream's, and the overlay's own wins over it); else
 * the one its item's other strings are in; else, in the locale folder of the
 * item's locale root, a file that already lists the collection, or a new one
 * named like the English file. An item's strings so stay together, and a
 * string an overlay's translation serves is updated there.
 */
export async function planTranslationFiles(
  tag: string,
  writes: readonly TranslationWrite[],
  contentDir: string,
): Promise<Map<string, PlannedFile>> {
  const content = path.resolve(contentDir);
  const planned = new Map<string, PlannedFile>();
  const keysOf = new Map<string, Promise<Map<string, readonly string[]>>>();
  for (const write of writes) {
    const { item, string } = write;
    const folder = path.join(item.localeRoot, LOCALES_DIR, tag);
    const inFolder = (file: string) => path.dirname(file) === folder;
    const current = string.translation?.file;
    const upstreams = current !== undefined && isInside(current, content) && item.localeRoot !== content;
    let file =
      (upstreams ? undefined : current) ?? item.strings.map((s) => s.translation?.file).find((f) => f !== undefined && inFolder(f));
    if (!file) {
      if (!keysOf.has(folder)) keysOf.set(folder, topLevelKeys(folder));
      const listing = [...(await keysOf.get(folder)!)].find(([, keys]) => keys.includes(item.collection));
      file = listing?.[0] ?? path.join(folder, path.basename(item.englishFile));
    }
    let plan = planned.get(file);
    if (!plan) {
      plan = { file, exists: await isFile(file), heading: headingFor(tag, item.englishFile), edits: [] };
      planned.set(file, plan);
    }
    plan.edits.push({
      collection: item.collection,
      slug: item.slug,
      path: string.path,
      key: string.key,
      text: write.text,
      hash: write.hash,
    });
  }
  return planned;
}

const isInside = (file: string, dir: string) => {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
};

function headingFor(tag: string, englishFile: string): string {
  const name = path.basename(englishFile);
  return `${tag}: translation of ${name}, written by altitude locales import. Slugs, keys and translatedFrom are kept as in the English source.`;
}

/** The top-level keys of each YAML file in a locale folder (none when the folder is new). */
async function topLevelKeys(folder: string): Promise<Map<string, readonly string[]>> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const keys = new Map<string, readonly string[]>();
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort()) {
    const file = path.join(folder, name);
    // The loader has just read and accepted these files.
    const data: unknown = parse(await readFile(file, 'utf8'));
    keys.set(file, data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : []);
  }
  return keys;
}

const isFile = (file: string) =>
  stat(file).then(
    (stats) => stats.isFile(),
    () => false,
  );
