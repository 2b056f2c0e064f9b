import path from 'node:path';
import { REPO_ROOT, SCHEMA_PACKAGE_DIR } from '../paths.js';

// Built on paths.ts, so they hold in src/ (tests) and dist/ (built) alike.
export const API_SNAPSHOTS_DIR = path.join(SCHEMA_PACKAGE_DIR, 'api');
export const API_CHANGELOG_PATH = path.join(REPO_ROOT, 'docs', 'api-changes.md');
