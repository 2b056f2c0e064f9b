import type { Framework, JobProfileOptions } from '@altitude/schema';
import { fifteenFiveTables } from './fifteen-five.js';
import { genericTables } from './generic-tables.js';
import { hrModel } from './hr-model.js';
import { checkCsv, checkWorkdayRequest, checkedTable, sameFileNames, type HrViolation } from './hr-rules.js';
import { tableCsv, type HrTable } from './hr-table.js';
import { fillTemplate, readTemplate, type FilledTemplate, type HrTemplate } from './hr-template.js';
import { sapJpbTables, sapLocaleClashes, sapLocales } from './sap-jpb.js';
import { workdayRequests } from './workday.js';

export const HR_SUITE_FORMATS = ['15five', 'sap-jpb', 'workday'] as const;
export type HrSuiteFormat = (typeof HR_SUITE_FORMATS)[number];

export const HR_SUITE_NAMES: Record<HrSuiteFormat, string> = {
  '15five': '15Five',
  'sap-jpb': 'SAP SuccessFactors Job Profile Builder',
  workday: 'Workday',
};

/** The rules `--check` runs, per suite, in an HR admin's words. */
export const HR_SUITE_RULES: Record<HrSuiteFormat | 'template', readonly string[]> = {
  '15five': [
    'Path, Job title and Key behavior filled on every career-path row; one path per file',
    'one key behaviour per row, and no role listing the same competency twice (15Five keeps only the first)',
    'Competency at most 75 characters and unique; Company wide TRUE or FALSE; Groups filled when Company wide is FALSE',
  ],
  'sap-jpb': [
    'two header rows; [OPERATOR], externalCode and name.defaultValue on every file that needs them',
    'competency externalCode at most 128 characters, name 2,048, description 4,000; externalCodes unique',
    'descriptions only in the HTML subset (p, ul, ol, li, b, i, br, no attributes)',
    'roleCompetencyMappings.rating.defaultValue one of the level ratings; roleCompetencyMappings.status A or I',
  ],
  workday: [
    'well-formed XML, one request per file in a SOAP Body, namespace urn:com.workday/bsvc',
    'Competency_ID, Competency_Name, one Rating_Behavior under each Proficiency_Rating_Reference',
    'Job_Code, Job_Title, Job_Profile_Summary, Job_Level_Reference, Job_Family_Reference on every job profile',
    'Competency_Description and Job_Description only in the HTML subset (p, ul, ol, li, b, i, br)',
  ],
  template: [
    "your template's header rows unchanged; its columns marked required filled; values within the limits of the columns Altitude knows",
  ],
};

export interface HrFile {
  readonly name: string;
  readonly body: string;
  readonly contentType: string;
  /** Data rows or requests in the file, for the report. */
  readonly records: number;
}

export interface HrSuiteExport {
  readonly format: HrSuiteFormat | 'template';
  readonly suite: string;
  readonly files: readonly HrFile[];
  /** What the suite's documented rules find in the files as written: the export is refused unless it is empty. */
  readonly violations: readonly HrViolation[];
  /** The template's headers left empty, and its data rows not copied (template only). */
  readonly unknownColumns?: readonly string[];
  readonly droppedRows?: number;
  readonly describe: string;
}

const CSV = 'text/csv; charset=utf-8; header=present';

function tablesFor(format: HrSuiteFormat | 'template', framework: Framework, jobProfile: JobProfileOptions): HrTable[] {
  const model = hrModel(framework, jobProfile);
  switch (format) {
    case '15five':
      return fifteenFiveTables(model);
    case 'sap-jpb':
      return sapJpbTables(model, { jobProfile, locales: sapLocales(framework) });
    case 'workday':
    case 'template':
      return genericTables(model);
  }
}

/**
 * A suite's import files for the framework (in the locale it was resolved
 * for, with its overlay), each parsed back and checked against the suite's
 * documented rules. The same files for `altitude export` and `/export/…`.
 */
export function renderHrSuite(format: HrSuiteFormat, framework: Framework, jobProfile: JobProfileOptions): HrSuiteExport {
  const suite = HR_SUITE_NAMES[format];
  if (format === 'workday') {
    const requests = workdayRequests(hrModel(framework, jobProfile), { jobProfile, locales: sapLocales(framework) });
    return {
      format,
      suite,
      files: requests.map((r) => ({ name: r.fileName, body: r.xml, contentType: 'application/xml; charset=utf-8', records: 1 })),
      violations: [...sameFileNames(requests), ...requests.flatMap(checkWorkdayRequest)],
      describe: `${requests.length} Workday SOAP requests (${framework.levels.length} job profiles) in ${framework.view.locale}`,
    };
  }
  const tables = tablesFor(format, framework, jobProfile);
  const files = tables.map((t) => ({ name: t.fileName, body: tableCsv(t), contentType: CSV, records: t.rows.length }));
  return {
    format,
    suite,
    files,
    violations: [
      ...(format === 'sap-jpb' ? sapLocaleClashes(tables, sapLocales(framework)) : []),
      ...tables.flatMap((t, i) => checkCsv(checkedTable(t, files[i]!.body, suite))),
    ],
    describe: `${files.length} ${suite} import files in ${framework.view.locale}`,
  };
}

/** The suites whose templates have two header rows. */
const TWO_HEADER_ROWS: ReadonlySet<string> = new Set(['sap-jpb']);

/**
 * A customer's template filled with the suite's data (`template`: the
 * competencies or job roles any suite's template can ask for), checked as
 * written. A template Altitude cannot fill throws a TemplateError.
 */
export function fillHrTemplate(
  format: HrSuiteFormat | 'template',
  framework: Framework,
  jobProfile: JobProfileOptions,
  template: { bytes: Buffer; fileName: string },
): HrSuiteExport & { readonly template: HrTemplate } {
  if (format === 'workday') format = 'template';
  const read = readTemplate(template.bytes, template.fileName, TWO_HEADER_ROWS.has(format));
  const filled = fillTemplate(tablesFor(format, framework, jobProfile), read);
  return {
    format,
    suite: format === 'template' ? 'your template' : HR_SUITE_NAMES[format],
    files: [{ name: filled.fileName, body: filled.body, contentType: CSV, records: filled.table.rows.length }],
    violations: [...(format === 'sap-jpb' ? templateLocaleClashes(filled, read, sapLocales(framework)) : []), ...checkCsv(filled.checked)],
    unknownColumns: filled.unknown,
    droppedRows: read.droppedRows,
    template: read,
    describe: `${filled.table.rows.length} rows of ${filled.table.fileName === 'job-roles.csv' ? 'job roles' : filled.table.fileName.replace(/\.csv$/, '')} under ${read.fileName}'s header`,
  };
}

/** The SAP locale columns a template has that two declared locales would both fill, located in the template. */
function templateLocaleClashes(filled: FilledTemplate, template: HrTemplate, locales: readonly Framework[]): HrViolation[] {
  return sapLocaleClashes([filled.table], locales).flatMap((v) => {
    const index = template.keys.findIndex((k) => filled.checked.columns.get(k)?.key === v.field);
    return index < 0 ? [] : [{ ...v, file: filled.fileName, field: template.keys[index]!, column: index + 1 }];
  });
}
