import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { buildFramework } from '../graph/build-framework.js';
import type { Framework } from '../graph/types.js';
import { checkReferences } from './check-references.js';
import { collectItems, type CollectedContent } from './collect-items.js';
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
  const { files, errors: readErrors } = await readContentFiles(dir, options);
  if (files.length === 0) return { ok: false, errors: readErrors };

  const collected = collectItems(files);
  const { errors: referenceErrors } = checkReferences(collected, dir, cwd, new Map(), options.maxCollectionItems);
  const { releases, errors: releaseErrors } = await readReleasesSafely(dir);
  const errors = [...readErrors, ...collected.errors, ...referenceErrors, ...releaseErrors];
  if (errors.length > 0) return { ok: false, errors: sortContentErrors(errors) };

  const header = collected.headers[0]!;
  const framework = buildFramework(
    header.value!,
    collected.items,
    files.map((f) => f.file),
    header.yaml.file,
    releases,
  );
  if (!options.overlays?.length) return { ok: true, framework, warnings: [], pins: [] };
  return withOverlays(
    framework,
    collected,
    options.overlays.map((o) => path.resolve(cwd, o)),
    dir,
    cwd,
    options,
  );
}

/**
 * The upstream framework with the overlays applied: one resolved framework,
 * checked like content, that knows its upstream and what each overlay did.
 */
async function withOverlays(
  upstream: Framework,
  collected: CollectedContent,
  dirs: readonly string[],
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
  const framework = buildFramework(
    header,
    state.items,
    [...upstream.files, ...overlays.flatMap((o) => o.files)],
    last.header!.yaml.file,
    releases,
    {
      view: { locale: upstream.view.locale, overlays: overlays.map((o) => o.name) },
      overlays: overlays.map((o) => ({ name: o.name, title: o.header?.value.title ?? null, dir: o.dir })),
      provenance: state.provenance,
      upstream,
    },
  );
  return { ok: true, framework, warnings: sortContentErrors(warnings), pins };
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
