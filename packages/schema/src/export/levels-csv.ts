import { stringify } from 'csv-stringify/sync';
import type { Framework, Level } from '../graph/types.js';
import { expectationText, jobCode, type JobProfileOptions } from './job-profile.js';
import { localeColumnSuffix } from './locale-columns.js';

export interface LevelsCsvOptions {
  /** Prepend a byte-order mark, for spreadsheet tools that need one. */
  readonly bom?: boolean;
  /** The framework in further locales: each adds a column per translatable column, after the others. */
  readonly localeColumns?: readonly Framework[];
}

/** The columns whose text is the framework's own words, as header and cell: the ones a locale column repeats. */
function translatableColumns(framework: Framework): { header: string; cell: (level: Level) => string }[] {
  return [
    { header: 'Job Title', cell: (level) => level.title },
    { header: 'Summary', cell: (level) => level.summary.text },
    ...framework.dimensions.map((d) => ({
      header: d.title,
      cell: (level: Level) => {
        const expectation = level.expectations.find((e) => e.dimension.slug === d.slug);
        return expectation ? expectationText(expectation) : '';
      },
    })),
    { header: 'Description', cell: (level) => level.description.text },
  ];
}

/**
 * One row per level, as a job profile for bulk import (the last column names
 * the dimensions where the text is the framework's reading, not its sources'): RFC 4180 (CRLF,
 * quotes where needed), UTF-8, a header row, plain text in every cell.
 *
 * Each locale of `localeColumns` adds, after those columns, one column per
 * translatable column named as SAP SuccessFactors names them: the column's
 * header, a dot and the locale's suffix (`Job Title.de_DE`), the columns of
 * one field side by side. The columns before them stay as they were, so an
 * import mapped by position or by name keeps working.
 *
 * A cell that begins with =, +, -, @, a tab or a carriage return (or their
 * full-width forms) gets a leading apostrophe, so a spreadsheet shows it as
 * text instead of running it as a formula (OWASP "CSV injection"): content
 * and config are authored by people other than those who open the file.
 */
export function levelsCsv(
  framework: Framework,
  options: JobProfileOptions,
  { bom = false, localeColumns = [] }: LevelsCsvOptions = {},
): string {
  const translatable = translatableColumns(framework);
  const header = [
    'Job Code',
    'Job Title',
    'Job Family',
    'Rank',
    'Summary',
    ...framework.dimensions.map((d) => d.title),
    'Description',
    'Interpreted Dimensions',
    ...translatable.flatMap((column) => localeColumns.map((l) => `${column.header}.${localeColumnSuffix(l.view.locale)}`)),
  ];
  const rows = framework.levels.map((level) => {
    // The same level in each further locale (the same slugs are served in every locale).
    const localised = localeColumns.map((l) => l.levels.find((other) => other.slug === level.slug));
    const [title, summary, ...rest] = translatable.map((column) => column.cell(level));
    return [
      jobCode(options, level),
      title!,
      options.jobFamily,
      String(level.rank),
      summary!,
      ...rest,
      // The dimensions whose text is the framework's reading rather than what the sources say of the level.
      level.expectations
        .filter((e) => e.basis === 'interpreted')
        .map((e) => e.dimension.title)
        .join('; '),
      ...translatable.flatMap((column) => localised.map((other) => (other ? column.cell(other) : ''))),
    ];
  });
  // Quote any field holding a line break or carriage return, which csv-stringify
  // would otherwise leave bare (RFC 4180 requires quotes for CR and LF).
  return stringify([header, ...rows], { record_delimiter: 'windows', bom, quoted_match: /[\r\n]/, escape_formulas: true });
}
