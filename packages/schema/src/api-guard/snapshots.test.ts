import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshots } from './snapshots.js';

describe('readSnapshots', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'api-snapshots-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('orders snapshots by semantic version and leaves other files alone', async () => {
    for (const version of ['0.10.0', '0.9.0', '0.2.0']) await writeFile(path.join(dir, `${version}.graphql`), `# ${version}`);
    await writeFile(path.join(dir, 'README.md'), 'not a snapshot');
    const snapshots = await readSnapshots(dir);
    expect(snapshots.map((s) => s.version)).toEqual(['0.2.0', '0.9.0', '0.10.0']);
    expect(snapshots[0]?.sdl).toBe('# 0.2.0');
  });

  it('rejects a schema file not named after a version, which would escape the check', async () => {
    await writeFile(path.join(dir, 'next.graphql'), '');
    await expect(readSnapshots(dir)).rejects.toThrow(/next\.graphql: a snapshot is named after the version/);
  });

  it('reads a missing folder as no release yet', async () => {
    await expect(readSnapshots(path.join(dir, 'missing'))).resolves.toEqual([]);
  });
});
