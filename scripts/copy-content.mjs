// Copies the framework's content into packages/schema/content/ so the packed
// @altitude/schema carries it: installed from npm there is no repository, and
// the CLI's default content (DEFAULT_CONTENT_DIR in packages/schema/src/paths.ts)
// is that copy. Run by the package's `prepack`, so `pnpm pack` and
// `pnpm publish` always ship the content as it is now. Copies only what
// content/ is made of (the YAML files, content.schema.json, releases/*.json):
// nothing half-written (a `.pending` release) or left by an editor; and the
// translations under locales/<tag>/. Inside the
// repository the copy is never read; it is gitignored.
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../content', import.meta.url));
const to = fileURLToPath(new URL('../packages/schema/content', import.meta.url));

const ships = (dir, name) => (dir === 'releases' ? name.endsWith('.json') : name.endsWith('.yaml') || name === 'content.schema.json');

async function copyFolder(dir) {
  await mkdir(path.join(to, dir), { recursive: true });
  let copied = 0;
  for (const entry of await readdir(path.join(from, dir), { withFileTypes: true })) {
    if (!entry.isFile() || !ships(dir, entry.name)) continue;
    await copyFile(path.join(from, dir, entry.name), path.join(to, dir, entry.name));
    copied++;
  }
  return copied;
}

await rm(to, { recursive: true, force: true });
// Each translation: content/locales/<tag>/*.yaml.
const locales = await readdir(path.join(from, 'locales'), { withFileTypes: true }).catch(() => []);
let files = (await copyFolder('')) + (await copyFolder('releases'));
for (const locale of locales) if (locale.isDirectory()) files += await copyFolder(path.join('locales', locale.name));
if (files === 0) throw new Error(`no content found in ${from}`);
