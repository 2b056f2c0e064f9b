import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_PACKAGE_DIR } from './paths.js';

/**
 * The version of the GraphQL API: this package's version, which moves with
 * the schema (packages/schema/api/ keeps each released schema under it). The
 * content has a version of its own.
 */
export const API_VERSION: string = (JSON.parse(readFileSync(path.join(SCHEMA_PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string })
  .version;
