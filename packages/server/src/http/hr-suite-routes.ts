import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ArgumentError, type Framework, type JobProfileOptions } from '@altitude/schema';
import { exportLocale } from '../exports/export-locale.js';
import type { HrViolation } from '../exports/hr-suites/hr-rules.js';
import { HR_SUITE_FORMATS, renderHrSuite, type HrSuiteFormat } from '../exports/hr-suites/hr-suites.js';
import { MadeOnce } from './made-once.js';
import { representationOf, sendBytes, sendJson, type Representation } from './send.js';

/** `/export/15five/`, `/export/sap-jpb/Role.csv`, …: a suite's index, or one of its files. */
const HR_SUITE_PATH = new RegExp(`^/export/(${HR_SUITE_FORMATS.join('|')})(?:/([^/]{0,200}))?$`);

export function isHrSuitePath(pathname: string): boolean {
  return HR_SUITE_PATH.test(pathname);
}

/** The index URLs, for the 404's list of endpoints. */
export const HR_SUITE_INDEX_PATHS = HR_SUITE_FORMATS.map((f) => `/export/${f}/`);

interface RenderedSuite {
  readonly files: ReadonlyMap<string, Representation & { readonly contentType: string }>;
  readonly index: unknown;
  /** The suite's rules broken by the content: the files are not served. */
  readonly problems: readonly string[];
}

/** The most problems a 422 lists; the rest are counted, and `altitude export --check` lists them all. */
export const MAX_PUBLIC_PROBLEMS = 50;

/**
 * The problems as a public answer says them: the file, the field and the
 * item, and the content file relative to the content folder (a file outside
 * it, such as an overlay's, by its name alone), never the server's paths.
 */
export function publicProblems(violations: readonly HrViolation[], contentDir: string): string[] {
  const fileName = (file: string) => {
    const relative = path.relative(contentDir, file);
    return relative && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative)
      ? relative.split(path.sep).join('/')
      : path.basename(file);
  };
  const listed = violations.slice(0, MAX_PUBLIC_PROBLEMS).map((v) => {
    const where = `${v.file}:${v.line}:${v.column}${v.field ? ` ${v.field}` : ''}`;
    const from = v.origin ? ` (from ${v.origin.item} in ${fileName(v.origin.location.file)}:${v.origin.location.line})` : '';
    return `${where}: ${v.message}${from}`;
  });
  const more = violations.length - listed.length;
  return more > 0 ? [...listed, `…and ${more} more`] : listed;
}

// A few formats × locales per content version: each entry is a suite's files in one locale.
const rendered = new MadeOnce<RenderedSuite>(50);

function render(format: HrSuiteFormat, framework: Framework, jobProfile: JobProfileOptions): RenderedSuite {
  const result = renderHrSuite(format, framework, jobProfile);
  const files = new Map(result.files.map((f) => [f.name, { ...representationOf(Buffer.from(f.body)), contentType: f.contentType }]));
  return {
    files,
    problems: publicProblems(result.violations, path.dirname(framework.headerFile)),
    index: {
      format,
      suite: result.suite,
      locale: framework.view.locale,
      version: framework.version,
      files: result.files.map((f) => ({
        name: f.name,
        url: `/export/${format}/${encodeURIComponent(f.name)}${framework.view.locale === framework.locales[0]?.tag ? '' : `?locale=${framework.view.locale}`}`,
        contentType: f.contentType,
        bytes: files.get(f.name)!.body.length,
      })),
    },
  };
}

/**
 * `/export/<suite>/` lists the suite's files (JSON: name, url, type, size);
 * `/export/<suite>/<file>` serves one, the same bytes `altitude export
 * --format <suite>` writes, rendered once per content version and locale
 * (`?locale=de`), with ETags. Content that breaks the suite's documented
 * rules is a 422 naming every problem, never a file cut to fit. A template
 * to fill is the CLI's job (`--template`): nothing here reads a body.
 */
export function sendHrSuite(req: IncomingMessage, res: ServerResponse, framework: Framework, jobProfile: JobProfileOptions): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, format, file] = HR_SUITE_PATH.exec(url.pathname) as unknown as [string, HrSuiteFormat, string | undefined];
  const locales = url.searchParams.getAll('locale');
  let served: Framework;
  try {
    if (locales.length > 1)
      throw new ArgumentError(`give locale once, not ${locales.length} times`, { argument: 'locale', value: locales.length });
    served = exportLocale(framework, 'json', { locale: locales[0] }).framework;
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    const { argument, value, validValues } = error.problem;
    sendJson(res, 400, { error: error.message, argument, value, ...(validValues ? { validValues } : {}) });
    return;
  }
  const suite = rendered.get(framework, `${format}|${served.view.locale}`, () => render(format, served, jobProfile));
  if (suite.problems.length) {
    sendJson(res, 422, {
      error: `the content breaks rules ${format} documents; fix it (altitude export --format ${format} --check)`,
      problems: suite.problems,
    });
    return;
  }
  const headers = {
    'cache-control': 'public, max-age=60, must-revalidate',
    'access-control-allow-origin': '*',
    'content-language': served.view.locale,
  };
  if (file === undefined || file === '') {
    sendJson(res, 200, suite.index, headers);
    return;
  }
  let name: string;
  try {
    name = decodeURIComponent(file);
  } catch {
    name = file;
  }
  const entry = suite.files.get(name);
  if (!entry) {
    sendJson(res, 404, { error: `${format} has no file ${JSON.stringify(name.slice(0, 100))}`, files: [...suite.files.keys()] });
    return;
  }
  sendBytes(req, res, entry, {
    ...headers,
    'content-type': entry.contentType,
    'content-disposition': `attachment; filename="${name.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}
