import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Resolved from this module so they hold in src/ (tests) and dist/ (built) alike.
export const SCHEMA_PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
export const SDL_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const EXPORT_SCHEMA_PATH = fileURLToPath(new URL('../framework.schema.json', import.meta.url));
export const OVERLAY_SCHEMA_PATH = fileURLToPath(new URL('../overlay.schema.json', import.meta.url));

// The content the CLI serves when given none. Inside the repository it is the
// repository's content/, where the framework is edited, so an edit there is
// what runs and is tested. Installed from npm there is no repository: the
// package ships a copy of content/ in its own content/ folder
// (scripts/copy-content.mjs, at prepack). The repository is recognised by its
// pnpm-workspace.yaml two folders above this package, which no installed
// location has (there that folder is node_modules or pnpm's store); the copy
// is never read inside the repository, even after a `pnpm pack` made one.
const IN_REPOSITORY = existsSync(path.join(REPO_ROOT, 'pnpm-workspace.yaml'));
export const DEFAULT_CONTENT_DIR = IN_REPOSITORY ? path.join(REPO_ROOT, 'content') : path.join(SCHEMA_PACKAGE_DIR, 'content');
export const CONTENT_SCHEMA_PATH = path.join(DEFAULT_CONTENT_DIR, 'content.schema.json');
