import { createHash } from 'node:crypto';
import { lstat, readFile, readdir, rename, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { crashPoint } from './crash-point.js';

/**
 * Written into every build: which files it wrote and their hashes. A later
 * build may replace a folder holding one without asking, and deletes only
 * the files this list names, with these hashes.
 */
export const MARKER = '.altitude-static';

export interface Manifest {
  readonly format: 'altitude.static-build';
  readonly origin: string;
  readonly contentHash: string;
  /** Path inside the build → `sha256:<hex>` of the bytes written. */
  readonly files: Readonly<Record<string, string>>;
}

export const fileDigest = (bytes: Buffer | string) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** The build's manifest; undefined for a folder that is not a build, or a build from before manifests. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, MARKER), 'utf8')) as Manifest;
    return manifest.format === 'altitude.static-build' && typeof manifest.files === 'object' ? manifest : undefined;
  } catch {
    return undefined;
  }
}

const exists = (p: string) =>
  lstat(p).then(
    () => true,
    () => false,
  );

/** Every file under `dir` (not following symlinks), as paths relative to it. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : Promise.resolve([`${prefix}${e.name}`]))),
  );
  return nested.flat();
}

/**
 * Whether `out` may be replaced: it is missing, empty, or an earlier build;
 * with --force anything, since it is then moved aside and kept, never
 * deleted. Returns the reason to refuse, if any.
 */
export async function refuseToReplace(out: string, force: boolean): Promise<string | undefined> {
  const info = await lstat(out).catch(() => undefined);
  if (!info || force) return undefined;
  if (!info.isDirectory()) return `${out} is not a folder; choose another --out, or pass --force to move it aside (it is kept)`;
  if ((await readdir(out)).length === 0 || (await exists(path.join(out, MARKER)))) return undefined;
  return `${out} is not empty and is not an earlier static build; choose an empty folder, or pass --force to move it aside (it is kept, not deleted)`;
}

/** A name beside `out` that nothing uses yet. */
async function besideOut(out: string, what: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = `${out}.${what}-${new Date().toISOString().slice(0, 10)}${n > 1 ? `-${n}` : ''}`;
    if (!(await exists(candidate))) return candidate;
  }
}

/**
 * Deletes an earlier build moved aside, when it is nothing else: every file
 * is one its manifest lists, with the same hash. Otherwise (a file someone
 * added or edited, a folder that was never a build) nothing is deleted and
 * the folder stays whole; returns the files no build wrote.
 */
async function removeEarlierBuild(dir: string): Promise<string[]> {
  const manifest = await readManifest(dir);
  const files = (await listFiles(dir)).filter((f) => f !== MARKER);
  const kept: string[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    const expected = manifest?.files[file];
    const ours = expected !== undefined && (await lstat(full)).isFile() && fileDigest(await readFile(full)) === expected;
    if (!ours) kept.push(file);
  }
  if (kept.length) return kept;
  for (const file of files) await unlink(path.join(dir, file));
  await unlink(path.join(dir, MARKER)).catch(() => {});
  // Deepest first, so each folder is empty when its turn comes; rmdir never deletes a file.
  const folders = async (prefix: string): Promise<string[]> => {
    const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
    const subs = entries.filter((e) => e.isDirectory()).map((e) => `${prefix}${e.name}/`);
    return [...(await Promise.all(subs.map(folders))).flat(), ...subs];
  };
  for (const folder of await folders('')) await rmdir(path.join(dir, folder));
  await rmdir(dir);
  return [];
}

/** The folders earlier runs moved aside (`<out>.previous-…`), oldest first. */
async function asideOf(out: string): Promise<string[]> {
  const base = path.basename(out);
  const siblings = await readdir(path.dirname(out)).catch(() => [] as string[]);
  return (
    siblings
      .filter((n) => n.startsWith(`${base}.previous-`))
      // Numbers as numbers: `…-10` was put aside after `…-2`.
      .sort(new Intl.Collator('en', { numeric: true }).compare)
      .map((n) => path.join(path.dirname(out), n))
  );
}

/** Earlier builds a crash left aside after the new site was in place: deleted, as far as they are nothing but a build. */
export async function tidyEarlierBuilds(out: string): Promise<void> {
  for (const dir of await asideOf(out)) if (await readManifest(dir)) await removeEarlierBuild(dir);
}

/** A site an interrupted swap left aside while `out` is missing: put back before anything else happens. */
export async function restoreInterruptedSwap(out: string): Promise<string | undefined> {
  if (await exists(out)) return undefined;
  const last = (await asideOf(out)).at(-1);
  // Only a build: a folder --force moved aside stays where it was put.
  if (!last || !(await readManifest(last))) return undefined;
  await rename(last, out);
  return last;
}

export interface Swapped {
  /** Where the folder that was at `out` went, when it was kept (not an earlier build, or files added to it). */
  readonly keptAt?: string;
  readonly kept: readonly string[];
  /** The folder kept was a build from before manifests: its files cannot be told from anyone else's. */
  readonly unlistedBuild?: boolean;
}

/**
 * Puts the finished build at `staging` in place of `out` with renames: the
 * old folder moves aside, the new one moves in, then the old one is
 * deleted, as far as it is an earlier build. A crash leaves the old site in
 * place, or the new one; between the two renames, the old one whole beside
 * it (`<out>.previous-…`), which the next run puts back first.
 */
export async function swapIn(staging: string, out: string): Promise<Swapped> {
  const info = await lstat(out).catch(() => undefined);
  if (!info) {
    await rename(staging, out);
    return { kept: [] };
  }
  const aside = await besideOut(out, 'previous');
  await rename(out, aside);
  crashPoint('static-old-moved');
  try {
    await rename(staging, out);
  } catch (error) {
    await rename(aside, out);
    throw error;
  }
  crashPoint('static-swapped');
  if (!info.isDirectory()) return { keptAt: aside, kept: [path.basename(out)] };
  const kept = await removeEarlierBuild(aside);
  if (!kept.length) return { kept: [] };
  const unlistedBuild = !(await readManifest(aside)) && (await exists(path.join(aside, MARKER)));
  return { keptAt: aside, kept, ...(unlistedBuild ? { unlistedBuild } : {}) };
}
