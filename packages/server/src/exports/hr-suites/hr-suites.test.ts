import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, DEFAULT_JOB_PROFILE, loadFrameworkOrThrow, type Framework, type JobProfileOptions } from '@altitude/schema';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from './check-report.js';
import { checkCsv, checkWorkdayRequest, formatViolation, sameFileNames } from './hr-rules.js';
import { renderHrSuite, type HrSuiteExport } from './hr-suites.js';
import { csvText } from './hr-table.js';
import { hrModel } from './hr-model.js';
import { sapJpbTables, sapLocaleClashes } from './sap-jpb.js';

const ACME_LADDER = path.join(DEFAULT_CONTENT_DIR, '..', 'examples', 'acme-ladder', 'ladder');
const ACME_PROFILE: JobProfileOptions = {
  jobFamily: 'Software Engineering',
  jobCodes: { staff: 'ENG-L6', 'senior-staff': 'ENG-L7', principal: 'ENG-L8', distinguished: 'ENG-L9', fellow: 'ENG-L10' },
};

let framework: Framework;
let acme: Framework;
let work: string;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  acme = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR, { overlays: [ACME_LADDER] });
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-hr-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const file = (result: HrSuiteExport, name: string) => {
  const found = result.files.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name} in ${result.files.map((f) => f.name).join(', ')}`);
  return found.body;
};
const rowsOf = (text: string, headerRows = 1) => {
  const records: string[][] = parse(text, { bom: true });
  const [keys] = records;
  return {
    keys: keys!,
    labels: headerRows === 2 ? records[1]! : undefined,
    rows: records.slice(headerRows).map((r) => Object.fromEntries(keys!.map((k, i) => [k, r[i]!]))),
  };
};
const competencyCount = (f: Framework) => f.dimensions.length + f.capabilities.length + f.leverageMechanisms.length;

/** The content copied to `work/<name>` with one file edited: content only an attacker or a careless author would write. */
async function editedContent(name: string, fileName: string, edit: (text: string) => string): Promise<Framework> {
  const dir = path.join(work, name);
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  await writeFile(path.join(dir, fileName), edit(await readFile(path.join(dir, fileName), 'utf8')));
  return loadFrameworkOrThrow(dir);
}

describe('15Five', () => {
  it('writes one career path with the roles in rank order, one key behaviour per row, and the competencies file', () => {
    const result = renderHrSuite('15five', framework, DEFAULT_JOB_PROFILE);
    expect(result.violations).toEqual([]);
    expect(result.files.map((f) => f.name)).toEqual(['career-path-engineering.csv', 'competencies.csv']);
    const path = rowsOf(file(result, 'career-path-engineering.csv'));
    expect(path.keys).toEqual(['Path', 'Job title', 'Competency', 'Skill', 'Key behavior']);
    expect(path.rows).toHaveLength(framework.levels.length * competencyCount(framework));
    expect(new Set(path.rows.map((r) => r.Path))).toEqual(new Set(['Engineering']));
    // Roles appear in rank order, each once as a block.
    const titles = path.rows.map((r) => r['Job title']).filter((t, i, all) => t !== all[i - 1]);
    expect(titles).toEqual(['Staff Engineer', 'Principal Engineer', 'Distinguished Engineer']);
    for (const row of path.rows) {
      expect(row['Key behavior']!.trim()).not.toBe('');
      expect(row['Key behavior']).not.toMatch(/[\r\n<]/);
    }
    // A capability's behaviour at a level is its atLevel note there, whole.
    const patience = framework.find('Capability', 'patience')!;
    const atPrincipal = patience.atLevel.find((n) => n.level.slug === 'principal')!;
    expect(path.rows.find((r) => r['Job title'] === 'Principal Engineer' && r.Competency === patience.title)!['Key behavior']).toBe(
      atPrincipal.text.text,
    );

    const competencies = rowsOf(file(result, 'competencies.csv'));
    expect(competencies.keys).toEqual(['Competency', 'Competency description', 'Company wide', 'Groups']);
    expect(competencies.rows).toHaveLength(competencyCount(framework));
    for (const row of competencies.rows) {
      expect([...row.Competency!].length).toBeLessThanOrEqual(75);
      expect(row['Company wide']).toBe('FALSE');
      expect(row.Groups).toBe('Engineering');
    }
  });

  it('carries an overlay: inserted levels in their place, its job family as the path, and a hidden item gone', async () => {
    const result = renderHrSuite('15five', acme, ACME_PROFILE);
    expect(result.violations).toEqual([]);
    const { rows } = rowsOf(file(result, 'career-path-software-engineering.csv'));
    const titles = rows.map((r) => r['Job title']).filter((t, i, all) => t !== all[i - 1]);
    expect(titles).toEqual(acme.levels.toSorted((a, b) => a.rank - b.rank).map((l) => l.title));
    expect(titles[1]).toBe('Senior Staff Engineer (L7)');
    expect(rows[0]!.Path).toBe('Software Engineering');

    // An overlay that hides a capability: it is in no file.
    const patience = framework.find('Capability', 'patience')!;
    const overlay = path.join(work, 'hide-patience');
    await mkdir(overlay, { recursive: true });
    await writeFile(path.join(overlay, 'overlay.yaml'), 'overlay:\n  name: hide\n');
    await writeFile(
      path.join(overlay, 'capabilities.yaml'),
      `capabilities:\n  - slug: patience\n    basedOn: ${patience.contentHash}\n    hidden: true\n`,
    );
    const hidden = renderHrSuite('15five', await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR, { overlays: [overlay] }), DEFAULT_JOB_PROFILE);
    expect(hidden.violations).toEqual([]);
    expect(file(hidden, 'competencies.csv')).not.toContain(patience.title);
    expect(rowsOf(file(hidden, 'competencies.csv')).rows).toHaveLength(competencyCount(framework) - 1);
  });

  it('exports in a locale', () => {
    const german = framework.translations.get('de')!;
    const result = renderHrSuite('15five', german, DEFAULT_JOB_PROFILE);
    const { rows } = rowsOf(file(result, 'competencies.csv'));
    expect(rows[0]!.Competency).toBe(german.dimensions[0]!.title);
    expect(rows[0]!.Competency).not.toBe(framework.dimensions[0]!.title);
  });

  it('refuses a 76-character competency name, naming the item and where it was written, and cuts nothing', async () => {
    const long = `Systems thinking ${'x'.repeat(76 - 'Systems thinking '.length)}`;
    expect(long).toHaveLength(76);
    const edited = await editedContent('long-name', 'capabilities.yaml', (t) => t.replace(/title: Systems thinking$/m, `title: ${long}`));
    const result = renderHrSuite('15five', edited, DEFAULT_JOB_PROFILE);
    const messages = result.violations.map((v) => formatViolation(v, work));
    expect(messages).toContain(
      `competencies.csv:10:1 Competency: is 76 characters long; 15Five takes at most 75 (from capability "systems-thinking" at long-name/capabilities.yaml:3:5)`,
    );
    // Once in the competencies file and once per role in the career path.
    expect(result.violations).toHaveLength(1 + framework.levels.length);
    expect(file(result, 'competencies.csv')).toContain(long);
    // 75 fits.
    const fits = await editedContent('fits', 'capabilities.yaml', (t) =>
      t.replace(/title: Systems thinking$/m, `title: ${long.slice(0, 75)}`),
    );
    expect(renderHrSuite('15five', fits, DEFAULT_JOB_PROFILE).violations).toEqual([]);
  });
});

describe('SAP SuccessFactors Job Profile Builder', () => {
  const LOCALE_SUFFIXES = ['en_US', 'de_DE', 'ja_JP'];

  it('writes the five MDF files with two header rows and a column per declared locale', () => {
    const result = renderHrSuite('sap-jpb', framework, DEFAULT_JOB_PROFILE);
    expect(result.violations).toEqual([]);
    expect(result.files.map((f) => f.name)).toEqual([
      'Family.csv',
      'Role.csv',
      'Role-Job Codes.csv',
      'Competency.csv',
      'Role-Mapped Competencies.csv',
    ]);
    for (const f of result.files) {
      const { keys, labels } = rowsOf(f.body, 2);
      expect(keys[0], f.name).toBe('[OPERATOR]');
      expect(keys[1], f.name).toBe('externalCode');
      expect(labels, f.name).toHaveLength(keys.length);
    }
    const competency = rowsOf(file(result, 'Competency.csv'), 2);
    expect(competency.keys).toEqual([
      '[OPERATOR]',
      'externalCode',
      'name.defaultValue',
      ...LOCALE_SUFFIXES.map((s) => `name.${s}`),
      'description.defaultValue',
      ...LOCALE_SUFFIXES.map((s) => `description.${s}`),
      'library.defaultValue',
      'category.defaultValue',
    ]);
    // The generated pseudo-locales are not declared languages.
    expect(competency.keys.join()).not.toMatch(/en_XA|ar_XB/);
    expect(competency.labels!.slice(2, 6)).toEqual(['Default Value', 'US English', 'German (Germany)', 'Japanese (Japan)']);
    expect(competency.rows).toHaveLength(competencyCount(framework));
    const german = framework.translations.get('de')!;
    const japanese = framework.translations.get('ja')!;
    const first = competency.rows[0]!;
    expect(first).toMatchObject({
      externalCode: `dimension-${framework.dimensions[0]!.slug}`,
      'name.defaultValue': framework.dimensions[0]!.title,
      'name.en_US': framework.dimensions[0]!.title,
      'name.de_DE': german.dimensions[0]!.title,
      'name.ja_JP': japanese.dimensions[0]!.title,
    });
    for (const row of competency.rows) {
      expect(row.externalCode!.length).toBeLessThanOrEqual(128);
      expect(row['name.defaultValue']!.length).toBeLessThanOrEqual(2048);
      for (const key of ['description.defaultValue', ...LOCALE_SUFFIXES.map((s) => `description.${s}`)]) {
        expect(row[key]!.length, key).toBeLessThanOrEqual(4000);
        // Only the subset's tags, and a behaviour per level.
        expect(
          row[key]!.match(/<\/?([a-z]+)/g)!
            .map((t) => t.replace(/[</]/g, ''))
            .every((t) => ['p', 'ul', 'ol', 'li', 'b', 'i', 'br'].includes(t)),
        ).toBe(true);
        expect(row[key]!.match(/<li>/g), key).toHaveLength(framework.levels.length);
      }
    }
  });

  it('maps every role to its competencies with the expected level as the rating', () => {
    const result = renderHrSuite('sap-jpb', framework, DEFAULT_JOB_PROFILE);
    const roles = rowsOf(file(result, 'Role.csv'), 2).rows;
    expect(roles.map((r) => r.externalCode)).toEqual(['ENG-IC-STAFF', 'ENG-IC-PRINCIPAL', 'ENG-IC-DISTINGUISHED']);
    expect(roles.map((r) => r['name.ja_JP'])).toEqual(framework.translations.get('ja')!.levels.map((l) => l.title));
    const jobCodes = rowsOf(file(result, 'Role-Job Codes.csv'), 2).rows;
    expect(jobCodes.map((r) => r['jobCodeMappings.jobCode'])).toEqual(['ENG-IC-STAFF', 'ENG-IC-PRINCIPAL', 'ENG-IC-DISTINGUISHED']);
    const mapped = rowsOf(file(result, 'Role-Mapped Competencies.csv'), 2).rows;
    expect(mapped).toHaveLength(framework.levels.length * competencyCount(framework));
    const ratingOf = Object.fromEntries(mapped.map((r) => [r.externalCode, r['roleCompetencyMappings.rating.defaultValue']]));
    expect(ratingOf).toEqual({ 'ENG-IC-STAFF': '1', 'ENG-IC-PRINCIPAL': '2', 'ENG-IC-DISTINGUISHED': '3' });
    expect(new Set(mapped.map((r) => r['roleCompetencyMappings.status']))).toEqual(new Set(['A']));
    const codes = new Set(rowsOf(file(result, 'Competency.csv'), 2).rows.map((r) => r.externalCode));
    expect(mapped.every((r) => codes.has(r['roleCompetencyMappings.competency.externalCode']))).toBe(true);
  });

  it("takes the job codes and family from the config, with an overlay's inserted levels rated in rank order", () => {
    const result = renderHrSuite('sap-jpb', acme, ACME_PROFILE);
    expect(result.violations).toEqual([]);
    const mapped = rowsOf(file(result, 'Role-Mapped Competencies.csv'), 2).rows;
    const ratingOf = Object.fromEntries(mapped.map((r) => [r.externalCode, r['roleCompetencyMappings.rating.defaultValue']]));
    expect(ratingOf).toEqual({ 'ENG-L6': '1', 'ENG-L7': '2', 'ENG-L8': '3', 'ENG-L9': '4', 'ENG-L10': '5' });
    expect(rowsOf(file(result, 'Family.csv'), 2).rows[0]).toMatchObject({
      externalCode: 'family-software-engineering',
      'name.defaultValue': 'Software Engineering',
    });
    expect(rowsOf(file(result, 'Role.csv'), 2).rows.map((r) => r['family.externalCode'])).toEqual(
      Array(5).fill('family-software-engineering'),
    );
  });

  it('uses the export locale for defaultValue', () => {
    const result = renderHrSuite('sap-jpb', framework.translations.get('de')!, DEFAULT_JOB_PROFILE);
    const row = rowsOf(file(result, 'Competency.csv'), 2).rows[0]!;
    expect(row['name.defaultValue']).toBe(row['name.de_DE']);
    expect(row['name.defaultValue']).not.toBe(row['name.en_US']);
  });

  it('refuses a description over 4,000 characters, naming the item', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} adds another stretch of words to this summary.`).join(' ');
    const edited = await editedContent('long-description', 'capabilities.yaml', (t) =>
      t.replace(/^( {2}- slug: patience\n(?:.*\n)*? {4}summary: ).*(?:\n {6}.*)*/m, `$1${JSON.stringify(long)}`),
    );
    expect(edited.find('Capability', 'patience')!.summary.text).toBe(long);
    const result = renderHrSuite('sap-jpb', edited, DEFAULT_JOB_PROFILE);
    const problem = result.violations.find((v) => v.field === 'description.defaultValue');
    expect(problem?.message).toMatch(/^is \d{4} characters long; SAP SuccessFactors Job Profile Builder takes at most 4000$/);
    expect(problem?.origin?.item).toBe('capability "patience"');
    expect(file(result, 'Competency.csv')).toContain(long);
  });
});

describe('Workday', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });
  const body = (xml: string) =>
    (parser.parse(xml) as Record<string, Record<string, Record<string, Record<string, unknown>>>>)['env:Envelope']!['env:Body']!;

  it("writes a request per competency, job profile and further locale, well-formed and in Workday's namespace", () => {
    const result = renderHrSuite('workday', framework, DEFAULT_JOB_PROFILE);
    expect(result.violations).toEqual([]);
    const names = result.files.map((f) => f.name);
    expect(names.filter((n) => n.startsWith('Put_Competency.'))).toHaveLength(competencyCount(framework));
    expect(names.filter((n) => n.startsWith('Put_Job_Profile.'))).toEqual([
      'Put_Job_Profile.ENG-IC-STAFF.xml',
      'Put_Job_Profile.ENG-IC-PRINCIPAL.xml',
      'Put_Job_Profile.ENG-IC-DISTINGUISHED.xml',
    ]);
    expect(names.filter((n) => n.startsWith('Put_Translatable_Tenant_Data_Public.'))).toEqual([
      'Put_Translatable_Tenant_Data_Public.de_DE.xml',
      'Put_Translatable_Tenant_Data_Public.ja_JP.xml',
    ]);
    for (const f of result.files) {
      const request = Object.entries(body(f.body))[0]!;
      expect(request[0], f.name).toMatch(/^wd:Put_\w+_Request$/);
      expect(request[1]['@_xmlns:wd'], f.name).toBe('urn:com.workday/bsvc');
    }
  });

  it('gives each competency its ID, name, HTML description and one Rating_Behavior per level', () => {
    const result = renderHrSuite('workday', framework, DEFAULT_JOB_PROFILE);
    const judgement = framework.find('Capability', 'judgement')!;
    const request = body(file(result, 'Put_Competency.capability-judgement.xml'))['wd:Put_Competency_Request']!;
    const data = request['wd:Competency_Data'] as Record<string, unknown>;
    expect(data['wd:Competency_ID']).toBe('capability-judgement');
    expect(data['wd:Competency_Name']).toBe(judgement.title);
    // HTML as text, escaped in the XML and whole once parsed.
    expect(data['wd:Competency_Description']).toMatch(/^<p>.*<\/p>$/s);
    expect(file(result, 'Put_Competency.capability-judgement.xml')).toContain('&lt;p&gt;');
    const ratings = data['wd:Proficiency_Rating_Behavior_Data'] as Record<string, Record<string, Record<string, string>>>[];
    expect(ratings.map((r) => r['wd:Proficiency_Rating_Reference']!['wd:ID']!['#text'])).toEqual([
      'level-staff',
      'level-principal',
      'level-distinguished',
    ]);
    expect(ratings.map((r) => r['wd:Rating_Behavior'])).toEqual(judgement.atLevel.map((n) => n.text.text));
  });

  it('gives each job profile its code, title, summary, HTML description, level and family', () => {
    const result = renderHrSuite('workday', acme, ACME_PROFILE);
    expect(result.violations).toEqual([]);
    const request = body(file(result, 'Put_Job_Profile.ENG-L7.xml'))['wd:Put_Job_Profile_Request']!;
    const data = request['wd:Job_Profile_Data'] as Record<string, Record<string, unknown>>;
    const level = acme.find('Level', 'senior-staff')!;
    expect(data['wd:Job_Code']).toBe('ENG-L7');
    expect(data['wd:Job_Profile_Basic_Data']).toMatchObject({
      'wd:Job_Title': level.title,
      'wd:Job_Profile_Summary': level.summary.text,
      'wd:Job_Level_Reference': { 'wd:ID': { '#text': 'level-senior-staff', '@_wd:type': 'Job_Level_ID' } },
    });
    const description = data['wd:Job_Profile_Basic_Data']!['wd:Job_Description'] as string;
    expect(description.match(/<li>/g)).toHaveLength(acme.dimensions.length);
    expect(data['wd:Job_Family_Data']).toEqual({
      'wd:Job_Family_Reference': { 'wd:ID': { '#text': 'family-software-engineering', '@_wd:type': 'Job_Family_ID' } },
    });
  });

  it('sends the translations of every other declared locale', () => {
    const result = renderHrSuite('workday', framework, DEFAULT_JOB_PROFILE);
    const request = body(file(result, 'Put_Translatable_Tenant_Data_Public.de_DE.xml'))['wd:Put_Translatable_Tenant_Data_Public_Request']!;
    const data = request['wd:Translatable_Tenant_Data_Data'] as Record<string, unknown>[];
    const names = data.find((d) => d['wd:Translatable_Attribute_Name'] === 'Competency_Name')!;
    const values = names['wd:Translated_Value_for_Instance_Data'] as { 'wd:Translated_Value': string }[];
    expect(values.map((v) => v['wd:Translated_Value'])).toContain(framework.translations.get('de')!.dimensions[0]!.title);
    // A German export translates into English and Japanese instead.
    const fromGerman = renderHrSuite('workday', framework.translations.get('de')!, DEFAULT_JOB_PROFILE);
    expect(fromGerman.files.map((f) => f.name).filter((n) => n.startsWith('Put_Translatable'))).toEqual([
      'Put_Translatable_Tenant_Data_Public.en_US.xml',
      'Put_Translatable_Tenant_Data_Public.ja_JP.xml',
    ]);
  });

  it('escapes markup in content, so every request stays well-formed', async () => {
    const hostile = '</wd:Competency_Name><wd:Inject>x</wd:Inject> & "q"';
    const edited = await editedContent('hostile', 'capabilities.yaml', (t) =>
      t.replace(/title: Judgement$/m, `title: ${JSON.stringify(hostile)}`),
    );
    const result = renderHrSuite('workday', edited, DEFAULT_JOB_PROFILE);
    expect(result.violations).toEqual([]);
    const data = body(file(result, 'Put_Competency.capability-judgement.xml'))['wd:Put_Competency_Request']![
      'wd:Competency_Data'
    ] as Record<string, unknown>;
    expect(data['wd:Competency_Name']).toBe(hostile);
    expect(data['wd:Inject']).toBeUndefined();
  });
});

describe('the rule checker', () => {
  const fifteenFiveCompetencies = {
    fileName: 'competencies.csv',
    suite: '15Five',
    headerRows: 1 as const,
    columns: new Map([
      ['Competency', { key: 'Competency', required: true, maxLength: 75 }],
      ['Company wide', { key: 'Company wide', required: true, allowed: ['TRUE', 'FALSE'] }],
      ['Groups', { key: 'Groups', requiredWhen: { key: 'Company wide', equals: 'FALSE' } }],
    ]),
    needed: [{ key: 'Competency', required: true }],
    origins: [],
    unique: ['Competency'],
  };

  it('finds required values missing, values not allowed, Groups missing when not company-wide, and repeats', () => {
    const text = 'Competency,Company wide,Groups\r\n,TRUE,\r\nA,yes,\r\nB,FALSE,\r\nB,TRUE,\r\nC,FALSE,Eng\r\n';
    const found = checkCsv({ ...fifteenFiveCompetencies, text }).map((v) => `${v.line}:${v.column} ${v.field} ${v.message}`);
    expect(found).toEqual([
      '2:1 Competency is empty; the import requires a value',
      '3:2 Company wide is "yes"; 15Five takes only TRUE, FALSE',
      '4:3 Groups is empty; the import requires a value when Company wide is FALSE',
      '5:1 Competency "B" is already on line 4; each must be unique',
    ]);
  });

  it('refuses a file without a column the import needs, and text that is not CSV', () => {
    expect(checkCsv({ ...fifteenFiveCompetencies, text: 'Name\r\nA\r\n' }).map((v) => v.message)).toEqual([
      'has no column Competency, which the import needs',
    ]);
    expect(checkCsv({ ...fifteenFiveCompetencies, text: 'Competency,"Company wide\r\nA' })[0]!.message).toMatch(/^is not valid CSV/);
  });

  it('holds a career path to one key behaviour per row and one path per file', () => {
    const text =
      'Path,Job title,Competency,Skill,Key behavior\r\nEng,Staff,Scope,,One\r\nEng,Staff,Scope,,Two\r\nEng,Staff,Time,,"Line one\nline two"\r\nOps,Staff,Other,,Three\r\n';
    const found = checkCsv({
      fileName: 'career-path.csv',
      headerRows: 1,
      text,
      columns: new Map([['Key behavior', { key: 'Key behavior', required: true }]]),
      needed: [],
      origins: [],
      oneBehaviourPerRow: { behaviour: 'Key behavior', within: ['Path', 'Job title', 'Competency', 'Skill'] },
      samePerFile: ['Path'],
    }).map((v) => `${v.line} ${v.message}`);
    expect(found).toEqual([
      '3 repeats Path "Eng", Job title "Staff", Competency "Scope" of line 2; the suite imports only the first key behaviour of each',
      // Located where the record starts, not on the line its quoted cell ends.
      '4 holds more than one line; write one key behaviour per row',
      '6 is "Ops" where the first row has "Eng"; one per file',
    ]);
  });

  it('finds a Workday request that is not well-formed, in another namespace, or without a behaviour per rating', () => {
    const origin = { item: 'capability "x"', location: { file: 'x.yaml', line: 1, column: 1 } };
    const envelope = (inner: string, ns = 'urn:com.workday/bsvc') =>
      `<?xml version="1.0"?><env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body><wd:Put_Competency_Request xmlns:wd="${ns}">${inner}</wd:Put_Competency_Request></env:Body></env:Envelope>`;
    const check = (xml: string) =>
      checkWorkdayRequest({ fileName: 'c.xml', operation: 'Put_Competency', origin, xml }).map((v) => `${v.field}: ${v.message}`);
    const good = `<wd:Competency_Data><wd:Competency_ID>x</wd:Competency_ID><wd:Competency_Name>X</wd:Competency_Name><wd:Competency_Description>&lt;p&gt;d&lt;/p&gt;</wd:Competency_Description><wd:Proficiency_Rating_Behavior_Data><wd:Proficiency_Rating_Reference><wd:ID wd:type="Proficiency_Rating_ID">level-a</wd:ID></wd:Proficiency_Rating_Reference><wd:Rating_Behavior>b</wd:Rating_Behavior></wd:Proficiency_Rating_Behavior_Data></wd:Competency_Data>`;
    expect(check(envelope(good))).toEqual([]);
    expect(check(envelope(good).replace('</wd:Competency_Name>', ''))[0]).toMatch(/^: is not well-formed XML/);
    expect(check(envelope(good, 'urn:other'))).toEqual(['wd:Put_Competency_Request: is not in the namespace urn:com.workday/bsvc']);
    expect(check(envelope(good.replace('<wd:Rating_Behavior>b</wd:Rating_Behavior>', '')))).toEqual([
      'Rating_Behavior: under level-a must be one non-empty behaviour; found 0',
    ]);
    expect(check(envelope(good.replace('&lt;p&gt;d', '&lt;script&gt;d')))).toEqual([
      'Competency_Description: holds the tag <script>, outside p, ul, ol, li, b, i, br',
    ]);
    expect(check(envelope(good.replace('>X<', '>X\u0001<')))[0]).toBe(': holds the character U+0001, which XML 1.0 forbids');
  });

  it('reports in words an HR admin reads, with every problem located', async () => {
    const ok = checkReport(renderHrSuite('15five', framework, DEFAULT_JOB_PROFILE), work);
    expect(ok).toContain('✓ career-path-engineering.csv');
    expect(ok).toContain('No problems: 15Five should accept these 2 files as they are.');
    const edited = await editedContent('long-name-2', 'capabilities.yaml', (t) =>
      t.replace(/title: Systems thinking$/m, `title: ${'S'.repeat(80)}`),
    );
    const report = checkReport(renderHrSuite('15five', edited, DEFAULT_JOB_PROFILE), work);
    expect(report).toContain('✗ competencies.csv');
    expect(report).toContain(`${1 + framework.levels.length} problems:`);
    expect(report).toContain(
      'competencies.csv:10:1 Competency: is 80 characters long; 15Five takes at most 75 (from capability "systems-thinking" at long-name-2/capabilities.yaml:3:5)',
    );
  });
});

describe('review fixes: rules and file names', () => {
  const competencies = {
    fileName: 'competencies.csv',
    suite: '15Five',
    headerRows: 1 as const,
    columns: new Map([
      ['Competency', { key: 'Competency', required: true, maxLength: 75 }],
      ['Company wide', { key: 'Company wide', required: true, allowed: ['TRUE', 'FALSE'] }],
    ]),
    needed: [{ key: 'Groups', requiredWhen: { key: 'Company wide', equals: 'FALSE' } }],
    origins: [],
  };

  it('locates a problem on the line its record starts, after multi-line cells in the header and in rows', () => {
    const text = 'Competency,"Company\nwide"\r\n"A\nB",yes\r\nC,no\r\n';
    const found = checkCsv({
      ...competencies,
      text,
      columns: new Map([['Company\nwide', { key: 'Company\nwide', allowed: ['TRUE', 'FALSE'] }]]),
      needed: [],
    }).map((v) => `${v.line}:${v.column} ${v.message}`);
    expect(found).toEqual(['3:2 is "yes"; 15Five takes only TRUE, FALSE', '5:2 is "no"; 15Five takes only TRUE, FALSE']);
  });

  it('needs a column required on some rows only when such a row exists', () => {
    expect(checkCsv({ ...competencies, text: 'Competency,Company wide\r\nA,TRUE\r\n' })).toEqual([]);
    expect(checkCsv({ ...competencies, text: 'Competency,Company wide\r\nA,TRUE\r\nB,FALSE\r\n' }).map((v) => v.message)).toEqual([
      'has no column Groups, which the import needs on the 1 row where Company wide is FALSE',
    ]);
  });

  it('says when the apostrophe written against spreadsheet formulas is what makes a value too long', () => {
    const text = csvText([
      ['Competency', 'Company wide'],
      [`=${'x'.repeat(74)}`, 'TRUE'],
      ['y'.repeat(76), 'TRUE'],
    ]);
    expect(checkCsv({ ...competencies, text, needed: [] }).map((v) => `${v.line} ${v.message}`)).toEqual([
      '2 is 76 characters long (75 and an apostrophe added before it, so that spreadsheets do not run it as a formula); 15Five takes at most 75',
      '3 is 76 characters long; 15Five takes at most 75',
    ]);
  });

  it('refuses Workday job codes that make one file name, naming both roles', () => {
    const result = renderHrSuite('workday', framework, { jobFamily: 'Engineering', jobCodes: { staff: 'ENG/7', principal: 'ENG 7' } });
    const clash = result.violations.filter((v) => v.file === 'Put_Job_Profile.ENG_7.xml');
    expect(clash).toHaveLength(1);
    expect(clash[0]!.message).toMatch(/^is the file name of both .*staff.* and .*principal.*, so one would overwrite the other/);
    // Both files are still listed: nothing is dropped, the export is refused.
    expect(result.files.filter((f) => f.name === 'Put_Job_Profile.ENG_7.xml')).toHaveLength(2);
  });

  it('refuses two locales Workday would give one translation file, naming both', () => {
    const origin = (tag: string) => ({ item: `the ${tag} translation`, location: { file: `${tag}.yaml`, line: 1, column: 1 } });
    const found = sameFileNames([
      { fileName: 'Put_Translatable_Tenant_Data_Public.zh_CN.xml', origin: origin('zh') },
      { fileName: 'Put_Translatable_Tenant_Data_Public.zh_CN.xml', origin: origin('zh-Hans') },
      { fileName: 'Put_Translatable_Tenant_Data_Public.de_DE.xml', origin: origin('de') },
    ]);
    expect(found.map((v) => v.message)).toEqual([
      expect.stringMatching(/^is the file name of both the zh translation and the zh-Hans translation/),
    ]);
  });

  it('refuses two locales SAP gives one column (pt and pt-BR), on every file with that column', () => {
    const german = framework.translations.get('de')!;
    const as = (tag: string) => ({ ...german, view: { ...german.view, locale: tag } }) as Framework;
    const locales = [framework, as('pt'), as('pt-BR')];
    const tables = sapJpbTables(hrModel(framework, DEFAULT_JOB_PROFILE), { jobProfile: DEFAULT_JOB_PROFILE, locales });
    const found = sapLocaleClashes(tables, locales);
    expect(found.map((v) => `${v.file} ${v.field}`)).toEqual(['Family.csv name.pt_BR', 'Role.csv name.pt_BR', 'Competency.csv name.pt_BR']);
    expect(found[0]!.message).toBe(
      'would hold both pt and pt-BR: SAP names each of them pt_BR, so one would overwrite the other; declare only one of these locales for an SAP export',
    );
    expect(sapLocaleClashes(tables, [framework, german])).toEqual([]);
  });
});
