import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printAltitudeSchema } from '../graphql/schema.js';
import { contentJsonSchemaText } from '../model/json-schema.js';
import { frameworkExportJsonSchema } from '../export/export-model.js';
import { CONTENT_SCHEMA_PATH, EXPORT_SCHEMA_PATH, OVERLAY_SCHEMA_PATH, REPO_ROOT, SDL_PATH } from '../paths.js';
import { overlayJsonSchemaText } from '../model/overlay-json-schema.js';

/**
 * Writes the generated artefacts that are committed: the GraphQL SDL and the
 * content JSON Schema. With --check, writes nothing and exits 1 on drift.
 */
const check = process.argv.includes('--check');
const outputs: [string, string][] = [
  [SDL_PATH, printAltitudeSchema()],
  [CONTENT_SCHEMA_PATH, contentJsonSchemaText()],
  [OVERLAY_SCHEMA_PATH, overlayJsonSchemaText()],
  [EXPORT_SCHEMA_PATH, `${JSON.stringify(frameworkExportJsonSchema(), null, 2)}\n`],
];

let drift = false;
for (const [file, text] of outputs) {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  const name = path.relative(REPO_ROOT, file);
  if (current === text) {
    console.log(`${name}: up to date`);
  } else if (check) {
    drift = true;
    console.error(`${name}: out of date; run \`pnpm generate\` and commit the result`);
  } else {
    await writeFile(file, text);
    console.log(`${name}: written`);
  }
}
process.exitCode = drift ? 1 : 0;
