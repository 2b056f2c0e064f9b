// Builds everything the widgets package ships, in the four modes of
// vite.config.ts: the loader and its chunks, the one-file bundle, the embed
// pages' script and the per-component modules. `pnpm build` and the tests' build-once both run this,
// so the list lives in one place.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// Lit's production build, whatever the caller's NODE_ENV (Vitest sets "test").
process.env.NODE_ENV = 'production';
const root = fileURLToPath(new URL('..', import.meta.url));
// Output names source paths relative to the working directory: the same from any caller.
process.chdir(root);
// Chunk names change with their content: last build's must not linger beside the manifest.
await rm(path.join(root, 'dist/widgets'), { recursive: true, force: true });
for (const mode of ['production', 'single', 'embed', 'modules']) await build({ root, mode, logLevel: 'warn' });
