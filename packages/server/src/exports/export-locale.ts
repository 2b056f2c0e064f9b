import { ArgumentError, canonicalTag, frameworkInLocale, localeColumnFrameworks, type Framework } from '@altitude/schema';
import type { ExportFormat } from './export-formats.js';

/** What an export request says of languages: `--locale`/`?locale=` and, for the CSV, `--locale-columns`/`?locale-columns=`. */
export interface ExportLocaleRequest {
  readonly locale?: string | undefined;
  readonly localeColumns?: string | undefined;
}

export interface ExportLocale {
  /** The framework the export is made from: in the locale asked for, or the first of its fallback chain served. */
  readonly framework: Framework;
  /** The locale asked for, canonical, when it is not the one served (it fell back). */
  readonly fellBackFrom: string | undefined;
  /** The frameworks the CSV adds columns for, in the order asked. */
  readonly localeColumns: readonly Framework[];
}

/**
 * Which framework an export is made from, decided as the API decides it
 * (frameworkInLocale), and the CSV's further locales. A malformed tag, or
 * locale columns on another format than the CSV, is an ArgumentError the
 * CLI reports as a usage error and HTTP as a 400.
 */
export function exportLocale(framework: Framework, format: ExportFormat, request: ExportLocaleRequest): ExportLocale {
  const served = request.locale === undefined ? framework : frameworkInLocale(framework, request.locale);
  // frameworkInLocale has refused a malformed tag: this one is well-formed.
  const asked = request.locale === undefined ? served.view.locale : (canonicalTag(request.locale) ?? request.locale);
  if (request.localeColumns !== undefined && format !== 'csv')
    throw new ArgumentError('locale columns only apply to the CSV', { argument: 'locale-columns', value: request.localeColumns });
  return {
    framework: served,
    fellBackFrom: asked === served.view.locale ? undefined : asked,
    localeColumns: request.localeColumns === undefined ? [] : localeColumnFrameworks(framework, request.localeColumns),
  };
}
