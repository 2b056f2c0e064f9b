import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { API_CHANGELOG_PATH, API_SNAPSHOTS_DIR } from '../api-guard/api-paths.js';
import { checkApiChanges } from '../api-guard/check.js';
import { releaseChangelog, releaseVersionProblem } from '../api-guard/release.js';
import type { ApiChange } from '../api-guard/schema-diff.js';
import { readSnapshots, SNAPSHOT_EXTENSION } from '../api-guard/snapshots.js';
import { REPO_ROOT, SDL_PATH } from '../paths.js';

/**
 * Fails when schema.graphql or a snapshot under api/ breaks the API without a
 * row in docs/api-changes.md saying why. With --release <version>, once that
 * holds, snapshots schema.graphql as that version and dates its changelog
 * section, so the next change is measured against what clients now have.
 */
const USAGE = 'usage: node packages/schema/dist/scripts/api-check.js [--release <version>]';
const relative = (file: string) => path.relative(REPO_ROOT, file);

const GROUPS: [string, ApiChange['level']][] = [
  ['Breaking', 'BREAKING'],
  ['Dangerous', 'DANGEROUS'],
  ['Safe', 'NON_BREAKING'],
];

function printChanges(changes: ApiChange[], latest: string | undefined): void {
  if (latest === undefined) {
    console.log(`No snapshot in ${relative(API_SNAPSHOTS_DIR)} yet: nothing has been released to break.`);
    return;
  }
  if (changes.length === 0) {
    console.log(`No changes since ${latest}.`);
    return;
  }
  console.log(`Changes since ${latest} (${relative(path.join(API_SNAPSHOTS_DIR, latest + SNAPSHOT_EXTENSION))} → ${relative(SDL_PATH)}):`);
  for (const [title, level] of GROUPS) {
    const group = changes.filter((change) => change.level === level);
    if (group.length === 0) continue;
    console.log(`\n  ${title} (${group.length})`);
    for (const change of group) console.log(`    ${change.type} \`${change.path}\`: ${change.message}`);
  }
  console.log('');
}

async function main(): Promise<number> {
  let release: string | undefined;
  try {
    release = parseArgs({ options: { release: { type: 'string' } } }).values.release;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }

  const [currentSdl, changelog, snapshots] = await Promise.all([
    readFile(SDL_PATH, 'utf8'),
    readFile(API_CHANGELOG_PATH, 'utf8'),
    readSnapshots(API_SNAPSHOTS_DIR),
  ]);
  const changelogName = relative(API_CHANGELOG_PATH);
  const result = await checkApiChanges({ snapshots, changelog, currentSdl, changelogName });
  printChanges(result.unreleasedChanges, result.latest);

  if (result.problems.length > 0) {
    console.error(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} with the API changelog:`);
    for (const problem of result.problems) console.error(`  ✗ ${problem}`);
    return 1;
  }
  console.log(`Every breaking change is listed in ${changelogName}.`);
  if (release === undefined) return 0;

  const refusal = releaseVersionProblem(
    release,
    snapshots.map((snapshot) => snapshot.version),
  );
  if (refusal !== undefined) {
    console.error(`Cannot release: ${refusal}.`);
    return 1;
  }
  // The date in UTC, so a release reads the same wherever it was cut.
  const released = releaseChangelog(changelog, release, new Date().toISOString().slice(0, 10));
  const snapshotFile = path.join(API_SNAPSHOTS_DIR, release + SNAPSHOT_EXTENSION);
  await mkdir(API_SNAPSHOTS_DIR, { recursive: true });
  // 'wx': a snapshot is what clients were given, so it is never overwritten.
  await writeFile(snapshotFile, currentSdl, { flag: 'wx' });
  await writeFile(API_CHANGELOG_PATH, released);
  console.log(`Released API ${release}: wrote ${relative(snapshotFile)} and dated its section in ${changelogName}.`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
