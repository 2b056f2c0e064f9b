import path from 'node:path';
import { ArgumentError, type LoadOptions } from '@altitude/schema';
import writeFileAtomic from 'write-file-atomic';
import { ConfigError, loadConfig } from '../config/altitude-config.js';
import { isHrSuiteFormat, renderExport, type CliExportFormat } from '../exports/export-formats.js';
import { exportLocale } from '../exports/export-locale.js';
import { runHrSuiteExport } from './export-hr-suite.js';
import { loadOrReport } from './load-or-report.js';

export interface ExportCommandOptions {
  /** Optional only with --template (a suite without a format of its own: Culture Amp, HiBob, a Workday EIB). */
  readonly format?: CliExportFormat | undefined;
  readonly out?: string;
  /** HR suites: a template downloaded from the customer's own tenant, filled under its header. */
  readonly template?: string | undefined;
  /** HR suites: run the suite's documented rules over the output and print a report; write nothing. */
  readonly check?: boolean;
  readonly bom: boolean;
  /** BCP 47 tag of the language to export in; the framework's own when absent. */
  readonly locale?: string;
  /** CSV only: comma-separated locales that each add a column per translatable column (`Job Title.de_DE`). */
  readonly localeColumns?: string;
  readonly contentDir: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  /** Where each locale takes missing strings from (the config's locales.fallbacks). */
  readonly localeFallbacks?: LoadOptions['localeFallbacks'];
  readonly config?: string;
  readonly cwd: string;
}

export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:4000';

/** `altitude export`: the framework as JSON, CSV or JSON-LD, or an HR suite's import files, in any locale served. */
export async function runExport(options: ExportCommandOptions): Promise<number> {
  const hrSuite = isHrSuiteFormat(options.format) || options.template !== undefined;
  const usage = hrSuite
    ? options.format !== undefined && !isHrSuiteFormat(options.format)
      ? `--template fills an HR suite's template: use --format 15five, sap-jpb or workday, or leave --format out for another suite's`
      : undefined
    : options.format === undefined
      ? '--format is required (json, csv, jsonld, 15five, sap-jpb or workday)'
      : options.check
        ? "--check runs an HR suite's rules: use it with --format 15five, sap-jpb or workday, or with --template"
        : undefined;
  if (usage) {
    process.stderr.write(`altitude: ${usage}\n`);
    return 2;
  }
  const format = options.format ?? 'json';
  for (const [given, option] of [
    [options.bom, '--bom'],
    [options.localeColumns !== undefined, '--locale-columns'],
  ] as const)
    if (given && format !== 'csv') {
      process.stderr.write(`altitude: ${option} only applies to --format csv\n`);
      return 2;
    }
  const source = await loadOrReport(options.contentDir, options.cwd, options);
  if (!source) return 1;
  let view;
  try {
    // An HR suite takes no locale columns (refused above): its locales are the ones declared.
    view = exportLocale(source, isHrSuiteFormat(format) ? 'json' : format, options);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    // "locale must be …" reads as the option the user gave: "--locale must be …".
    const message =
      error.problem.argument === 'locale'
        ? `${error.message.replace(/^locale /, '--locale ')} Served: ${[...source.translations.keys()].join(', ')}.`
        : `--locale-columns: ${error.message}`;
    process.stderr.write(`altitude: ${message}\n`);
    return 2;
  }
  const { framework } = view;
  if (view.fellBackFrom)
    process.stderr.write(
      `altitude: ${view.fellBackFrom} is not served; exporting ${framework.view.locale}, the first locale of its fallback chain that is\n`,
    );
  let config;
  try {
    config = await loadConfig(source, options.cwd, options.config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`altitude: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (hrSuite || isHrSuiteFormat(format))
    return runHrSuiteExport(framework, config.jobProfile, {
      format: isHrSuiteFormat(options.format) ? options.format : undefined,
      template: options.template,
      check: options.check ?? false,
      out: options.out,
      cwd: options.cwd,
    });
  const rendered = renderExport(format, framework, {
    jobProfile: config.jobProfile,
    publicUrl: config.publicUrl ?? DEFAULT_PUBLIC_URL,
    bom: options.bom,
    localeColumns: view.localeColumns,
  });
  if (!options.out) {
    process.stdout.write(rendered.body);
    return 0;
  }
  const file = path.resolve(options.cwd, options.out);
  // Atomic: an HR import watching the folder never sees half a file.
  await writeFileAtomic(file, rendered.body);
  process.stderr.write(`Wrote ${path.relative(options.cwd, file)}: ${rendered.describe}\n`);
  return 0;
}
