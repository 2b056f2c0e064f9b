import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, startCliServer, type CliServer } from '../support/cli.js';
import { editContent } from '../support/content.js';

// fast-xml-parser is @altitude/server's dependency; the tests read the XML with the same parser the server checks it with.
const { XMLParser } = createRequire(path.join(REPO_ROOT, 'packages/server/package.json'))('fast-xml-parser') as {
  XMLParser: new (options: Record<string, unknown>) => { parse(xml: string): Record<string, any> };
};
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });

const ACME = path.join(REPO_ROOT, 'examples', 'acme-ladder');
let framework: Framework;
let work: string;
let longName: string;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-hr-suites-'));
  // Content whose capability title is 76 characters: one over 15Five's limit.
  longName = path.join(work, 'long-name');
  await cp(DEFAULT_CONTENT_DIR, longName, { recursive: true });
  await editContent(longName, 'capabilities.yaml', (t) =>
    t.replace(/title: Systems thinking$/m, `title: Systems thinking ${'x'.repeat(59)}`),
  );
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const competencies = () => framework.dimensions.length + framework.capabilities.length + framework.leverageMechanisms.length;
const csvRows = (text: string, headerRows = 1) => {
  const records: string[][] = parseCsv(text, { bom: true });
  return records.slice(headerRows).map((r) => Object.fromEntries(records[0]!.map((k, i) => [k, r[i]!])));
};

describe('altitude export --format 15five | sap-jpb | workday', () => {
  it("writes each suite's files to a folder, every one parsing back", async () => {
    for (const [format, expected] of [
      ['15five', ['career-path-engineering.csv', 'competencies.csv']],
      ['sap-jpb', ['Competency.csv', 'Family.csv', 'Role-Job Codes.csv', 'Role-Mapped Competencies.csv', 'Role.csv']],
    ] as const) {
      const run = await runCli(['export', '--format', format, '--out', format], { cwd: work });
      expect(run.code, run.stderr).toBe(0);
      expect((await readdir(path.join(work, format))).sort()).toEqual([...expected]);
      expect(run.stderr).toMatch(new RegExp(`^Wrote ${format}/: `));
    }
    const career = csvRows(await readFile(path.join(work, '15five', 'career-path-engineering.csv'), 'utf8'));
    expect(career).toHaveLength(framework.levels.length * competencies());
    expect(career.every((r) => r.Path === 'Engineering' && r['Job title'] && r['Key behavior'])).toBe(true);
    const sapCompetencies = csvRows(await readFile(path.join(work, 'sap-jpb', 'Competency.csv'), 'utf8'), 2);
    expect(Object.keys(sapCompetencies[0]!)).toEqual(
      expect.arrayContaining(['name.defaultValue', 'name.en_US', 'name.de_DE', 'name.ja_JP']),
    );

    const run = await runCli(['export', '--format', 'workday', '--out', 'workday'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    const files = await readdir(path.join(work, 'workday'));
    expect(files).toHaveLength(1 + competencies() + framework.levels.length + 2);
    for (const name of files) {
      const doc = xml.parse(await readFile(path.join(work, 'workday', name), 'utf8'));
      const [request] = Object.keys(doc['env:Envelope']['env:Body']);
      expect(`${request}`, name).toBe(`wd:${name.split('.')[0]}_Request`);
    }
  });

  it('needs a folder for several files, and refuses one that is a file', async () => {
    const noOut = await runCli(['export', '--format', '15five'], { cwd: work });
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toBe('altitude: --format 15five writes 2 files: name a folder with --out DIR\n');
    await writeFile(path.join(work, 'a-file'), '');
    const onFile = await runCli(['export', '--format', 'workday', '--out', 'a-file'], { cwd: work });
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toMatch(/--out a-file is a file/);
  });

  it("refuses content over a suite's limit, naming the item and writing nothing", async () => {
    const run = await runCli(['export', '--format', '15five', '--content', longName, '--out', 'too-long'], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('altitude: the 15Five files break rules the suite documents; nothing was written:');
    expect(run.stderr).toContain(
      'competencies.csv:10:1 Competency: is 76 characters long; 15Five takes at most 75 (from capability "systems-thinking" at long-name/capabilities.yaml:3:5)',
    );
    await expect(readdir(path.join(work, 'too-long'))).rejects.toThrow(/ENOENT/);
  });

  it('works with an overlay, its config and a locale (examples/acme-ladder)', async () => {
    const out = path.join(work, 'acme-sap');
    const run = await runCli(['export', '--format', 'sap-jpb', '--locale', 'de', '--out', out], { cwd: ACME });
    expect(run.code, run.stderr).toBe(0);
    const acme = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR, { overlays: [path.join(ACME, 'ladder')] });
    const roles = csvRows(await readFile(path.join(out, 'Role.csv'), 'utf8'), 2);
    expect(roles.map((r) => r.externalCode)).toEqual(['ENG-L6', 'ENG-L7', 'ENG-L8', 'ENG-L9', 'ENG-L10']);
    expect(roles.map((r) => r['name.defaultValue'])).toEqual(
      acme.translations
        .get('de')!
        .levels.toSorted((a, b) => a.rank - b.rank)
        .map((l) => l.title),
    );
    const mapped = csvRows(await readFile(path.join(out, 'Role-Mapped Competencies.csv'), 'utf8'), 2);
    expect(new Set(mapped.map((r) => `${r.externalCode}=${r['roleCompetencyMappings.rating.defaultValue']}`))).toEqual(
      new Set(['ENG-L6=1', 'ENG-L7=2', 'ENG-L8=3', 'ENG-L9=4', 'ENG-L10=5']),
    );
    const family = csvRows(await readFile(path.join(out, 'Family.csv'), 'utf8'), 2);
    expect(family[0]!['name.defaultValue']).toBe('Software Engineering');
  });
});

describe('altitude export --check', () => {
  it('prints a report an HR admin can read, exit 0 when the files pass', async () => {
    const run = await runCli(['export', '--format', 'sap-jpb', '--check'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Checking the SAP SuccessFactors Job Profile Builder import (dry run: nothing is written).');
    expect(run.stdout).toMatch(/✓ Role-Mapped Competencies\.csv +\d+ rows/);
    expect(run.stdout).toContain('No problems: SAP SuccessFactors Job Profile Builder should accept these 5 files as they are.');
  });

  it('exits 1 on a violation and lists it', async () => {
    const run = await runCli(['export', '--format', '15five', '--check', '--content', longName], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ competencies\.csv +22 rows, 1 problem/);
    expect(run.stdout).toContain(`${1 + framework.levels.length} problems:`);
  });

  it("is refused with the exports that are not an HR suite's", async () => {
    const run = await runCli(['export', '--format', 'csv', '--check'], { cwd: work });
    expect(run.code).toBe(2);
  });
});

describe('altitude export --template', () => {
  it("fills SAP's two-header template and keeps both header rows as they were", async () => {
    const header =
      '[OPERATOR],externalCode,name.defaultValue,name.en_US,name.de_DE,name.fr_FR,family.externalCode,customField\r\nOperator,GUID,Default Value,US English,German,French,Family,Custom\r\n';
    await writeFile(path.join(work, 'Role.csv'), header);
    const run = await runCli(['export', '--format', 'sap-jpb', '--template', 'Role.csv', '--out', 'Role-filled.csv'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('altitude: left empty, as Altitude has nothing for them: name.fr_FR, customField');
    const filled = await readFile(path.join(work, 'Role-filled.csv'), 'utf8');
    expect(filled.startsWith(header)).toBe(true);
    const rows = csvRows(filled, 2);
    expect(rows.map((r) => r.externalCode)).toEqual(['ENG-IC-STAFF', 'ENG-IC-PRINCIPAL', 'ENG-IC-DISTINGUISHED']);
    expect(rows[0]).toMatchObject({ 'name.de_DE': framework.translations.get('de')!.levels[0]!.title, 'name.fr_FR': '', customField: '' });
    // --check over a template: the report, nothing written.
    const check = await runCli(['export', '--format', 'sap-jpb', '--template', 'Role.csv', '--check'], { cwd: work });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('Left empty (Altitude has nothing for these columns of your template): name.fr_FR, customField');
  });

  it('refuses a 15Five competencies template without Groups, which 15Five needs where Company wide is FALSE', async () => {
    await writeFile(path.join(work, 'competencies.csv'), 'Competency,Company wide\r\n');
    const check = await runCli(['export', '--format', '15five', '--template', 'competencies.csv', '--check'], { cwd: work });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /competencies\.csv:1:3 Groups: has no column Groups, which the import needs on the \d+ rows where Company wide is FALSE/,
    );
    const run = await runCli(['export', '--format', '15five', '--template', 'competencies.csv', '--out', 'competencies-filled.csv'], {
      cwd: work,
    });
    expect(run.code).not.toBe(0);
    expect(await readdir(work)).not.toContain('competencies-filled.csv');
  });

  it('fills a template of a suite without a format (Culture Amp) to stdout, and refuses what it cannot fill', async () => {
    await writeFile(path.join(work, 'culture-amp.csv'), 'Competency,Description,Level 1,Level 2,Level 3\r\n');
    const run = await runCli(['export', '--template', 'culture-amp.csv'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(csvRows(run.stdout)).toHaveLength(competencies());
    await writeFile(path.join(work, 'strict.csv'), 'Competency,Rating scale*\r\n');
    const refused = await runCli(['export', '--template', 'strict.csv'], { cwd: work });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^altitude: --template: strict\.csv marks "Rating scale\*" required, and Altitude has nothing to put there/,
    );
    const missing = await runCli(['export', '--template', 'nope.csv'], { cwd: work });
    expect(missing.stderr).toBe('altitude: --template: --template nope.csv does not exist\n');
    await writeFile(path.join(work, 'huge.csv'), Buffer.alloc(1024 * 1024 + 1, 'a'));
    const huge = await runCli(['export', '--template', 'huge.csv'], { cwd: work });
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/huge\.csv is 1048577 bytes; a template is at most 1048576/);
    const json = await runCli(['export', '--format', 'json', '--template', 'culture-amp.csv'], { cwd: work });
    expect(json.code).toBe(2);
  });
});

describe('/export/<suite>/', () => {
  let server: CliServer;
  beforeAll(async () => {
    server = await startCliServer([], { cwd: work });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lists each suite's files, and serves each one as the CLI writes it", async () => {
    for (const format of ['15five', 'sap-jpb', 'workday']) {
      const index = await fetch(`${server.url}/export/${format}/`);
      expect(index.status).toBe(200);
      const { files } = (await index.json()) as { files: { name: string; url: string; bytes: number }[] };
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) {
        const response = await fetch(`${server.url}${file.url}`);
        expect(response.status, file.url).toBe(200);
        const body = await response.text();
        expect(Buffer.byteLength(body), file.name).toBe(file.bytes);
        if (format !== 'workday') expect(body).toBe(await readFile(path.join(work, format, file.name), 'utf8'));
        expect(response.headers.get('content-disposition')).toContain('attachment');
      }
    }
  });

  it('serves a locale, answers 304 to a matching ETag, 404 for an unknown file and 400 for a bad locale', async () => {
    const german = await fetch(`${server.url}/export/15five/competencies.csv?locale=de`);
    expect(german.headers.get('content-language')).toBe('de');
    expect(csvRows(await german.text())[0]!.Competency).toBe(framework.translations.get('de')!.dimensions[0]!.title);
    const first = await fetch(`${server.url}/export/sap-jpb/Role-Job%20Codes.csv`);
    const etag = first.headers.get('etag')!;
    expect((await fetch(`${server.url}/export/sap-jpb/Role-Job%20Codes.csv`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const unknown = await fetch(`${server.url}/export/workday/..%2F..%2Fetc%2Fpasswd`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { files: string[] }).files).toContain('Put_Job_Family.family-engineering.xml');
    expect((await fetch(`${server.url}/export/15five/?locale=%3Cscript%3E`)).status).toBe(400);
    expect((await fetch(`${server.url}/export/15five/competencies.csv`, { method: 'POST' })).status).toBe(405);
  });

  it("answers 422 naming the problems when the content breaks a suite's rules", async () => {
    const server2 = await startCliServer(['--content', longName], { cwd: work });
    try {
      const response = await fetch(`${server2.url}/export/15five/competencies.csv`);
      expect(response.status).toBe(422);
      const body = (await response.json()) as { problems: string[] };
      expect(body.problems[0]).toMatch(
        /Competency: is 76 characters long; 15Five takes at most 75 \(from capability "systems-thinking" in capabilities\.yaml:\d+\)$/,
      );
      // The content's place on the server is nobody's business but the server's.
      expect(JSON.stringify(body)).not.toContain(work);
      expect(JSON.stringify(body)).not.toContain(os.tmpdir());
      expect((await fetch(`${server2.url}/export/sap-jpb/`)).status).toBe(200);
    } finally {
      await server2.stop();
    }
  });
});
