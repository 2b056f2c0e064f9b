import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  exportFramework,
  loadFramework,
  readReleases,
  RELEASES_DIR,
  PENDING_SUFFIX,
  PENDING_RELEASE_FORMAT,
  type Framework,
  type Release,
  type ReleaseFileJson,
  type LoadOptions,
} from '@altitude/schema';
import semver from 'semver';
import writeFileAtomic from 'write-file-atomic';
import { parseDocument } from 'yaml';
import { DEFAULT_PUBLIC_URL } from './export.js';
import { crashPoint } from './crash-point.js';
import { loadOrReport } from './load-or-report.js';

export interface ReleaseCommandOptions {
  readonly version: string;
  readonly contentDir: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  /** Where each locale takes missing strings from (the config's locales.fallbacks). */
  readonly localeFallbacks?: LoadOptions['localeFallbacks'];
  readonly cwd: string;
}

/**
 * Finishes what an interrupted release left in content/releases/: a pending
 * snapshot whose version the header already says gets its final file; one
 * the header never took is removed. Returns the versions finished.
 */
async function settlePendingReleases(contentDir: string): Promise<string[]> {
  const dir = path.join(contentDir, RELEASES_DIR);
  const pending = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(`.json${PENDING_SUFFIX}`));
  if (pending.length === 0) return [];
  const committed = new Map((await readReleases(contentDir)).releases.map((r) => [r.file, r]));
  const finished: string[] = [];
  for (const name of pending) {
    const file = path.join(dir, name);
    const release = committed.get(file);
    if (release) {
      await writeSnapshot(path.join(dir, `${release.version}.json`), releaseJson(release));
      finished.push(release.version);
    }
    await rm(file, { force: true });
  }
  return finished;
}

const releaseJson = ({ version, upstreamVersion, publishedAt, contentHash, snapshot }: Release): ReleaseFileJson => ({
  format: 'altitude.release',
  version,
  ...(upstreamVersion ? { upstreamVersion } : {}),
  publishedAt,
  contentHash,
  snapshot,
});

/** Written whole or not at all, and on disk before the next step relies on it. */
const writeSnapshot = (file: string, json: unknown) => writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`, { fsync: true });

/**
 * The framework as it will be once its header says `version`, loaded with a
 * copy of the folder that holds the header (the content's, or for a company's
 * release its overlay's): nothing the user has is touched.
 */
async function frameworkAtVersion(
  framework: Framework,
  options: ReleaseCommandOptions,
  version: string,
  headerText: string,
): Promise<Framework | string> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'altitude-release-'));
  const headerDir = path.dirname(framework.headerFile);
  try {
    for (const file of framework.files.filter((f) => path.dirname(f) === headerDir)) {
      const to = path.join(staging, path.basename(file));
      if (file === framework.headerFile) await writeFileAtomic(to, headerText);
      else await copyFile(file, to);
    }
    const swap = (dir: string) => (path.resolve(options.cwd, dir) === headerDir ? staging : dir);
    const result = await loadFramework(swap(options.contentDir), {
      cwd: options.cwd,
      overlays: (options.overlays ?? []).map(swap),
      localeFallbacks: options.localeFallbacks,
    });
    return result.ok ? result.framework : `the content with version ${version} does not load: ${result.errors[0]?.message ?? ''}`;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * `altitude release <semver>`: sets the framework header's version and
 * freezes the content as content/releases/<version>.json. Refuses a version
 * that is not greater than the last release, and content that has not
 * changed since it.
 *
 * Atomic: the snapshot is written first, as <version>.json.pending, which
 * counts as the release only once the header says its version; then the
 * header is replaced in one rename; then the snapshot is written under its
 * final name and the pending one removed. A crash at any point leaves the old release (header and
 * snapshots as before) or the new one (header and snapshot agree), and the
 * next run tidies what is left over.
 */
export async function runRelease(options: ReleaseCommandOptions): Promise<number> {
  const version = semver.valid(options.version);
  if (!version || version !== options.version) {
    process.stderr.write(`altitude: "${options.version}" is not a semantic version such as 1.2.0\n`);
    return 2;
  }
  // Loaded first: the loader refuses what must not be opened in releases/ (a pipe would hang the tidy-up).
  const framework = await loadOrReport(options.contentDir, options.cwd, options);
  if (!framework) return 1;
  // A company's releases live in its (last) overlay, with its version in overlay.yaml.
  const releaseRoot = path.resolve(options.cwd, options.overlays?.at(-1) ?? options.contentDir);
  const versionKey = options.overlays?.length ? ['overlay', 'version'] : ['framework', 'version'];
  for (const finished of await settlePendingReleases(releaseRoot))
    process.stderr.write(`altitude: finished release ${finished}, which an earlier run had written but not tidied up\n`);

  const last = framework.releases.at(-1);
  if (last && !semver.gt(version, last.version)) {
    process.stderr.write(`altitude: ${version} is not greater than the last release, ${last.version}\n`);
    return 2;
  }
  const unreleased = framework.changes.filter((c) => c.toVersion === null);
  const lastHeader = last?.snapshot.framework;
  const headerChanged =
    lastHeader !== undefined && (lastHeader.title !== framework.title || lastHeader.summary !== framework.summary.markdown);
  if (last && unreleased.length === 0 && !headerChanged) {
    process.stderr.write(`altitude: nothing has changed since release ${last.version}; edit the content, then release\n`);
    return 1;
  }

  // The version lives in the content itself, so what is served says which release it is.
  let headerText: string | undefined;
  let released = framework;
  if (framework.version !== version) {
    const doc = parseDocument(await readFile(framework.headerFile, 'utf8'));
    doc.setIn(versionKey, version);
    headerText = doc.toString();
    const loaded = await frameworkAtVersion(framework, options, version, headerText);
    if (typeof loaded === 'string') {
      process.stderr.write(`altitude: ${loaded}\n`);
      return 1;
    }
    released = loaded;
  }

  const release: ReleaseFileJson = {
    format: 'altitude.release',
    version,
    ...(framework.upstream ? { upstreamVersion: framework.upstream.version } : {}),
    publishedAt: new Date().toISOString(),
    contentHash: released.contentHash,
    snapshot: exportFramework(released, `${DEFAULT_PUBLIC_URL}/export/framework.schema.json`),
  };
  const dir = path.join(releaseRoot, RELEASES_DIR);
  const file = path.join(dir, `${version}.json`);
  await mkdir(dir, { recursive: true });
  if (headerText === undefined) {
    // The header already says this version: the snapshot appearing is the whole release.
    await writeSnapshot(file, release);
  } else {
    const pending = `${file}${PENDING_SUFFIX}`;
    const headerFile = path.relative(releaseRoot, framework.headerFile);
    await writeSnapshot(pending, { format: PENDING_RELEASE_FORMAT, headerFile, release });
    crashPoint('snapshot-written');
    // The commit: from this rename on, the header's version has its snapshot (the pending one).
    await writeFileAtomic(framework.headerFile, headerText, { fsync: true });
    crashPoint('header-written');
    await writeSnapshot(file, release);
    crashPoint('snapshot-final');
    await rm(pending, { force: true });
  }

  const count = (kind: string) => unreleased.filter((c) => c.kind === kind).length;
  const upstream = framework.upstream ? ` on upstream ${framework.upstream.version}` : '';
  process.stdout.write(
    `Released ${version}${upstream}: ${unreleased.length} change${unreleased.length === 1 ? '' : 's'} since ${last?.version ?? 'the beginning'} ` +
      `(${count('created')} created, ${count('updated')} updated, ${count('deleted')} deleted). Snapshot: ${path.relative(options.cwd, file)}\n`,
  );
  return 0;
}
