import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { buildFramework, type Resolution } from '../graph/build-framework.js';
import { UPSTREAM_VIEW, type Framework, type LocaleInfo } from '../graph/types.js';
import type { FrameworkMetaInput } from '../model/index.js';
import type { Release } from '../releases/release-model.js';
import type { Coverage, TranslatedContent } from '../locales/apply-translations.js';
import { translateContent } from '../locales/apply-translations.js';
import { fallbackChain, SOURCE_LOCALE } from '../locales/locale-tag.js';
import { PSEUDO_LOCALES, pseudoTranslations } from '../locales/pseudo-locales.js';
import { translatableStrings } from '../locales/translatable.js';
import { LocaleFrameworks } from '../graph/locale-frameworks.js';
import { collectLocales, readLocaleFiles, type LocaleFiles } from '../locales/read-locales.js';
import { checkReferences } from './check-references.js';
import { collectItems, type CollectedContent, type RawItem } from './collect-items.js';
import { readOverlays, resolveOverlays } from './overlay/resolve-overlays.js';
import type { Pin } from './overlay/apply-overlay.js';
import { ContentValidationError, sortContentErrors, type ContentError } from './content-error.js';
import { readContentFiles, refusalOf, type ReadContentOptions } from './read-content-files.js';
import { readReleases, RELEASES_DIR } from '../releases/read-releases.js';

export interface LoadOptions extends ReadContentOptions {
  /** Directory used to print relative paths in messages; defaults to the process's. */
  readonly cwd?: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  /** Fallbacks per locale instead of dropping subtags (`{ "de-CH": ["de-AT", "de"] }`); English always ends a chain. */
  readonly localeFallbacks?: Readonly<Record<string, readonly string[]>>;
  /** Let amendments lack basedOn: `altitude overlay pin` is about to record it. */
  readonly basedOnOptional?: boolean;
  /**
   * The most items any collection may hold, instead of MAX_COLLECTION_ITEMS:
   * for generated frameworks in benchmarks. The API's root lists promise the defaults.
   */
  readonly maxCollectionItems?: number;
}

export type LoadResult =
  | {
      readonly ok: true;
      readonly framework: Framework;
      /** Problems that do not stop the framework being served (an amendment upstream has moved on from). */
      readonly warnings: readonly ContentError[];
      /** Each amending or hiding overlay entry with the hash of the item it applies to now. */
      readonly pins: readonly Pin[];
    }
  | { readonly ok: false; readonly errors: readonly ContentError[] };

/**
 * Reads every YAML file in `contentDir` and returns the framework graph, or
 * every error found — never just the first, and never a thrown exception for
 * bad content.
 */
export async function loadFramework(contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const dir = path.resolve(contentDir);
  try {
    return await load(dir, options);
  } catch (error) {
    // A fault no check foresaw still ends as an error the commands print and
    // `serve --watch` logs, not as an exception that ends the process.
    return { ok: false, errors: [{ file: dir, line: 1, column: 1, field: '', message: `content could not be loaded: ${String(error)}` }] };
  }
}

async function load(dir: string, options: LoadOptions): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const overlayDirs = (options.overlays ?? []).map((o) => path.resolve(cwd, o));
  // Read while the content is parsed: the reads wait on the disk, the parsing on this thread.
  const localeFiles = readLocaleFiles([dir, ...overlayDirs], options).catch((error: unknown): LocaleFiles => ({
    folders: [],
    errors: [{ file: dir, line: 1, column: 1, field: '', message: `translations could not be read: ${String(error)}` }],
  }));
  const { files, errors: readErrors } = await readContentFiles(dir, options);
  if (files.length === 0) return { ok: false, errors: readErrors };

  const collected = collectItems(files);
  const { errors: referenceErrors } = checkReferences(collected, dir, cwd, new Map(), options.maxCollectionItems);
  const { releases, errors: releaseErrors } = await readReleasesSafely(dir);
  const errors = [...readErrors, ...collected.errors, ...referenceErrors, ...releaseErrors];
  if (errors.length > 0) return { ok: false, errors: sortContentErrors(errors) };

  const header = collected.headers[0]!;
  const resolved: Resolved = {
    header: header.value!,
    items: collected.items,
    files: files.map((f) => f.file),
    headerFile: header.yaml.file,
    releases,
    resolution: { view: UPSTREAM_VIEW, overlays: [], provenance: new Map(), upstream: null },
  };
  if (!overlayDirs.length) return localised(resolved, localeFiles, [], [], options);
  // The upstream framework, English and unlocalised: what the overlays apply to, and amended items' originals.
  const framework = buildFramework(resolved.header, resolved.items, resolved.files, resolved.headerFile, releases);
  return withOverlays(framework, collected, overlayDirs, localeFiles, dir, cwd, options);
}

/**
 * The upstream framework with the overlays applied: one resolved framework,
 * checked like content, that knows its upstream and what each overlay did.
 */
async function withOverlays(
  upstream: Framework,
  collected: CollectedContent,
  dirs: readonly string[],
  localeFiles: Promise<LocaleFiles>,
  contentDir: string,
  cwd: string,
  options: LoadOptions,
): Promise<LoadResult> {
  const { overlays, errors: readErrors } = await readOverlays(dirs, options);
  if (readErrors.length > 0) return { ok: false, errors: sortContentErrors(readErrors) };
  const { state, errors, warnings, pins } = resolveOverlays(upstream, collected, overlays, options.basedOnOptional);
  const resolved = { items: [...state.items], headers: collected.headers, errors: [] };
  const { errors: referenceErrors } = checkReferences(resolved, contentDir, cwd, state.hidden, options.maxCollectionItems);
  const last = overlays.at(-1)!;
  const { releases, errors: releaseErrors } = await readReleasesSafely(last.dir);
  const all = [...errors, ...referenceErrors, ...releaseErrors];
  if (all.length > 0) return { ok: false, errors: sortContentErrors(all) };

  const upstreamHeader = collected.headers[0]!.value!;
  const titled = [...overlays].reverse();
  const header = {
    ...upstreamHeader,
    title: titled.find((o) => o.header?.value.title)?.header?.value.title ?? upstreamHeader.title,
    summary: titled.find((o) => o.header?.value.summary)?.header?.value.summary ?? upstreamHeader.summary,
    version: last.header?.value.version ?? upstreamHeader.version,
  };
  return localised(
    {
      header,
      items: state.items,
      files: [...upstream.files, ...overlays.flatMap((o) => o.files)],
      headerFile: last.header!.yaml.file,
      releases,
      hidden: new Set(state.hidden.keys()),
      resolution: {
        view: { locale: upstream.view.locale, overlays: overlays.map((o) => o.name) },
        overlays: overlays.map((o) => ({ name: o.name, title: o.header?.value.title ?? null, dir: o.dir })),
        provenance: state.provenance,
        upstream,
      },
    },
    localeFiles,
    warnings,
    pins,
    options,
  );
}

/** The content resolved (overlays applied) and checked, ready to build in every locale. */
interface Resolved {
  readonly header: FrameworkMetaInput;
  readonly items: readonly RawItem[];
  readonly files: readonly string[];
  readonly headerFile: string;
  readonly releases: readonly Release[];
  readonly resolution: Resolution;
  /** Items the overlays hide, keyed `<collection>/<slug>`: their translations are not served either. */
  readonly hidden?: ReadonlySet<string>;
}

/**
 * One framework per locale served: the source locale, each locale with
 * translation files under the content's or an overlay's `locales/`, and the
 * generated pseudo-locales. Translations are checked here (unknown slugs and
 * fields, wrong types, a headline a translation made too long), and each
 * locale's strings fall back along its chain to English.
 */
async function localised(
  resolved: Resolved,
  localeFiles: Promise<LocaleFiles>,
  warnings: readonly ContentError[],
  pins: readonly Pin[],
  options: LoadOptions,
): Promise<LoadResult> {
  const header = resolved.header as unknown as Record<string, unknown>;
  const {
    locales: written,
    errors: localeErrors,
    warnings: localeWarnings,
    files: translationFiles,
  } = collectLocales(await localeFiles, resolved.items, header, resolved.hidden);
  const chainOf = (tag: string) => fallbackChain(tag, options.localeFallbacks).filter((t) => t === SOURCE_LOCALE || written.has(t));
  // Translators' locales are translated (and so checked) now; a pseudo-locale only when first served.
  const translated = [...written.keys()].map((tag) => {
    const chain = chainOf(tag);
    return { tag, chain, content: translateContent(resolved.items, header, chain, written, { validate: true }) };
  });
  const errors = [...localeErrors, ...translated.flatMap((t) => t.content.errors)];
  if (errors.length > 0) return { ok: false, errors: sortContentErrors(errors) };

  const strings = stringsPerCollection(resolved.items, header);
  const everything = (coverage: ReadonlyMap<string, number>) =>
    Object.fromEntries([...coverage].map(([collection, n]) => [collection, { translated: n, stale: 0, missing: 0 }]));
  const pseudo = PSEUDO_LOCALES.filter((tag) => !written.has(tag));
  const locales: LocaleInfo[] = [
    { tag: SOURCE_LOCALE, ...describeLocale(SOURCE_LOCALE), generated: false, fallbacks: [], ...covering(everything(strings)) },
    ...translated.map(({ tag, chain, content }) => ({
      tag,
      ...describeLocale(tag),
      generated: false,
      fallbacks: chain.slice(1),
      ...covering(Object.fromEntries(content.coverage)),
    })),
    // Made from the English as it is now, so every string is translated and none is stale.
    ...pseudo.map((tag) => ({
      tag,
      ...describeLocale(tag),
      generated: true,
      fallbacks: [SOURCE_LOCALE],
      ...covering(everything(strings)),
    })),
  ];
  const translations = new LocaleFrameworks();
  const files = [...resolved.files, ...translationFiles];
  const source = buildFramework(resolved.header, resolved.items, files, resolved.headerFile, resolved.releases, {
    ...resolved.resolution,
    locales,
    translations,
  });
  const build = (tag: string, content: TranslatedContent) =>
    buildFramework(content.header as unknown as FrameworkMetaInput, content.items, files, resolved.headerFile, resolved.releases, {
      ...resolved.resolution,
      view: { ...resolved.resolution.view, locale: tag },
      fallbacks: content.fallbacks,
      source,
      locales,
      translations,
    });
  // Checked above; built the first time a request asks for the locale, as a server rarely serves every one at once.
  for (const { tag, content } of translated) translations.defer(tag, () => build(tag, content));
  const headerItem = resolved.items[0];
  for (const tag of pseudo)
    translations.defer(tag, () => {
      const strings = new Map([[tag, pseudoTranslations(tag, resolved.items, header, headerItem)]]);
      return build(tag, translateContent(resolved.items, header, [tag, SOURCE_LOCALE], strings, { validate: false }));
    });
  return { ok: true, framework: source, warnings: sortContentErrors([...warnings, ...localeWarnings]), pins };
}

/** How many strings each collection (and `framework`, the header) gives translators. */
function stringsPerCollection(items: readonly RawItem[], header: Record<string, unknown>): Map<string, number> {
  const counts = new Map<string, number>([['framework', translatableStrings('framework', header).length]]);
  for (const item of items)
    if (item.value !== undefined && item.slug !== undefined)
      counts.set(item.collection, (counts.get(item.collection) ?? 0) + translatableStrings(item.collection, item.value as never).length);
  return counts;
}

/** A locale's coverage in total and per collection. */
function covering(byCollection: Record<string, Coverage>): Pick<LocaleInfo, 'coverage' | 'coverageByCollection'> {
  const coverage = { translated: 0, stale: 0, missing: 0 };
  for (const c of Object.values(byCollection)) {
    coverage.translated += c.translated;
    coverage.stale += c.stale;
    coverage.missing += c.missing;
  }
  return { coverage, coverageByCollection: byCollection };
}

/** A locale's name in its own language, and its writing direction. */
function describeLocale(tag: string): { name: string; direction: 'ltr' | 'rtl' } {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
  const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  return { name: tag === 'en-XA' ? 'English (pseudo-accented)' : tag === 'ar-XB' ? 'Arabic (pseudo, right to left)' : name, direction };
}

/**
 * The release snapshots, once nothing in their folder that the reader would
 * open is a pipe, a device or a symlink out of the content folder (a pipe
 * would hang it for ever); a folder it cannot read is a located error.
 */
async function readReleasesSafely(dir: string): Promise<Awaited<ReturnType<typeof readReleases>>> {
  const refused = await refusedReleaseFiles(dir);
  if (refused.length > 0) return { releases: [], errors: refused };
  return readReleases(dir).catch((error: NodeJS.ErrnoException) => ({ releases: [], errors: [releasesUnreadable(dir, error)] }));
}

async function refusedReleaseFiles(dir: string): Promise<ContentError[]> {
  const releasesDir = path.join(dir, RELEASES_DIR);
  let names: string[];
  try {
    names = (await readdir(releasesDir)).filter((name) => name.includes('.json'));
  } catch {
    return []; // readReleases says what is wrong with the folder
  }
  const realDir = await realpath(dir);
  const errors: ContentError[] = [];
  for (const name of names.sort()) {
    const file = path.join(releasesDir, name);
    const refusal = await refusalOf(file, realDir);
    if (refusal) errors.push({ file, line: 1, column: 1, field: '', message: refusal });
  }
  return errors;
}

function releasesUnreadable(dir: string, error: NodeJS.ErrnoException): ContentError {
  const reason = error.code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${error.code ?? String(error)})`;
  return {
    file: path.join(dir, RELEASES_DIR),
    line: 1,
    column: 1,
    field: '',
    message: `${reason}; it must be the folder of release snapshots`,
  };
}

/** Like `loadFramework`, but throws a `ContentValidationError` listing every error. */
export async function loadFrameworkOrThrow(contentDir: string, options: LoadOptions = {}): Promise<Framework> {
  const result = await loadFramework(contentDir, options);
  if (!result.ok) throw new ContentValidationError(result.errors, options.cwd);
  return result.framework;
}
