import { exportFrameworkText, levelsCsv, occupationsJsonLd, type Framework, type JobProfileOptions } from '@altitude/schema';
import { HR_SUITE_FORMATS, type HrSuiteFormat } from './hr-suites/hr-suites.js';

export const EXPORT_FORMATS = ['json', 'csv', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Every `--format` the CLI takes: the exports above and the HR suites' import files (exports/hr-suites). */
export const CLI_EXPORT_FORMATS = [...EXPORT_FORMATS, ...HR_SUITE_FORMATS] as const;
export type CliExportFormat = ExportFormat | HrSuiteFormat;
export const isHrSuiteFormat = (format: string | undefined): format is HrSuiteFormat =>
  (HR_SUITE_FORMATS as readonly string[]).includes(format ?? '');

export interface RenderedExport {
  readonly body: string;
  readonly contentType: string;
  /** The name the HTTP endpoint serves it under. */
  readonly fileName: string;
  /** What the export holds, for the CLI's confirmation line. */
  readonly describe: string;
}

export interface ExportOptions {
  readonly jobProfile: JobProfileOptions;
  /** Base URL for links inside the export (the published JSON Schema, JSON-LD @ids). */
  readonly publicUrl: string;
  readonly bom?: boolean;
  /** CSV only: the framework in further locales, one column each per translatable column. */
  readonly localeColumns?: readonly Framework[];
}

export const EXPORT_SCHEMA_FILE = 'framework.schema.json';

/**
 * JSON-LD is made to be pasted into a page's `<script type="application/ld+json">`,
 * where a `</script>` or `<!--` inside a string would end or change the
 * script. Every `<` is written `\u003c` instead: the same string to a JSON
 * parser, and none can appear outside a string in JSON text.
 */
const scriptSafe = (json: string) => json.replace(/</g, '\\u003c');

/** One export of the framework (in the locale it was resolved for), the same bytes for the CLI and for /export/*. */
export function renderExport(format: ExportFormat, framework: Framework, options: ExportOptions): RenderedExport {
  const locale = framework.view.locale;
  switch (format) {
    case 'json':
      return {
        body: exportFrameworkText(framework, `${options.publicUrl}/export/${EXPORT_SCHEMA_FILE}`),
        contentType: 'application/json; charset=utf-8',
        fileName: 'framework.json',
        describe: `the framework (${framework.entities.length + framework.sources.length} items, version ${framework.version}, in ${locale})`,
      };
    case 'csv':
      return {
        body: levelsCsv(framework, options.jobProfile, { bom: options.bom ?? false, localeColumns: options.localeColumns ?? [] }),
        contentType: 'text/csv; charset=utf-8; header=present',
        fileName: 'levels.csv',
        describe: `${framework.levels.length} job profiles in ${[locale, ...(options.localeColumns ?? []).map((l) => l.view.locale)].join(', ')}`,
      };
    case 'jsonld':
      return {
        body: `${scriptSafe(JSON.stringify(occupationsJsonLd(framework, options.jobProfile, options.publicUrl), null, 2))}\n`,
        contentType: 'application/ld+json; charset=utf-8',
        fileName: 'framework.jsonld',
        describe: `${framework.levels.length} schema.org Occupations in ${locale}`,
      };
  }
}
