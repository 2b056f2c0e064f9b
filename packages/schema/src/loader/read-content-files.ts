import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContentError } from './content-error.js';

export interface ContentFileText {
  readonly file: string;
  readonly text: string;
}

/**
 * The YAML files directly inside `dir`, sorted by name. Sub-folders (such as
 * release snapshots) and other files (READMEs, the JSON Schema) are not content.
 */
export async function readContentFiles(dir: string): Promise<{ files: ContentFileText[]; errors: ContentError[] }> {
  const where = { file: dir, line: 1, column: 1, field: '' };
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) {
      return {
        files: [],
        errors: [{ ...where, message: 'is not a directory; --content must name the folder holding the content YAML files' }],
      };
    }
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'content directory does not exist' : `cannot read content directory (${code ?? String(error)})`;
    return { files: [], errors: [{ ...where, message }] };
  }
  const yamlNames = names.filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.')).sort();
  if (yamlNames.length === 0) {
    return { files: [], errors: [{ ...where, message: 'no .yaml files found in the content directory' }] };
  }
  const files: ContentFileText[] = [];
  const errors: ContentError[] = [];
  for (const name of yamlNames) {
    const file = path.join(dir, name);
    try {
      files.push({ file, text: await readFile(file, 'utf8') });
    } catch (error) {
      errors.push({
        file,
        line: 1,
        column: 1,
        field: '',
        message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      });
    }
  }
  return { files, errors };
}
