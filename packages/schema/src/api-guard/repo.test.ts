import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SDL_PATH } from '../paths.js';
import { API_CHANGELOG_PATH, API_SNAPSHOTS_DIR } from './api-paths.js';
import { checkApiFolder } from './check.js';

describe('the API changelog of this repository', () => {
  it('lists every breaking change since each snapshot, with a reason', async () => {
    const [changelog, currentSdl] = await Promise.all([readFile(API_CHANGELOG_PATH, 'utf8'), readFile(SDL_PATH, 'utf8')]);
    const { problems } = await checkApiFolder(API_SNAPSHOTS_DIR, changelog, currentSdl);
    // Each problem says which row to add to docs/api-changes.md, or which to remove.
    expect(problems).toEqual([]);
  });
});
