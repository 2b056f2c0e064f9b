import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { HrOrigin } from './hr-model.js';
import { formulaGuarded, type HrColumn, type HrTable } from './hr-table.js';
import { HR_HTML_TAGS } from './rich-html.js';
import type { WorkdayRequest } from './workday.js';

/** A documented rule a file breaks, located in the file and, where it comes from content, in the content. */
export interface HrViolation {
  readonly file: string;
  /** 1-based line and column (the column's position in the header) in the file. */
  readonly line: number;
  readonly column: number;
  /** The column key or XML element concerned. */
  readonly field: string;
  readonly message: string;
  readonly origin?: HrOrigin | undefined;
}

/** What the checker needs of a CSV file: its text, how many header rows it has, and the rules per header key. */
export interface CheckedCsv {
  readonly fileName: string;
  /** Who sets the limits, for the messages: "15Five", "SAP SuccessFactors Job Profile Builder". */
  readonly suite?: string;
  readonly text: string;
  readonly headerRows: 1 | 2;
  /** The rules for each column the file's first header row names (by its exact header). */
  readonly columns: ReadonlyMap<string, HrColumn>;
  /** Every column the suite needs, by key, in the file's own header text. */
  readonly needed: readonly HrColumn[];
  /** The item each data row was made from, in order. */
  readonly origins: readonly HrOrigin[];
  readonly oneBehaviourPerRow?: HrTable['oneBehaviourPerRow'];
  readonly unique?: readonly string[];
  readonly samePerFile?: readonly string[];
  readonly delimiter?: string;
}

const characters = (text: string) => [...text].length;
// A tag is `<`, anything but angle brackets, `>`; its slash, name and spaces are read with trims, not by the regex:
// optional spaces around the slash made the engine try every split of a `<` and thousands of spaces, and a `<`
// allowed inside a tag made each of a run of `<` scan to the end of the value.
const TAG = /<([^<>]*)>/g;

/** Why a value is not in the HTML subset, or undefined when it is: only HR_HTML_TAGS, no attributes. */
export function htmlProblem(value: string): string | undefined {
  for (const [, inside = ''] of value.matchAll(TAG)) {
    const opened = inside.trimStart();
    const tag = (opened.startsWith('/') ? opened.slice(1) : opened).trimStart();
    const name = /^[^\s/]*/.exec(tag)![0];
    const rest = tag.slice(name.length);
    if (!(HR_HTML_TAGS as readonly string[]).includes(name.toLowerCase()))
      return `holds the tag <${name}>, outside ${HR_HTML_TAGS.join(', ')}`;
    if (rest.trim() !== '' && rest.trim() !== '/') return `gives <${name}> attributes; the subset takes none`;
  }
  // `<script<b>`: a browser reads a tag named `script<b`; here `<b>` alone matched, so a `<` left over that starts a tag is refused.
  const stray = /<[A-Za-z/!?]/.exec(value.replace(TAG, ''));
  if (stray) return `holds "${stray[0]}" opening a tag that is not closed before the next <`;
  return undefined;
}

/**
 * Runs a suite's documented rules over one CSV as written: parsed back with
 * a real parser, every needed column present, required values filled,
 * lengths within the suite's limits (in characters), values among those
 * allowed, HTML within the subset, one behaviour per row.
 */
export function checkCsv(file: CheckedCsv): HrViolation[] {
  const violations: HrViolation[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(file.text, {
      bom: true,
      info: true,
      relax_column_count: false,
      delimiter: file.delimiter ?? ',',
    }) as unknown as typeof records;
  } catch (error) {
    return [{ file: file.fileName, line: 1, column: 1, field: '', message: `is not valid CSV: ${(error as Error).message}` }];
  }
  const header = records[0]?.record ?? [];
  const at = (key: string) => header.indexOf(key);
  const data = records.slice(file.headerRows);
  const cell = (record: readonly string[], key: string) => {
    const index = at(key);
    return index < 0 ? '' : (record[index] ?? '');
  };
  for (const column of file.needed) {
    if (at(column.key) >= 0) continue;
    const when = column.requiredWhen;
    // Required only on some rows (15Five's Groups where Company wide is FALSE): missing when such a row exists.
    const rowsNeedingIt = when ? data.filter(({ record }) => cell(record, when.key) === when.equals).length : 0;
    if (column.required || rowsNeedingIt > 0)
      violations.push({
        file: file.fileName,
        line: 1,
        column: header.length + 1,
        field: column.key,
        message: column.required
          ? `has no column ${column.key}, which the import needs`
          : `has no column ${column.key}, which the import needs on the ${rowsNeedingIt} row${rowsNeedingIt === 1 ? '' : 's'} where ${when!.key} is ${when!.equals}`,
      });
  }
  const seen = new Map<string, number>();
  const uniqueSeen = new Map<string, number>();
  // csv-parse counts the lines up to a record's end: a record starts on the line after the one before it ends.
  const startLine = (i: number) => (records[file.headerRows + i - 1]?.info.lines ?? 0) + 1;
  data.forEach(({ record }, i) => {
    const line = startLine(i);
    const origin = file.origins[i];
    const value = (key: string) => cell(record, key);
    const fail = (key: string, message: string) =>
      violations.push({ file: file.fileName, line, column: Math.max(at(key), 0) + 1, field: key, message, origin });
    for (const [key, rule] of file.columns) {
      // A column the file lacks is reported once above, not on every row.
      if (at(key) < 0) continue;
      const v = value(key);
      if (rule.required && v.trim() === '') fail(key, 'is empty; the import requires a value');
      if (rule.requiredWhen && value(rule.requiredWhen.key) === rule.requiredWhen.equals && v.trim() === '')
        fail(key, `is empty; the import requires a value when ${rule.requiredWhen.key} is ${rule.requiredWhen.equals}`);
      if (rule.maxLength !== undefined && characters(v) > rule.maxLength)
        fail(
          key,
          `is ${characters(v)} characters long${formulaGuarded(v) ? ` (${characters(v) - 1} and an apostrophe added before it, so that spreadsheets do not run it as a formula)` : ''}; ${file.suite ?? 'the suite'} takes at most ${rule.maxLength}`,
        );
      if (rule.allowed && v !== '' && !rule.allowed.includes(v))
        fail(key, `is "${v.slice(0, 40)}"; ${file.suite ?? 'the suite'} takes only ${rule.allowed.join(', ')}`);
      const html = rule.html ? htmlProblem(v) : undefined;
      if (html) fail(key, html);
    }
    if (file.oneBehaviourPerRow) {
      const { behaviour, within } = file.oneBehaviourPerRow;
      if (/[\r\n]/.test(value(behaviour))) fail(behaviour, 'holds more than one line; write one key behaviour per row');
      const key = JSON.stringify(within.map(value));
      const first = seen.get(key);
      if (first !== undefined)
        fail(
          behaviour,
          `repeats ${within
            .filter((k) => value(k))
            .map((k) => `${k} "${value(k)}"`)
            .join(', ')} of line ${first}; the suite imports only the first key behaviour of each`,
        );
      else seen.set(key, line);
    }
    for (const key of file.samePerFile ?? []) {
      const first = data[0] ? (data[0].record[at(key)] ?? '') : '';
      if (at(key) >= 0 && value(key) !== first)
        fail(key, `is "${value(key).slice(0, 60)}" where the first row has "${first.slice(0, 60)}"; one per file`);
    }
    for (const key of file.unique ?? []) {
      const v = value(key);
      const first = uniqueSeen.get(`${key}\u0000${v}`);
      if (first !== undefined) fail(key, `"${v.slice(0, 60)}" is already on line ${first}; each must be unique`);
      else uniqueSeen.set(`${key}\u0000${v}`, line);
    }
  });
  return violations;
}

/**
 * Files that would be written under one name, each after the first named
 * with both items it comes from: wherever they are written, the second
 * would silently replace the first.
 */
export function sameFileNames(files: readonly { readonly fileName: string; readonly origin: HrOrigin }[]): HrViolation[] {
  const first = new Map<string, HrOrigin>();
  const violations: HrViolation[] = [];
  for (const { fileName, origin } of files) {
    const earlier = first.get(fileName);
    if (!earlier) first.set(fileName, origin);
    else
      violations.push({
        file: fileName,
        line: 1,
        column: 1,
        field: '',
        message: `is the file name of both ${earlier.item} and ${origin.item} (a file name keeps only letters, digits, dots, dashes and underscores), so one would overwrite the other; make their IDs differ in letters or digits`,
        origin,
      });
  }
  return violations;
}

/** The checker's view of a suite table written by Altitude itself (its own header). */
export function checkedTable(table: HrTable, text: string, suite?: string): CheckedCsv {
  return {
    fileName: table.fileName,
    ...(suite ? { suite } : {}),
    text,
    headerRows: table.headerRows,
    columns: new Map(table.columns.map((c) => [c.key, c])),
    needed: table.columns,
    origins: table.rows.map((r) => r.origin),
    ...(table.oneBehaviourPerRow ? { oneBehaviourPerRow: table.oneBehaviourPerRow } : {}),
    ...(table.unique ? { unique: table.unique } : {}),
    ...(table.samePerFile ? { samePerFile: table.samePerFile } : {}),
  };
}

// XML 1.0 allows tab, LF and CR among the controls, and no surrogate halves or U+FFFE/FFFF.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name.endsWith('_Data') || name === 'wd:Translated_Value_for_Instance_Data',
});

type Node = Record<string, unknown>;
const child = (node: unknown, name: string): unknown => (node && typeof node === 'object' ? (node as Node)[`wd:${name}`] : undefined);
const list = (node: unknown): unknown[] => (node === undefined ? [] : Array.isArray(node) ? node : [node]);
const text = (node: unknown): string =>
  typeof node === 'string' ? node : node && typeof node === 'object' && '#text' in node ? String((node as Node)['#text']) : '';

/**
 * Workday's element structure over one request as written: well-formed
 * XML, one `wd:<operation>_Request` in a SOAP body in Workday's namespace,
 * the elements each operation needs, a Rating_Behavior under each
 * proficiency rating, descriptions within the HTML subset.
 */
export function checkWorkdayRequest(request: WorkdayRequest): HrViolation[] {
  const violations: HrViolation[] = [];
  const fail = (field: string, message: string) =>
    violations.push({ file: request.fileName, line: 1, column: 1, field, message, origin: request.origin });
  const forbidden = XML_FORBIDDEN.exec(request.xml);
  if (forbidden)
    fail('', `holds the character U+${forbidden[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}, which XML 1.0 forbids`);
  const valid = XMLValidator.validate(request.xml);
  if (valid !== true) {
    fail('', `is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
    return violations;
  }
  const doc = parser.parse(request.xml) as Node;
  const body = (doc['env:Envelope'] as Node | undefined)?.['env:Body'];
  const requests = body && typeof body === 'object' ? Object.keys(body as Node).filter((k) => !k.startsWith('@_')) : [];
  const name = `wd:${request.operation}_Request`;
  if (requests.length !== 1 || requests[0] !== name) {
    fail(name, `must hold exactly one ${name} in a SOAP Body; found ${requests.join(', ') || 'none'}`);
    return violations;
  }
  const root = (body as Node)[name] as Node;
  if (root['@_xmlns:wd'] !== 'urn:com.workday/bsvc') fail(name, 'is not in the namespace urn:com.workday/bsvc');
  const need = (node: unknown, path: string) => {
    const value = path.split('/').reduce<unknown>((n, step) => list(child(n, step))[0], node);
    if (text(value).trim() === '' && !(value && typeof value === 'object')) fail(path, 'is missing or empty');
    return value;
  };
  const html = (node: unknown, field: string) => {
    const problem = htmlProblem(text(node));
    if (problem) fail(field, problem);
  };
  switch (request.operation) {
    case 'Put_Job_Family':
      for (const p of ['Job_Family_Data/ID', 'Job_Family_Data/Name']) need(root, p);
      break;
    case 'Put_Competency': {
      for (const p of ['Competency_Data/Competency_ID', 'Competency_Data/Competency_Name']) need(root, p);
      html(need(root, 'Competency_Data/Competency_Description'), 'Competency_Description');
      const ratings = list(child(list(child(root, 'Competency_Data'))[0], 'Proficiency_Rating_Behavior_Data'));
      if (ratings.length === 0) fail('Proficiency_Rating_Behavior_Data', 'is missing: a behaviour per level is expected');
      const ids = new Set<string>();
      for (const rating of ratings) {
        const id = text(list(child(list(child(rating, 'Proficiency_Rating_Reference'))[0], 'ID'))[0]);
        if (!id) fail('Proficiency_Rating_Reference', 'has no ID');
        if (ids.has(id)) fail('Proficiency_Rating_Reference', `names ${id} twice; one behaviour per rating`);
        ids.add(id);
        const behaviours = list(child(rating, 'Rating_Behavior'));
        if (behaviours.length !== 1 || text(behaviours[0]).trim() === '')
          fail('Rating_Behavior', `under ${id || 'a rating'} must be one non-empty behaviour; found ${behaviours.length}`);
      }
      break;
    }
    case 'Put_Job_Profile':
      need(root, 'Job_Profile_Data/Job_Code');
      for (const p of ['Job_Title', 'Job_Profile_Summary', 'Job_Level_Reference'])
        need(root, `Job_Profile_Data/Job_Profile_Basic_Data/${p}`);
      html(need(root, 'Job_Profile_Data/Job_Profile_Basic_Data/Job_Description'), 'Job_Description');
      need(root, 'Job_Profile_Data/Job_Family_Data/Job_Family_Reference');
      break;
    case 'Put_Translatable_Tenant_Data_Public':
      for (const data of list(child(root, 'Translatable_Tenant_Data_Data')))
        for (const value of list(child(data, 'Translated_Value_for_Instance_Data')))
          if (text(list(child(value, 'Translated_Value'))[0]).trim() === '') fail('Translated_Value', 'is empty');
      break;
  }
  return violations;
}

/** `Competency.csv:5:3` and, where the value comes from content, `content/capabilities.yaml:3:5 capability "…"`. */
export function formatViolation(v: HrViolation, cwd: string): string {
  const where = `${v.file}:${v.line}:${v.column}${v.field ? ` ${v.field}` : ''}`;
  const from = v.origin
    ? ` (from ${v.origin.item} at ${path.relative(cwd, v.origin.location.file) || v.origin.location.file}:${v.origin.location.line}:${v.origin.location.column})`
    : '';
  return `${where}: ${v.message}${from}`;
}
