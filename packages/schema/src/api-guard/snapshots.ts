import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';

/** The SDL of one released API version, from `api/<version>.graphql`. */
export interface ApiSnapshot {
  version: string;
  sdl: string;
  file: string;
}

export const SNAPSHOT_EXTENSION = '.graphql';

/** Oldest first, by semantic version rather than by name (0.10.0 follows 0.9.0). */
export function sortSnapshots<T extends { version: string }>(snapshots: readonly T[]): T[] {
  return [...snapshots].sort((a, b) => semver.compare(a.version, b.version));
}

/**
 * The snapshots in `dir`, oldest first. A missing folder means nothing has
 * been released. Other files (a README) are left alone, but a `.graphql` file
 * not named after a version is an error: it would silently escape the check.
 */
export async function readSnapshots(dir: string): Promise<ApiSnapshot[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const snapshots = names
    .filter((name) => name.endsWith(SNAPSHOT_EXTENSION))
    .map(async (name) => {
      const version = name.slice(0, -SNAPSHOT_EXTENSION.length);
      const file = path.join(dir, name);
      if (semver.valid(version) !== version) {
        throw new Error(`${file}: a snapshot is named after the version it released, such as 0.2.0${SNAPSHOT_EXTENSION}`);
      }
      return { version, sdl: await readFile(file, 'utf8'), file };
    });
  return sortSnapshots(await Promise.all(snapshots));
}
