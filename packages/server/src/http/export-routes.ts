import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPORT_SCHEMA_PATH, type Framework, type JobProfileOptions } from '@altitude/schema';
import { EXPORT_SCHEMA_FILE, renderExport, type ExportFormat } from '../exports/export-formats.js';
import { MadeOnce } from './made-once.js';
import { cacheControlFor, type ReaderOrigin } from './security-headers.js';
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
 * content version (and origin), with a strong ETag and 304s. The JSON and
 * JSON-LD hold absolute links, so they are private when the request chose
 * the origin; the CSV and the JSON Schema hold none and are always public.
 */
export async function sendExport(
  req: IncomingMessage,
  res: ServerResponse,
  framework: Framework,
  jobProfile: JobProfileOptions,
  origin: ReaderOrigin,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let entry: Rendered;
  let holdsOrigin = false;
  if (url.pathname === EXPORT_SCHEMA_PATH_URL) {
    schemaExport ??= readFile(EXPORT_SCHEMA_PATH, 'utf8').then((text) =>
      prepare(text, 'application/schema+json; charset=utf-8', EXPORT_SCHEMA_FILE),
    );
    entry = await schemaExport;
  } else {
    const format = EXPORT_PATHS.get(url.pathname)!;
    const bom = format === 'csv' && ['1', 'true'].includes(url.searchParams.get('bom') ?? '');
    holdsOrigin = format !== 'csv';
    // The CSV is the same from every origin: one copy of it.
    const key = `${format}|${bom}|${holdsOrigin ? origin.url : ''}`;
    entry = rendered.get(framework, key, () => {
      const r = renderExport(format, framework, { jobProfile, publicUrl: origin.url, bom });
      return prepare(r.body, r.contentType, r.fileName);
    });
  }
  const cacheControl = 'public, max-age=60, must-revalidate';
  sendBytes(req, res, entry, {
    'content-type': entry.contentType,
    'cache-control': holdsOrigin ? cacheControlFor(origin, cacheControl) : cacheControl,
    'access-control-allow-origin': '*',
    'content-disposition': `${entry.fileName.endsWith('.csv') ? 'attachment' : 'inline'}; filename="${entry.fileName}"`,
  });
}

export function isExportPath(pathname: string): boolean {
  return EXPORT_PATHS.has(pathname) || pathname === EXPORT_SCHEMA_PATH_URL;
}
