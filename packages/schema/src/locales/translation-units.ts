import path from 'node:path';
import { z } from 'zod';
import type { Framework } from '../graph/types.js';
import { collectItems, type RawItem } from '../loader/collect-items.js';
import type { ContentError } from '../loader/content-error.js';
import type { PathSegment } from '../loader/field-path.js';
import { loadFramework, type LoadOptions } from '../loader/load-framework.js';
import { readOverlays, resolveOverlays } from '../loader/overlay/resolve-overlays.js';
import { readContentFiles } from '../loader/read-content-files.js';
import { schemaAt } from '../loader/schema-at.js';
import { collections, FrameworkMeta, type CollectionName } from '../model/index.js';
import { collectLocales, readLocaleFiles } from './read-locales.js';
import { sourceHash, translatableStrings } from './translatable.js';

/** Where a locale stands on one English string: no translation, one made from older English, or an up-to-date one. */
export type TranslationState = 'missing' | 'stale' | 'translated';

/** One English string a locale translates, with what the locale has for it now. */
export interface TranslationString {
  /** As translation files write it: `expectations.time-horizon.headline`, `symptoms[2]`. */
  readonly key: string;
  /** Where it is inside its item. */
  readonly path: readonly PathSegment[];
  readonly source: string;
  /** What `translatedFrom` records for it: the first 12 hex digits of the sha256 of `source`. */
  readonly hash: string;
  readonly state: TranslationState;
  /** The locale's own translation, stale or not, and the file it is written in. */
  readonly translation: { readonly text: string; readonly from: string; readonly file: string } | undefined;
  /** What the field holds, from the content model: context for a translator. */
  readonly description: string | undefined;
  /** The most characters the field takes (a headline's 60), when the model limits it. */
  readonly maxLength: number | undefined;
}

/** An item, or the framework header, and its strings in the order the English gives them. */
export interface TranslationItem {
  readonly collection: CollectionName | 'framework';
  /** Undefined for the framework header. */
  readonly slug: string | undefined;
  /**
   * The folder whose `locales/` takes its translations when it has none yet:
   * the content's, or the last overlay's for an item an overlay adds or
   * amends (a company translates what it wrote) and for every item when the
   * content is a dependency inside node_modules.
   */
  readonly localeRoot: string;
  /** The English file it is written in; a new translation file takes its name. */
  readonly englishFile: string;
  readonly strings: readonly TranslationString[];
}

export type TranslationSetResult =
  | { readonly ok: true; readonly items: readonly TranslationItem[]; readonly framework: Framework }
  | { readonly ok: false; readonly errors: readonly ContentError[] };

/**
 * Every string a locale translates, with its English, its hash and where the
 * locale stands on it, for translation vendors' files. The content is loaded
 * (and must be valid) first; then its items are read once more as written,
 * since the built framework keeps only the text it serves, and a vendor
 * revising a stale translation needs that translation and the file it is in.
 */
export async function readTranslationSet(contentDir: string, tag: string, options: LoadOptions = {}): Promise<TranslationSetResult> {
  const loaded = await loadFramework(contentDir, options);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const dir = path.resolve(contentDir);
  const cwd = options.cwd ?? process.cwd();
  const overlayDirs = (options.overlays ?? []).map((o) => path.resolve(cwd, o));

  const { files } = await readContentFiles(dir, options);
  const collected = collectItems(files);
  const headerFile = collected.headers[0]!;
  let items: readonly RawItem[] = collected.items;
  let origins = new Map<string, 'added' | 'amended'>();
  let hidden = new Set<string>();
  let header = headerFile.value as unknown as Record<string, unknown>;
  let headerAmended = false;
  if (overlayDirs.length > 0) {
    // The same steps as the loader's, on content it has just accepted.
    const { overlays } = await readOverlays(overlayDirs, options);
    const { state } = resolveOverlays(loaded.framework.upstream!, collected, overlays);
    items = state.items;
    origins = new Map([...state.provenance].map(([key, p]) => [key, p.origin]));
    hidden = new Set(state.hidden.keys());
    const titled = [...overlays].reverse();
    const title = titled.find((o) => o.header?.value.title)?.header?.value.title;
    const summary = titled.find((o) => o.header?.value.summary)?.header?.value.summary;
    headerAmended = title !== undefined || summary !== undefined;
    header = { ...header, title: title ?? header.title, summary: summary ?? header.summary };
  }

  const read = await readLocaleFiles([dir, ...overlayDirs], options);
  const { locales } = collectLocales(read, items, header, hidden);
  const translations = locales.get(tag);
  const lastOverlay = overlayDirs.at(-1);
  // Content inside node_modules is a dependency an upgrade replaces: with an overlay, everything is translated there.
  const dependency = dir.split(path.sep).includes('node_modules');

  const describe = (
    collection: CollectionName | 'framework',
    slug: string | undefined,
    value: Record<string, unknown>,
    englishFile: string,
    own: boolean,
  ): TranslationItem => {
    const written = translations?.get(`${collection}/${slug ?? ''}`);
    const strings = translatableStrings(collection, value).map((string): TranslationString => {
      const hash = sourceHash(string.text);
      const existing = written?.get(string.key);
      return {
        key: string.key,
        path: string.path,
        source: string.text,
        hash,
        state: existing ? (existing.from === hash ? 'translated' : 'stale') : 'missing',
        translation: existing && { text: existing.text, from: existing.from, file: existing.yaml.file },
        ...fieldContext(collection, string.path),
      };
    });
    return { collection, slug, localeRoot: (own || dependency) && lastOverlay ? lastOverlay : dir, englishFile, strings };
  };

  return {
    ok: true,
    framework: loaded.framework,
    items: [
      describe('framework', undefined, header, headerFile.yaml.file, headerAmended),
      ...items
        .filter((item) => item.slug !== undefined && item.value !== undefined)
        .map((item) =>
          describe(
            item.collection,
            item.slug,
            item.value as Record<string, unknown>,
            item.yaml.file,
            origins.has(`${item.collection}/${item.slug}`),
          ),
        ),
    ],
  };
}

type AnySchema = z.core.$ZodType;

/** The model's description and length limit for a string: a list's entries take the list's description. */
function fieldContext(
  collection: CollectionName | 'framework',
  at: readonly PathSegment[],
): Pick<TranslationString, 'description' | 'maxLength'> {
  const root: AnySchema = collection === 'framework' ? FrameworkMeta : collections[collection];
  const field = schemaAt(root, at);
  const described = typeof at.at(-1) === 'number' ? schemaAt(root, at.slice(0, -1)) : field;
  const checks = (field?._zod.def as { checks?: readonly AnySchema[] } | undefined)?.checks ?? [];
  const max = checks
    .map((check) => check._zod.def as unknown as { check: string; maximum?: number })
    .find((def) => def.check === 'max_length')?.maximum;
  return { description: described && z.globalRegistry.get(described)?.description, maxLength: max };
}
