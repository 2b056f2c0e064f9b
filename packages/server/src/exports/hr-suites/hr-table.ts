import type { HrOrigin } from './hr-model.js';

/** One column of a suite's import file, with the rules the suite documents for it. */
export interface HrColumn {
  /** The header the suite reads (its first header row). */
  readonly key: string;
  /** SAP's second header row: what the column holds, in words. */
  readonly label?: string;
  /** The import refuses a row without a value here. */
  readonly required?: boolean;
  /** Required only when another column holds a value (15Five's Groups when Company wide is FALSE). */
  readonly requiredWhen?: { readonly key: string; readonly equals: string };
  /** The most characters the suite stores. */
  readonly maxLength?: number;
  /** The only values the suite accepts. */
  readonly allowed?: readonly string[];
  /** Holds HTML: only HR_HTML_TAGS may appear. */
  readonly html?: boolean;
  /** Other headers a customer's template may give this column (compared without case, spaces or punctuation). */
  readonly aliases?: readonly string[];
}

export interface HrRow {
  readonly values: Readonly<Record<string, string>>;
  /** The item the row was made from. */
  readonly origin: HrOrigin;
}

/** One CSV file of a suite: its columns, in order, and its rows. */
export interface HrTable {
  readonly fileName: string;
  /** SAP's templates have two header rows (keys, then labels); the others one. */
  readonly headerRows: 1 | 2;
  readonly columns: readonly HrColumn[];
  readonly rows: readonly HrRow[];
  /** Rules over whole rows, beyond each column's own. */
  readonly oneBehaviourPerRow?: { readonly behaviour: string; readonly within: readonly string[] };
  /** Columns that hold one value throughout the file (15Five: one path per file). */
  readonly samePerFile?: readonly string[];
  /** Columns whose values must be unique across the file. */
  readonly unique?: readonly string[];
}

// Characters a spreadsheet reads as the start of a formula (and their full-width forms).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell csvText wrote with an apostrophe before it (`'=SUM(…)`): one character longer than the value. */
export const formulaGuarded = (cell: string) => cell.startsWith("'") && FORMULA_START.test(cell.slice(1));

/**
 * RFC 4180 (CRLF, quotes where needed), UTF-8 without a byte-order mark.
 * A cell that a spreadsheet would run as a formula (=, +, -, @ first) gets
 * a leading apostrophe, as in levels.csv: the files are opened by people
 * other than those who wrote the content.
 */
export function csvText(records: readonly (readonly string[])[], { delimiter = ',', recordDelimiter = '\r\n' } = {}): string {
  const cell = (value: string) => {
    const safe = FORMULA_START.test(value) ? `'${value}` : value;
    return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return records.map((record) => `${record.map(cell).join(delimiter)}${recordDelimiter}`).join('');
}

/** The table as the suite imports it: its header row(s), then one line per row, every column in order. */
export function tableCsv(table: HrTable): string {
  const header = table.columns.map((c) => c.key);
  const labels = table.headerRows === 2 ? [table.columns.map((c) => c.label ?? c.key)] : [];
  return csvText([header, ...labels, ...table.rows.map((row) => table.columns.map((c) => row.values[c.key] ?? ''))]);
}
