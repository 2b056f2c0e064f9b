import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadFramework, type ContentError } from '@altitude/schema';

/** Folders a content or overlay folder may hold that the loader never reads. */
const NOT_CONTENT = new Set(['node_modules', '.git']);

/**
 * The errors the loader would report if `files` (absolute path → new text)
 * were written: the content and overlay folders are copied to a temporary
 * folder, the files written there, and the copy loaded. Nothing real is
 * touched; errors name the real files.
 */
export async function errorsWith(
  files: ReadonlyMap<string, string>,
  source: { readonly contentDir: string; readonly overlays: readonly string[]; readonly cwd: string },
): Promise<ContentError[]> {
  const real = [source.contentDir, ...source.overlays].map((dir) => path.resolve(source.cwd, dir));
  const root = await mkdtemp(path.join(os.tmpdir(), 'altitude-import-'));
  try {
    // Each under its own name: an overlay without a header goes by its folder's.
    const staged = real.map((dir, i) => path.join(root, String(i), path.basename(dir)));
    for (const [i, dir] of real.entries())
      await cp(dir, staged[i]!, { recursive: true, dereference: true, filter: (from) => !NOT_CONTENT.has(path.basename(from)) });
    for (const [file, text] of files) {
      const i = owner(real, file);
      if (i < 0) throw new Error(`${file} is in neither the content nor an overlay`);
      const copy = path.join(staged[i]!, path.relative(real[i]!, file));
      await mkdir(path.dirname(copy), { recursive: true });
      await writeFile(copy, text);
    }
    const result = await loadFramework(staged[0]!, { cwd: source.cwd, overlays: staged.slice(1) });
    if (result.ok) return [];
    return result.errors.map((error) => {
      const i = owner(staged, error.file);
      return i < 0 ? error : { ...error, file: path.join(real[i]!, path.relative(staged[i]!, error.file)) };
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The index of the folder holding `file`, the deepest if folders nest. */
function owner(dirs: readonly string[], file: string): number {
  let best = -1;
  for (const [i, dir] of dirs.entries()) {
    const relative = path.relative(dir, file);
    const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
    if (inside && (best < 0 || dir.length > dirs[best]!.length)) best = i;
  }
  return best;
}
