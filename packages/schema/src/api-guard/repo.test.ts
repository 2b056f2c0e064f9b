import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SDL_PATH } from '../paths.js';
import { API_CHANGELOG_PATH, API_SNAPSHOTS_DIR } from './api-paths.js';
import { checkApiFolder } from './check.js';
import semver from 'semver';
import { API_VERSION } from '../api-version.js';
import { readSnapshots } from './snapshots.js';

describe('the API changelog of this repository', () => {
  it('lists every breaking change since each snapshot, with a reason', async () => {
    const [changelog, currentSdl] = await Promise.all([readFile(API_CHANGELOG_PATH, 'utf8'), readFile(SDL_PATH, 'utf8')]);
    const { problems } = await checkApiFolder(API_SNAPSHOTS_DIR, changelog, currentSdl);
    // Each problem says which row to add to docs/api-changes.md, or which to remove.
    expect(problems).toEqual([]);
  });

  it('is at the version of the newest released schema, or past it', async () => {
    const snapshots = await readSnapshots(API_SNAPSHOTS_DIR);
    expect(semver.gte(API_VERSION, snapshots.at(-1)!.version)).toBe(true);
  });
});
