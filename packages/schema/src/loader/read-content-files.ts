import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ContentError } from './content-error.js';

export interface ContentFileText {
  readonly file: string;
  readonly text: string;
}

/** A content file larger than this is refused unread: the real files are a few KiB each. */
export const DEFAULT_MAX_CONTENT_FILE_BYTES = 1024 * 1024;

export interface ReadContentOptions {
  /** Larger content files are refused with a located error; defaults to 1 MiB. */
  readonly maxFileBytes?: number;
}

/**
 * The YAML files directly inside `dir`, sorted by name. Sub-folders (such as
 * release snapshots) and other files (READMEs, the JSON Schema) are not content.
 */
export async function readContentFiles(
  dir: string,
  options: ReadContentOptions = {},
): Promise<{ files: ContentFileText[]; errors: ContentError[] }> {
  const where = { file: dir, line: 1, column: 1, field: '' };
  let names: string[];
  let realDir: string;
  try {
    if (!(await stat(dir)).isDirectory()) {
      return {
        files: [],
        errors: [{ ...where, message: 'is not a directory; --content must name the folder holding the content YAML files' }],
      };
    }
    names = await readdir(dir);
    realDir = await realpath(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'content directory does not exist' : `cannot read content directory (${code ?? String(error)})`;
    return { files: [], errors: [{ ...where, message }] };
  }
  const yamlNames = names.filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.')).sort();
  if (yamlNames.length === 0) {
    return { files: [], errors: [{ ...where, message: 'no .yaml files found in the content directory' }] };
  }
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_CONTENT_FILE_BYTES;
  const files: ContentFileText[] = [];
  const errors: ContentError[] = [];
  // All at once: the reads wait on the disk, not on this thread.
  const reads = await Promise.all(yamlNames.map((name) => readPlainFile(path.join(dir, name), realDir, maxBytes)));
  reads.forEach((read, i) => {
    const file = path.join(dir, yamlNames[i]!);
    if (typeof read === 'string') files.push({ file, text: read });
    else errors.push({ file, line: 1, column: 1, field: '', message: read.refused });
  });
  return { files, errors };
}

/**
 * One file's text, or why it is refused. Only a regular file inside `realDir`
 * (a path without symlinks, as `realpath` gives it), of at most `maxBytes`, is
 * read: a symlink must not pull in a file from elsewhere, and a FIFO or a
 * device must not hang the loader. The file is opened non-blocking and checked
 * again on the open handle, so one swapped for a pipe after the first look is
 * still refused. Other readers of the content folder can use it too.
 */
export async function readPlainFile(
  file: string,
  realDir: string,
  maxBytes = DEFAULT_MAX_CONTENT_FILE_BYTES,
): Promise<string | { refused: string }> {
  try {
    const resolved = await resolveInside(file, realDir);
    if ('refused' in resolved) return resolved;
    const { target } = resolved;
    const handle = await open(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return { refused: notRegular(stats) };
      if (stats.size > maxBytes) return { refused: tooLarge(stats.size, maxBytes) };
      const bytes = await readAtMost(handle, maxBytes + 1);
      // Checked again: the file may have grown since the stat.
      if (bytes.length > maxBytes) return { refused: tooLarge(bytes.length, maxBytes) };
      return bytes.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { refused: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/**
 * Why a file in the content folder must not be opened, or undefined: a
 * symlink out of `realDir` or to nothing, or anything but a regular file (a
 * pipe would hang its reader). For readers that open files themselves, such
 * as the release snapshots'; what cannot be looked at is left to them.
 */
export async function refusalOf(file: string, realDir: string): Promise<string | undefined> {
  try {
    const resolved = await resolveInside(file, realDir);
    if ('refused' in resolved) return resolved.refused;
    const stats = await stat(resolved.target);
    return stats.isFile() ? undefined : notRegular(stats);
  } catch {
    return undefined;
  }
}

/** Where `file` really is, or why it is refused: a symlink must lead to a file inside `realDir`. */
async function resolveInside(file: string, realDir: string): Promise<{ target: string } | { refused: string }> {
  if (!(await lstat(file)).isSymbolicLink()) return { target: file };
  let target: string;
  try {
    target = await realpath(file);
  } catch {
    return { refused: 'is a symbolic link to nothing (its target does not exist)' };
  }
  const relative = path.relative(realDir, target);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
    return { refused: `is a symbolic link to ${target}, outside the content folder; content files must live inside it` };
  return { target };
}

/** Reads to the end or until `limit` bytes, whichever comes first. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks);
}

function tooLarge(size: number, maxBytes: number): string {
  return `is ${size} bytes, over the ${maxBytes}-byte limit for one content file; split it or raise maxFileBytes`;
}

function notRegular(stats: Stats): string {
  return `is ${kindOf(stats)}, not a regular file; content must be plain files`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
