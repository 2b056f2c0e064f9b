import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import type { ContentError } from '../loader/content-error.js';
import { ReleaseFile, type Release } from './release-model.js';

export const RELEASES_DIR = 'releases';

/**
 * The release snapshots under `<contentDir>/releases/`, oldest first. A
 * missing folder means no release yet; a damaged file is a located error.
 */
export async function readReleases(contentDir: string): Promise<{ releases: Release[]; errors: ContentError[] }> {
  const dir = path.join(contentDir, RELEASES_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { releases: [], errors: [] };
    throw error;
  }
  const releases: Release[] = [];
  const errors: ContentError[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const at = { file, line: 1, column: 1 };
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
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
  releases.sort((a, b) => semver.compare(a.version, b.version));
  return { releases, errors };
}
