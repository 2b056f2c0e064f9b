import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArgumentError, EXPORT_SCHEMA_PATH, type Framework, type JobProfileOptions } from '@altitude/schema';
import { EXPORT_SCHEMA_FILE, renderExport, type ExportFormat } from '../exports/export-formats.js';
import { exportLocale, type ExportLocale } from '../exports/export-locale.js';
import { isHrSuitePath, sendHrSuite } from './hr-suite-routes.js';
import { MadeOnce } from './made-once.js';
import { cacheControlFor, type ReaderOrigin } from './security-headers.js';
import { representationOf, sendBytes, sendJson } from './send.js';

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
  /** The languages of the text (Content-Language); none for the JSON Schema. */
  readonly languages?: string;
}

const rendered = new MadeOnce<Rendered>();
let schemaExport: Promise<Rendered> | undefined;

function prepare(body: string, contentType: string, fileName: string): Rendered {
  return { ...representationOf(Buffer.from(body)), contentType, fileName };
}

/** `?name=` once at most: a repeated parameter is ambiguous, so it is refused rather than guessed. */
function single(url: URL, name: string): string | undefined {
  const values = url.searchParams.getAll(name);
  if (values.length > 1) throw new ArgumentError(`give ${name} once, not ${values.length} times`, { argument: name, value: values.length });
  return values[0];
}

/**
 * `/export/*`: the same exports as `altitude export`, rendered once per
 * content version, locale (and origin), with a strong ETag and 304s.
 * `?locale=de` exports in a locale as the API serves it (a tag not served
 * falls back along its chain; Content-Language says the one served), and
 * `?locale-columns=de,ja` adds the CSV's per-locale columns; a malformed
 * tag is a 400. The JSON and
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
  // The HR suites' import files: an index and several files per suite (exports/hr-suites).
  if (isHrSuitePath(url.pathname)) return sendHrSuite(req, res, framework, jobProfile);
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
    let view: ExportLocale;
    try {
      view = exportLocale(framework, format, { locale: single(url, 'locale'), localeColumns: single(url, 'locale-columns') });
    } catch (error) {
      if (!(error instanceof ArgumentError)) throw error;
      const { argument, value, validValues } = error.problem;
      const message = error.message.startsWith(`${argument} `) ? error.message : `${argument}: ${error.message}`;
      sendJson(res, 400, { error: message, argument, value, ...(validValues ? { validValues } : {}) });
      return;
    }
    const languages = [view.framework, ...view.localeColumns].map((f) => f.view.locale);
    // Keyed by the locales served, not as asked: `de-CH` and `DE` share German's copy.
    // The CSV is the same from every origin: one copy of it.
    const key = `${format}|${bom}|${languages.join(',')}|${holdsOrigin ? origin.url : ''}`;
    entry = rendered.get(framework, key, () => {
      const r = renderExport(format, view.framework, { jobProfile, publicUrl: origin.url, bom, localeColumns: view.localeColumns });
      return { ...prepare(r.body, r.contentType, r.fileName), languages: [...new Set(languages)].join(', ') };
    });
  }
  const cacheControl = 'public, max-age=60, must-revalidate';
  sendBytes(req, res, entry, {
    'content-type': entry.contentType,
    'cache-control': holdsOrigin ? cacheControlFor(origin, cacheControl) : cacheControl,
    'access-control-allow-origin': '*',
    'content-disposition': `${entry.fileName.endsWith('.csv') ? 'attachment' : 'inline'}; filename="${entry.fileName}"`,
    ...(entry.languages ? { 'content-language': entry.languages } : {}),
  });
}

export function isExportPath(pathname: string): boolean {
  return EXPORT_PATHS.has(pathname) || pathname === EXPORT_SCHEMA_PATH_URL || isHrSuitePath(pathname);
}
