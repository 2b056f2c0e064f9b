import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { parse } from 'yaml';
import type { ContentError } from '../loader/content-error.js';
import { readPlainFile } from '../loader/read-content-files.js';
import { PENDING_SUFFIX, PendingReleaseFile, ReleaseFile, type Release } from './release-model.js';

export const RELEASES_DIR = 'releases';

/** A snapshot holds the whole framework once: tens of KiB today, so this leaves room for a hundred times more. */
const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;

/** The version a framework header file declares, or undefined when it cannot be read. */
async function headerVersion(file: string, realDir: string): Promise<unknown> {
  // A pending file names its header; read like any content file, so a pipe or a huge file named there cannot hang this.
  const text = await readPlainFile(file, realDir);
  if (typeof text !== 'string') return undefined;
  try {
    // The content's `framework:` header, or an overlay's `overlay:` header (a company's releases).
    const header = parse(text) as { framework?: { version?: unknown }; overlay?: { version?: unknown } } | null;
    return header?.framework?.version ?? header?.overlay?.version;
  } catch {
    return undefined;
  }
}

/**
 * A release `altitude release` wrote before changing the header, when the
 * header change happened (the release is committed); undefined when it did
 * not (the run stopped before, so the previous release stands).
 */
async function committedPending(contentDir: string, file: string): Promise<Release | undefined> {
  const realDir = await realpath(contentDir);
  const text = await readPlainFile(file, realDir, MAX_SNAPSHOT_BYTES);
  if (typeof text !== 'string') return undefined;
  let pending;
  try {
    pending = PendingReleaseFile.parse(JSON.parse(text));
  } catch {
    // Written atomically, so only a hand-made file can be damaged; it was never committed.
    return undefined;
  }
  const header = path.resolve(contentDir, pending.headerFile);
  if (path.dirname(header) !== path.resolve(contentDir) || !/\.ya?ml$/.test(header)) return undefined;
  return (await headerVersion(header, realDir)) === pending.release.version ? { ...pending.release, file } : undefined;
}

/**
 * The release snapshots under `<contentDir>/releases/`, oldest first, with
 * a pending one (see PendingReleaseFile) when the header says its version.
 * A missing folder means no release yet; a damaged file is a located error.
 */
export async function readReleases(contentDir: string): Promise<{ releases: Release[]; errors: ContentError[] }> {
  const dir = path.join(contentDir, RELEASES_DIR);
  let all: string[];
  try {
    all = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { releases: [], errors: [] };
    throw error;
  }
  const names = all.filter((n) => n.endsWith('.json')).sort();
  const releases: Release[] = [];
  const errors: ContentError[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const at = { file, line: 1, column: 1 };
    // The loader checked each entry before, but a file can change between a check and a read.
    const text = await readPlainFile(file, await realpath(contentDir), MAX_SNAPSHOT_BYTES);
    if (typeof text !== 'string') {
      errors.push({ ...at, field: '', message: `release snapshot ${text.refused}` });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      errors.push({ ...at, field: '', message: `release snapshot is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = ReleaseFile.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors.push({ ...at, field: issue.path.join('.'), message: `release snapshot is damaged: ${issue.message}` });
      continue;
    }
    if (name !== `${parsed.data.version}.json`) {
      errors.push({ ...at, field: 'version', message: `release ${parsed.data.version} must be stored as ${parsed.data.version}.json` });
      continue;
    }
    releases.push({ ...parsed.data, file });
  }
  for (const name of all.filter((n) => n.endsWith(`.json${PENDING_SUFFIX}`)).sort()) {
    const pending = await committedPending(contentDir, path.join(dir, name));
    if (pending && name === `${pending.version}.json${PENDING_SUFFIX}` && !releases.some((r) => r.version === pending.version))
      releases.push(pending);
  }
  releases.sort((a, b) => semver.compare(a.version, b.version));
  return { releases, errors };
}
