import { stringify } from 'csv-stringify/sync';
import type { Framework } from '../graph/types.js';
import { expectationText, jobCode, type JobProfileOptions } from './job-profile.js';

/**
 * One row per level, as a job profile for bulk import (the last column names
 * the dimensions where the text is the framework's reading, not its sources'): RFC 4180 (CRLF,
 * quotes where needed), UTF-8, a header row, plain text in every cell.
 * `bom` prepends a byte-order mark for spreadsheet tools that need it.
 *
 * A cell that begins with =, +, -, @, a tab or a carriage return (or their
 * full-width forms) gets a leading apostrophe, so a spreadsheet shows it as
 * text instead of running it as a formula (OWASP "CSV injection"): content
 * and config are authored by people other than those who open the file.
 */
export function levelsCsv(framework: Framework, options: JobProfileOptions, { bom = false }: { bom?: boolean } = {}): string {
  const header = [
    'Job Code',
    'Job Title',
    'Job Family',
    'Rank',
    'Summary',
    ...framework.dimensions.map((d) => d.title),
    'Description',
    'Interpreted Dimensions',
  ];
  const rows = framework.levels.map((level) => [
    jobCode(options, level),
    level.title,
    options.jobFamily,
    String(level.rank),
    level.summary.text,
    ...level.expectations.map(expectationText),
    level.description.text,
    // The dimensions whose text is the framework's reading rather than what the sources say of the level.
    level.expectations
      .filter((e) => e.basis === 'interpreted')
      .map((e) => e.dimension.title)
      .join('; '),
  ]);
  // Quote any field holding a line break or carriage return, which csv-stringify
  // would otherwise leave bare (RFC 4180 requires quotes for CR and LF).
  return stringify([header, ...rows], { record_delimiter: 'windows', bom, quoted_match: /[\r\n]/, escape_formulas: true });
}
