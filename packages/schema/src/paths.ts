import { fileURLToPath } from 'node:url';

// Resolved from this module so they hold in src/ (tests) and dist/ (built) alike.
export const SCHEMA_PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
export const SDL_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));
export const CONTENT_SCHEMA_PATH = fileURLToPath(new URL('../../../content/content.schema.json', import.meta.url));
export const EXPORT_SCHEMA_PATH = fileURLToPath(new URL('../framework.schema.json', import.meta.url));
