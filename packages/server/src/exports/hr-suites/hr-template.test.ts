import { DEFAULT_CONTENT_DIR, DEFAULT_JOB_PROFILE, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillHrTemplate } from './hr-suites.js';
import { TEMPLATE_LIMITS, TemplateError, markedRequired, normaliseKey, readTemplate } from './hr-template.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

const fill = (format: Parameters<typeof fillHrTemplate>[0], text: string | Buffer, fileName = 'template.csv') =>
  fillHrTemplate(format, framework, DEFAULT_JOB_PROFILE, { bytes: Buffer.isBuffer(text) ? text : Buffer.from(text), fileName });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

// Role-Mapped Competencies as a tenant with English, German and French downloads it: keys, then labels.
const SAP_KEYS =
  '[OPERATOR],externalCode,roleCompetencyMappings.competency.externalCode,roleCompetencyMappings.weight.defaultValue,roleCompetencyMappings.rating.defaultValue,roleCompetencyMappings.rating.fr_FR,roleCompetencyMappings.status';
const SAP_LABELS =
  'Supported operators: Delimit Clear and Delete,Role.GUID,Competency.GUID,Default Value,Default Value,French,"Status(Valid Values : A/I A for Active I for InActive )"';

describe("filling a customer's template", () => {
  it("round-trips SAP's two header rows unchanged, fills the columns it knows and leaves the others empty", () => {
    const template = `\uFEFF${SAP_KEYS}\r\n${SAP_LABELS}\r\n,OLD-ROLE,old-competency,,1,,A\r\n`;
    const result = fill('sap-jpb', template, 'Role-Mapped Competencies.csv');
    expect(result.violations).toEqual([]);
    const body = result.files[0]!.body;
    // The header rows are the template's bytes, byte-order mark included.
    expect(body.startsWith(`\uFEFF${SAP_KEYS}\r\n${SAP_LABELS}\r\n`)).toBe(true);
    const records: string[][] = parse(body, { bom: true });
    expect(records[0]).toEqual(SAP_KEYS.split(','));
    expect(records[1]![6]).toBe('Status(Valid Values : A/I A for Active I for InActive )');
    const rows = records.slice(2).map((r) => Object.fromEntries(records[0]!.map((k, i) => [k, r[i]])));
    expect(rows).toHaveLength(
      framework.levels.length * (framework.dimensions.length + framework.capabilities.length + framework.leverageMechanisms.length),
    );
    expect(rows[0]).toEqual({
      '[OPERATOR]': '',
      externalCode: 'ENG-IC-STAFF',
      'roleCompetencyMappings.competency.externalCode': `dimension-${framework.dimensions[0]!.slug}`,
      'roleCompetencyMappings.weight.defaultValue': '',
      'roleCompetencyMappings.rating.defaultValue': '1',
      'roleCompetencyMappings.rating.fr_FR': '',
      'roleCompetencyMappings.status': 'A',
    });
    // The template's own data row is replaced, not kept.
    expect(body).not.toContain('OLD-ROLE');
    expect(result.droppedRows).toBe(1);
    expect(result.unknownColumns).toEqual(['roleCompetencyMappings.weight.defaultValue', 'roleCompetencyMappings.rating.fr_FR']);
  });

  it('picks the SAP file the template is for by its columns, and matches keys whatever their case', () => {
    const template =
      '[OPERATOR],externalCode,Name.defaultValue,Name.en_US,Name.de_DE,Name.fr_FR\r\nOperator,GUID,Default,English,German,French\r\n';
    expect(refusal(() => fill('sap-jpb', template, 'export.csv'))).toBe(
      "export.csv's columns fit Family.csv, Role.csv, Competency.csv equally; name the file as your HR system named it (Family.csv, …) so Altitude knows which to fill",
    );
    const result = fill('sap-jpb', template, 'Competency.csv');
    const records: string[][] = parse(result.files[0]!.body);
    expect(records.slice(2).map((r) => r[1])).toContain('capability-patience');
    const patience = records.find((r) => r[1] === 'capability-patience')!;
    expect(patience.slice(2)).toEqual([
      framework.find('Capability', 'patience')!.title,
      framework.find('Capability', 'patience')!.title,
      framework.translations.get('de')!.find('Capability', 'patience')!.title,
      '',
    ]);
  });

  it('fills a Culture Amp-style competency template with a column per level, and keeps its semicolons and line endings', () => {
    const result = fill('template', 'Competency name;Description;Level 1;Level 2;Level 3;Notes\n', 'culture-amp.csv');
    const body = result.files[0]!.body;
    expect(body).not.toContain('\r\n');
    const records: string[][] = parse(body, { delimiter: ';' });
    expect(records[0]).toEqual(['Competency name', 'Description', 'Level 1', 'Level 2', 'Level 3', 'Notes']);
    const judgement = framework.find('Capability', 'judgement')!;
    const row = records.find((r) => r[0] === judgement.title)!;
    expect(row.slice(1)).toEqual([judgement.summary.text, ...judgement.atLevel.map((n) => n.text.text), '']);
    expect(result.unknownColumns).toEqual(['Notes']);
    expect(result.violations).toEqual([]);
  });

  it('fills a HiBob-style job-role template', () => {
    const result = fill('template', 'Job name,Job level,Job function,Job ID,Owner\r\n', 'hibob-jobs.csv');
    const records: string[][] = parse(result.files[0]!.body);
    expect(records.slice(1)).toEqual(
      framework.levels.map((l, i) => [l.title, String(i + 1), 'Engineering', `ENG-IC-${l.slug.toUpperCase()}`, '']),
    );
  });

  it('refuses a column the template marks required that Altitude cannot fill', () => {
    expect(refusal(() => fill('template', 'Competency*,Description,Proficiency scale (required)\r\n', 'ca.csv'))).toBe(
      'ca.csv marks "Proficiency scale (required)" required, and Altitude has nothing to put there; fill it in the export afterwards, or download the template without that column',
    );
  });

  it('refuses a template without a column the import needs, and one that names nothing Altitude fills', () => {
    expect(
      refusal(() =>
        fill(
          'sap-jpb',
          '[OPERATOR],roleCompetencyMappings.competency.externalCode,roleCompetencyMappings.status\r\nx,y,z\r\n',
          'Role-Mapped Competencies.csv',
        ),
      ),
    ).toMatch(
      /has no column for externalCode, roleCompetencyMappings\.rating\.defaultValue, which Role-Mapped Competencies\.csv needs to import/,
    );
    expect(refusal(() => fill('15five', 'Colour,Size\r\n', 'x.csv'))).toMatch(
      /^none of x\.csv's columns \(Colour, Size\) is one Altitude fills; it fills career-path-engineering\.csv: Path, /,
    );
  });

  it('checks the filled file against the rules of the columns it knows, located in the template', () => {
    // An empty job family leaves 15Five's Groups empty where Company wide is FALSE.
    const result = fillHrTemplate(
      '15five',
      framework,
      { jobFamily: '', jobCodes: {} },
      { bytes: Buffer.from('Name,Company-wide,Group\r\n'), fileName: 'c.csv' },
    );
    expect(result.violations).toHaveLength(
      framework.dimensions.length + framework.capabilities.length + framework.leverageMechanisms.length,
    );
    expect(result.violations[0]).toMatchObject({
      file: 'c.csv',
      line: 2,
      column: 3,
      field: 'Group',
      message: 'is empty; the import requires a value when Company-wide is FALSE',
    });
  });
});

describe('review fixes: templates', () => {
  it('reports a 15Five competencies template without Groups, which the rows where Company wide is FALSE need', () => {
    const result = fill('15five', 'Competency,Company wide\r\n', 'competencies.csv');
    const count = framework.dimensions.length + framework.capabilities.length + framework.leverageMechanisms.length;
    expect(result.violations).toEqual([
      {
        file: 'competencies.csv',
        line: 1,
        column: 3,
        field: 'Groups',
        message: `has no column Groups, which the import needs on the ${count} rows where Company wide is FALSE`,
      },
    ]);
  });

  it('refuses header rows of uneven length, naming each row and its cells', () => {
    expect(refusal(() => fill('sap-jpb', `${SAP_KEYS}\r\n${SAP_LABELS},Extra\r\n`, 'Role-Mapped Competencies.csv'))).toBe(
      "Role-Mapped Competencies.csv's header rows differ in length (row 1: 7 cells, row 2: 8 cells); save the template again from your HR system, or give each header row the same number of cells",
    );
  });

  it('reads old-Mac line endings (a lone \\r) as lines, and writes the rows with them', () => {
    const template = `Competency name,Description\r${'old,row\r'.repeat(300)}`;
    const result = fill('template', template, 'mac.csv');
    expect(result.droppedRows).toBe(300);
    const body = result.files[0]!.body;
    expect(body.startsWith('Competency name,Description\r')).toBe(true);
    expect(body).not.toContain('\n');
    expect(result.violations).toEqual([]);
    const records: string[][] = parse(body);
    expect(records.length).toBe(1 + framework.dimensions.length + framework.capabilities.length + framework.leverageMechanisms.length);
  });
});

describe('template bounds', () => {
  it('refuses a file over 1 MiB, before parsing it', () => {
    const big = Buffer.alloc(TEMPLATE_LIMITS.bytes + 1, 'a');
    expect(refusal(() => readTemplate(big, 'big.csv', false))).toBe(
      `big.csv is ${TEMPLATE_LIMITS.bytes + 1} bytes; a template is at most 1048576 (1 MiB): its header and a few rows`,
    );
  });

  it(`refuses more than ${TEMPLATE_LIMITS.columns} columns, and takes ${TEMPLATE_LIMITS.columns}`, () => {
    const header = (n: number) => Buffer.from(`${Array.from({ length: n }, (_, i) => `c${i}`).join(',')}\r\n`);
    expect(refusal(() => readTemplate(header(TEMPLATE_LIMITS.columns + 1), 'wide.csv', false))).toMatch(
      /^wide\.csv has (more than )?\d+ columns/,
    );
    expect(readTemplate(header(TEMPLATE_LIMITS.columns), 'ok.csv', false).keys).toHaveLength(TEMPLATE_LIMITS.columns);
  });

  it(`refuses more than ${TEMPLATE_LIMITS.rows} rows`, () => {
    const rows = (n: number) => Buffer.from(`Competency\r\n${'x\r\n'.repeat(n)}`);
    expect(refusal(() => readTemplate(rows(TEMPLATE_LIMITS.rows), 'long.csv', false))).toBe(
      `long.csv has more than ${TEMPLATE_LIMITS.rows} rows; pass the template without its data`,
    );
    expect(readTemplate(rows(TEMPLATE_LIMITS.rows - 1), 'ok.csv', false).droppedRows).toBe(TEMPLATE_LIMITS.rows - 1);
  });

  it('refuses a header cell longer than a column name, text that is not UTF-8, NUL bytes, an empty file and one header row where SAP has two', () => {
    expect(refusal(() => readTemplate(Buffer.from(`${'n'.repeat(300)}\r\n`), 't.csv', false))).toMatch(
      /a header of 300 characters is not a column name/,
    );
    expect(refusal(() => readTemplate(Buffer.from([0x43, 0xff, 0x0d, 0x0a]), 't.csv', false))).toMatch(/is not UTF-8 text/);
    expect(refusal(() => readTemplate(Buffer.from('PK\u0003\u0004\u0000\u0000'), 't.xlsx', false))).toMatch(/holds NUL characters/);
    expect(refusal(() => readTemplate(Buffer.alloc(0), 't.csv', false))).toMatch(/is empty/);
    expect(refusal(() => readTemplate(Buffer.from('[OPERATOR],externalCode\r\n'), 'Role.csv', true))).toMatch(
      /SAP's templates have two header rows/,
    );
    expect(refusal(() => readTemplate(Buffer.from('a,"b\r\n'), 't.csv', false))).toMatch(/is not valid CSV/);
  });

  it('reads header marks and compares keys loosely', () => {
    expect(['*Name', 'Name *', 'Name (Required)'].map(markedRequired)).toEqual([true, true, true]);
    expect(markedRequired('Name')).toBe(false);
    expect(normaliseKey('Job Title*')).toBe(normaliseKey('job_title'));
    expect(normaliseKey('name.de_DE')).toBe('name.dede');
    expect(normaliseKey('[OPERATOR]')).toBe('[operator]');
  });
});
