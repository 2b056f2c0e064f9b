import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CheckedCsv } from './hr-rules.js';
import type { HrColumn, HrTable } from './hr-table.js';
import { csvText } from './hr-table.js';

/** A downloaded template is a header and perhaps a few rows: anything larger is refused before it is parsed. */
export const TEMPLATE_LIMITS = { bytes: 1024 * 1024, columns: 500, rows: 10_000, headerCell: 256 } as const;

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** A customer's template, read and bounded: its header row(s) exactly as written, and what they say. */
export interface HrTemplate {
  readonly fileName: string;
  /** The header rows' bytes as they are in the file (a byte-order mark included), written back unchanged. */
  readonly rawHeader: string;
  /** The keys of the first header row. */
  readonly keys: readonly string[];
  readonly headerRows: 1 | 2;
  readonly delimiter: string;
  readonly recordDelimiter: '\r\n' | '\n' | '\r';
  /** Data rows the template came with (a download "with existing data"); not copied. */
  readonly droppedRows: number;
}

/** Header text compared loosely: case, spaces and punctuation other than dots ignored, and marks of "required" dropped. */
export const normaliseKey = (header: string) =>
  header
    .replace(/\(\s*required\s*\)/gi, '')
    .replace(/\*/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.[\]]+/gu, '');

/** A header a template marks required: `*Name`, `Name*` or `Name (required)`. */
export const markedRequired = (header: string) => /^\s*\*|\*\s*$|\(\s*required\s*\)/i.test(header);

/**
 * Reads a template: at most TEMPLATE_LIMITS.bytes, UTF-8 (a byte-order mark
 * kept), a comma, semicolon or tab as delimiter, at most
 * TEMPLATE_LIMITS.columns columns and TEMPLATE_LIMITS.rows rows. Two header
 * rows when the suite's templates have two (SAP) or when the first cell is
 * SAP's `[OPERATOR]`; one otherwise.
 */
export function readTemplate(bytes: Buffer, fileName: string, twoHeaderRows: boolean): HrTemplate {
  const name = path.basename(fileName);
  if (bytes.length > TEMPLATE_LIMITS.bytes)
    throw new TemplateError(
      `${name} is ${bytes.length} bytes; a template is at most ${TEMPLATE_LIMITS.bytes} (1 MiB): its header and a few rows`,
    );
  if (bytes.length === 0) throw new TemplateError(`${name} is empty; download the template from your HR system and pass that file`);
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark in the text, to be written back with the header.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TemplateError(`${name} is not UTF-8 text; save it from your spreadsheet as "CSV UTF-8"`);
  }
  if (text.includes('\u0000'))
    throw new TemplateError(`${name} holds NUL characters: it is not a CSV file (an .xlsx? save it as CSV UTF-8)`);
  const body = text.replace(/^\uFEFF/, '');
  // Old Mac spreadsheets end lines with a lone \r.
  const firstLine = body.slice(0, body.search(/\r\n|\r|\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  if (firstLine.split(delimiter).length > TEMPLATE_LIMITS.columns + 1)
    throw new TemplateError(`${name} has more than ${TEMPLATE_LIMITS.columns} columns; a template has a few dozen at most`);
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(body, {
      delimiter,
      raw: true,
      relax_column_count: true,
      to: TEMPLATE_LIMITS.rows + 1,
      max_record_size: 64 * 1024,
    }) as unknown as typeof records;
  } catch (error) {
    throw new TemplateError(`${name} is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length > TEMPLATE_LIMITS.rows)
    throw new TemplateError(`${name} has more than ${TEMPLATE_LIMITS.rows} rows; pass the template without its data`);
  const keys = records[0]?.record ?? [];
  if (keys.every((k) => k.trim() === '')) throw new TemplateError(`${name} has no header row`);
  if (keys.length > TEMPLATE_LIMITS.columns)
    throw new TemplateError(`${name} has ${keys.length} columns; at most ${TEMPLATE_LIMITS.columns}`);
  const long = keys.find((k) => k.length > TEMPLATE_LIMITS.headerCell);
  if (long !== undefined)
    throw new TemplateError(`${name}: a header of ${long.length} characters is not a column name (at most ${TEMPLATE_LIMITS.headerCell})`);
  const headerRows: 1 | 2 = twoHeaderRows || keys[0]?.trim() === '[OPERATOR]' ? 2 : 1;
  if (records.length < headerRows)
    throw new TemplateError(`${name} has ${records.length} row; SAP's templates have two header rows, keep both`);
  // The header rows are written back as they are, above rows as wide as the first: the import (and the check) reads them strictly.
  const uneven = records.slice(0, headerRows).map((r, i) => ({ row: i + 1, cells: r.record.length }));
  if (uneven.some((r) => r.cells !== keys.length))
    throw new TemplateError(
      `${name}'s header rows differ in length (${uneven.map((r) => `row ${r.row}: ${r.cells} cells`).join(', ')}); save the template again from your HR system, or give each header row the same number of cells`,
    );
  // The header rows as written, each ended the way the template ends its lines (a last row may lack one).
  const recordDelimiter = body.includes('\r\n') ? '\r\n' : !body.includes('\n') && body.includes('\r') ? '\r' : '\n';
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const rawHeader = records
    .slice(0, headerRows)
    .map((r) => `${r.raw.replace(/(\r\n|\r|\n)$/, '')}${recordDelimiter}`)
    .join('');
  return {
    fileName: name,
    rawHeader: `${bom}${rawHeader}`,
    keys,
    headerRows,
    delimiter,
    recordDelimiter,
    droppedRows: records.slice(headerRows).filter((r) => r.record.some((cell) => cell.trim() !== '')).length,
  };
}

/** Which of the suite's columns a template header names: its key or an alias, compared loosely. */
function columnFor(table: HrTable, header: string): HrColumn | undefined {
  const key = normaliseKey(header);
  if (key === '') return undefined;
  return (
    table.columns.find((c) => normaliseKey(c.key) === key) ??
    table.columns.find((c) => (c.aliases ?? []).some((a) => normaliseKey(a) === key))
  );
}

/**
 * The suite file a template is for: the one whose columns it names most,
 * its file name breaking a tie (SAP names its templates Role.csv, …).
 * A template that names none of them is refused with the ones that exist.
 */
export function tableForTemplate(tables: readonly HrTable[], template: HrTemplate): HrTable {
  const stem = (n: string) => normaliseKey(path.basename(n, path.extname(n)));
  const scored = tables.map((table) => ({
    table,
    score: template.keys.filter((k) => columnFor(table, k)).length * 2 + (stem(table.fileName) === stem(template.fileName) ? 1 : 0),
  }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const tied = scored.filter((s) => s.score === best.score);
  if (best.score >= 2 && tied.length > 1)
    throw new TemplateError(
      `${template.fileName}'s columns fit ${tied.map((t) => t.table.fileName).join(', ')} equally; name the file as your HR system named it (${tied[0]!.table.fileName}, …) so Altitude knows which to fill`,
    );
  if (best.score < 2)
    throw new TemplateError(
      `none of ${template.fileName}'s columns (${template.keys.slice(0, 8).join(', ')}${template.keys.length > 8 ? ', …' : ''}) is one Altitude fills; it fills ${tables
        .map((t) => `${t.fileName}: ${t.columns.map((c) => c.key).join(', ')}`)
        .join('; ')}`,
    );
  return best.table;
}

export interface FilledTemplate {
  readonly fileName: string;
  readonly body: string;
  /** The template's headers Altitude left empty. */
  readonly unknown: readonly string[];
  readonly table: HrTable;
  readonly checked: CheckedCsv;
}

/**
 * Altitude's rows under the template's own header rows (unchanged), each
 * column filled from the suite column it names, a column it does not know
 * left empty. Refused: a column the template marks required that Altitude
 * cannot fill, and a column the import needs that the template lacks.
 */
export function fillTemplate(tables: readonly HrTable[], template: HrTemplate): FilledTemplate {
  const table = tableForTemplate(tables, template);
  const mapped = template.keys.map((k) => columnFor(table, k));
  const unfillable = template.keys.filter((k, i) => markedRequired(k) && !mapped[i]);
  if (unfillable.length > 0)
    throw new TemplateError(
      `${template.fileName} marks ${unfillable.map((k) => `"${k}"`).join(', ')} required, and Altitude has nothing to put there; fill ${unfillable.length === 1 ? 'it' : 'them'} in the export afterwards, or download the template without ${unfillable.length === 1 ? 'that column' : 'those columns'}`,
    );
  const missing = table.columns.filter((c) => c.required && !mapped.includes(c));
  if (missing.length > 0)
    throw new TemplateError(
      `${template.fileName} has no column for ${missing.map((c) => c.key).join(', ')}, which ${table.fileName} needs to import; is it the template for ${table.fileName}?`,
    );
  const rows = table.rows.map((row) => mapped.map((c) => (c ? (row.values[c.key] ?? '') : '')));
  const body = `${template.rawHeader}${csvText(rows, { delimiter: template.delimiter, recordDelimiter: template.recordDelimiter })}`;
  const columns = new Map<string, HrColumn>();
  template.keys.forEach((k, i) => mapped[i] && columns.set(k, mapped[i]));
  // A rule that looks at another column looks at it under the template's header.
  for (const [k, rule] of columns)
    if (rule.requiredWhen)
      columns.set(k, {
        ...rule,
        requiredWhen: { ...rule.requiredWhen, key: headerOf(columns, rule.requiredWhen.key) ?? rule.requiredWhen.key },
      });
  return {
    fileName: template.fileName,
    body,
    unknown: template.keys.filter((k, i) => !mapped[i] && k.trim() !== ''),
    table,
    checked: {
      fileName: template.fileName,
      text: body,
      headerRows: template.headerRows,
      columns,
      // The template is the customer's: its own columns stand in for the suite's, and a column the suite needs on
      // some rows (15Five's Groups) that the template lacks is still needed, under the template's name for the condition.
      needed: [
        ...[...columns.entries()].map(([key, rule]) => ({ ...rule, key })),
        ...table.columns
          .filter((c) => !mapped.includes(c) && c.requiredWhen)
          .map((c) => ({ ...c, requiredWhen: { ...c.requiredWhen!, key: headerOf(columns, c.requiredWhen!.key) ?? c.requiredWhen!.key } })),
      ],
      origins: table.rows.map((r) => r.origin),
      ...(table.oneBehaviourPerRow ? { oneBehaviourPerRow: renamed(table.oneBehaviourPerRow, columns) } : {}),
      ...(table.unique ? { unique: table.unique.map((u) => headerOf(columns, u)).filter((u): u is string => u !== undefined) } : {}),
      ...(table.samePerFile
        ? { samePerFile: table.samePerFile.map((u) => headerOf(columns, u)).filter((u): u is string => u !== undefined) }
        : {}),
      delimiter: template.delimiter,
    },
  };
}

const headerOf = (columns: ReadonlyMap<string, HrColumn>, key: string) => [...columns].find(([, c]) => c.key === key)?.[0];

function renamed(rule: NonNullable<HrTable['oneBehaviourPerRow']>, columns: ReadonlyMap<string, HrColumn>) {
  return {
    behaviour: headerOf(columns, rule.behaviour) ?? rule.behaviour,
    within: rule.within.map((k) => headerOf(columns, k)).filter((k): k is string => k !== undefined),
  };
}
