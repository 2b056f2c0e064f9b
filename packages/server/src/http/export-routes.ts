import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPORT_SCHEMA_PATH, type Framework } from '@altitude/schema';
import type { ResolvedConfig } from '../config/altitude-config.js';
import { EXPORT_SCHEMA_FILE, renderExport, type ExportFormat } from '../exports/export-formats.js';
import { MadeOnce } from './made-once.js';
import { representationOf, sendBytes } from './send.js';

/** Path → format of the exports served over HTTP. */
export const EXPORT_PATHS: ReadonlyMap<string, ExportFormat> = new Map([
  ['/export/framework.json', 'json'],
  ['/export/levels.csv', 'csv'],
  ['/export/framework.jsonld', 'jsonld'],
]);
export const EXPORT_SCHEMA_PATH_URL = `/export/${EXPORT_SCHEMA_FILE}`;

interface Rendered {
  readonly body: Buffer;
  readonly gzip: Buffer;
  readonly etag: string;
  readonly contentType: string;
  readonly fileName: string;
}

const rendered = new MadeOnce<Rendered>();
let schemaExport: Promise<Rendered> | undefined;

function prepare(body: string, contentType: string, fileName: string): Rendered {
  return { ...representationOf(Buffer.from(body)), contentType, fileName };
}

/**
 * `/export/*`: the same exports as `altitude export`, rendered once per
 * content version (and public URL), with a strong ETag and 304s.
 */
export async function sendExport(
  req: IncomingMessage,
  res: ServerResponse,
  framework: Framework,
  config: ResolvedConfig,
  origin: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const publicUrl = config.publicUrl ?? origin;
  let entry: Rendered;
  if (url.pathname === EXPORT_SCHEMA_PATH_URL) {
    schemaExport ??= readFile(EXPORT_SCHEMA_PATH, 'utf8').then((text) =>
      prepare(text, 'application/schema+json; charset=utf-8', EXPORT_SCHEMA_FILE),
    );
    entry = await schemaExport;
  } else {
    const format = EXPORT_PATHS.get(url.pathname)!;
    const bom = format === 'csv' && ['1', 'true'].includes(url.searchParams.get('bom') ?? '');
    const key = `${format}|${bom}|${publicUrl}`;
    entry = rendered.get(framework, key, () => {
      const r = renderExport(format, framework, { jobProfile: config.jobProfile, publicUrl, bom });
      return prepare(r.body, r.contentType, r.fileName);
    });
  }
  sendBytes(req, res, entry, {
    'content-type': entry.contentType,
    'cache-control': 'public, max-age=60, must-revalidate',
    'access-control-allow-origin': '*',
    'content-disposition': `${entry.fileName.endsWith('.csv') ? 'attachment' : 'inline'}; filename="${entry.fileName}"`,
  });
}

export function isExportPath(pathname: string): boolean {
  return EXPORT_PATHS.has(pathname) || pathname === EXPORT_SCHEMA_PATH_URL;
}
