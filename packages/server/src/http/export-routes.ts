import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { EXPORT_SCHEMA_PATH, type Framework } from '@altitude/schema';
import type { ResolvedConfig } from '../config/altitude-config.js';
import { EXPORT_SCHEMA_FILE, renderExport, type ExportFormat } from '../exports/export-formats.js';
import { etagOf, sendBytes } from './send.js';

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

const rendered = new WeakMap<Framework, Map<string, Rendered>>();
let schemaText: Promise<string> | undefined;

function prepare(body: string, contentType: string, fileName: string): Rendered {
  const bytes = Buffer.from(body);
  return {
    body: bytes,
    gzip: gzipSync(bytes),
    etag: etagOf(bytes),
    contentType,
    fileName,
  };
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
    schemaText ??= readFile(EXPORT_SCHEMA_PATH, 'utf8');
    entry = prepare(await schemaText, 'application/schema+json; charset=utf-8', EXPORT_SCHEMA_FILE);
  } else {
    const format = EXPORT_PATHS.get(url.pathname)!;
    const bom = format === 'csv' && ['1', 'true'].includes(url.searchParams.get('bom') ?? '');
    const key = `${format}|${bom}|${publicUrl}`;
    const forFramework = rendered.get(framework) ?? new Map<string, Rendered>();
    rendered.set(framework, forFramework);
    if (!forFramework.has(key)) {
      const r = renderExport(format, framework, { jobProfile: config.jobProfile, publicUrl, bom });
      forFramework.set(key, prepare(r.body, r.contentType, r.fileName));
    }
    entry = forFramework.get(key)!;
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
