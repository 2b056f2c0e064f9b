import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, EXPORT_SCHEMA_PATH, loadFrameworkOrThrow, MAX_LOCALE_COLUMNS, type Framework } from '@altitude/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCliServer, type CliServer } from '../support/cli.js';

// `altitude export --locale` and `/export/*?locale=`: every format in every locale served.

let framework: Framework;
let de: Framework;
let ja: Framework;
let work: string;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  de = framework.translations.get('de')!;
  ja = framework.translations.get('ja')!;
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-export-locales-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const exportCli = async (...args: string[]) => {
  const run = await runCli(['export', ...args], { cwd: work });
  if (run.code !== 0) throw new Error(`export ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run;
};
const rowsOf = (csv: string) => parseCsv<Record<string, string>>(csv, { columns: true, record_delimiter: '\r\n' });
const headerOf = (csv: string) => {
  const rows: string[][] = parseCsv(csv, { record_delimiter: '\r\n', to_line: 1 });
  return rows[0]!;
};

describe('altitude export --locale', () => {
  it('exports the canonical JSON as served in German: its locale said, the German text, valid against the schema', async () => {
    const json = JSON.parse((await exportCli('--format', 'json', '--locale', 'de')).stdout) as Record<string, any>;
    const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
      JSON.parse(await readFile(EXPORT_SCHEMA_PATH, 'utf8')) as object,
    );
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(json.framework).toMatchObject({ locale: 'de', title: de.title, contentHash: de.contentHash });
    expect(json.levels.map((l: Record<string, string>) => l.summary)).toEqual(de.levels.map((l) => l.summary.markdown));
    const english = JSON.parse((await exportCli('--format', 'json')).stdout) as Record<string, any>;
    expect(english.framework.locale).toBe('en');
  });

  it('exports the CSV with German cells, every column where it was', async () => {
    const csv = (await exportCli('--format', 'csv', '--locale', 'de')).stdout;
    const english = (await exportCli('--format', 'csv')).stdout;
    expect(headerOf(csv)).toHaveLength(headerOf(english).length);
    const rows = rowsOf(csv);
    expect(rows.map((r) => [r['Job Code'], r['Job Title'], r['Summary']])).toEqual(
      de.levels.map((l) => [`ENG-IC-${l.slug.toUpperCase()}`, l.title, l.summary.text]),
    );
    expect(rows[0]![de.dimensions[0]!.title]).toMatch(new RegExp(`^${de.levels[0]!.expectations[0]!.headline}`));
  });

  it('exports JSON-LD in Japanese with inLanguage on every Occupation and skill', async () => {
    const doc = JSON.parse((await exportCli('--format', 'jsonld', '--locale', 'ja')).stdout) as { '@graph': Record<string, any>[] };
    expect(doc['@graph'].map((o) => [o.inLanguage, o.name])).toEqual(ja.levels.map((l) => ['ja', l.title]));
    expect(doc['@graph'].flatMap((o) => o.skills.map((s: { inLanguage: string }) => s.inLanguage))).toEqual(
      Array.from({ length: 3 * ja.capabilities.length }, () => 'ja'),
    );
  });

  it('falls back along the chain for a tag not served, and says so on stderr', async () => {
    const swiss = await exportCli('--format', 'json', '--locale', 'de-CH');
    expect(JSON.parse(swiss.stdout).framework.locale).toBe('de');
    expect(swiss.stderr).toBe('altitude: de-CH is not served; exporting de, the first locale of its fallback chain that is\n');
    const french = await exportCli('--format', 'csv', '--locale', 'fr');
    expect(french.stdout).toBe((await exportCli('--format', 'csv')).stdout);
    expect(french.stderr).toContain('fr is not served; exporting en');
    // A tag that is served, in any case, says nothing.
    expect((await exportCli('--format', 'csv', '--locale', 'DE')).stderr).toBe('');
  });

  it.each([
    [
      'a malformed --locale',
      ['--format', 'json', '--locale', 'not a tag'],
      /^altitude: --locale must be a BCP 47 language tag such as "de" or "pt-BR", got "not a tag"\. Served: en, de, ja, en-XA, ar-XB\.\n$/,
    ],
    [
      'a --locale of 5,000 characters',
      ['--format', 'csv', '--locale', 'x'.repeat(5000)],
      /^altitude: --locale must be a BCP 47 language tag/,
    ],
    [
      'a locale column not served',
      ['--format', 'csv', '--locale-columns', 'de,fr'],
      /^altitude: --locale-columns: fr is not served; served: en, de, ja, en-XA, ar-XB\n$/,
    ],
    [
      'a malformed locale column',
      ['--format', 'csv', '--locale-columns', 'de,1'],
      /^altitude: --locale-columns: "1" is not a BCP 47 language tag/,
    ],
    [
      'locale columns on JSON-LD',
      ['--format', 'jsonld', '--locale-columns', 'de'],
      /^altitude: --locale-columns only applies to --format csv\n$/,
    ],
    [
      `${MAX_LOCALE_COLUMNS + 1} locale columns`,
      ['--format', 'csv', '--locale-columns', Array.from({ length: MAX_LOCALE_COLUMNS + 1 }, () => 'de').join(',')],
      new RegExp(`^altitude: --locale-columns: at most ${MAX_LOCALE_COLUMNS} locales; got ${MAX_LOCALE_COLUMNS + 1}\\n$`),
    ],
    [
      'a --locale-columns list of 6,000 characters',
      ['--format', 'csv', '--locale-columns', 'de,'.repeat(2_000)],
      /^altitude: --locale-columns: at most 10 locales, comma-separated/,
    ],
  ] as const)('%s is a usage error: exit 2, nothing written', async (_, args, message) => {
    const run = await runCli(['export', ...args], { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});

describe('altitude export --format csv --locale-columns', () => {
  it('adds a column per locale for each translatable column, named as SAP SuccessFactors names them', async () => {
    const csv = (await exportCli('--format', 'csv', '--locale-columns', 'de,ja', '--out', 'levels.csv')).stderr;
    expect(csv).toBe('Wrote levels.csv: 3 job profiles in en, de, ja\n');
    const text = await readFile(path.join(work, 'levels.csv'), 'utf8');
    const plain = headerOf((await exportCli('--format', 'csv')).stdout);
    const header = headerOf(text);
    // Every column an import maps today keeps its name and position.
    expect(header.slice(0, plain.length)).toEqual(plain);
    const fields = ['Job Title', 'Summary', ...framework.dimensions.map((d) => d.title), 'Description'];
    expect(header.slice(plain.length)).toEqual(fields.flatMap((f) => [`${f}.de_DE`, `${f}.ja_JP`]));
    const rows = rowsOf(text);
    for (const [i, level] of framework.levels.entries()) {
      expect(rows[i]!['Job Title']).toBe(level.title);
      expect(rows[i]!['Summary.de_DE']).toBe(de.levels[i]!.summary.text);
      expect(rows[i]!['Summary.ja_JP']).toBe(ja.levels[i]!.summary.text);
      expect(rows[i]!['Description.ja_JP']).toBe(ja.levels[i]!.description.text);
      const dimension = framework.dimensions[3]!;
      expect(rows[i]![`${dimension.title}.de_DE`]).toContain(de.levels[i]!.expectations[3]!.text.text);
    }
  });

  it('puts English in columns of its own when asked, beside a German export', async () => {
    const rows = rowsOf((await exportCli('--format', 'csv', '--locale', 'de', '--locale-columns', 'en')).stdout);
    expect(rows.map((r) => [r['Job Title'], r['Summary'], r['Summary.en_US']])).toEqual(
      framework.levels.map((l, i) => [de.levels[i]!.title, de.levels[i]!.summary.text, l.summary.text]),
    );
  });
});

describe('/export/* over HTTP with ?locale=', () => {
  let server: CliServer;
  beforeAll(async () => {
    // The CLI and the server then write the same links into the JSON and JSON-LD.
    await writeFile(path.join(work, 'altitude.config.json'), JSON.stringify({ publicUrl: 'https://altitude.example.com' }));
    server = await startCliServer([], { cwd: work });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(path.join(work, 'altitude.config.json'), { force: true });
  });

  it.each([
    ['/export/framework.json', 'json'],
    ['/export/levels.csv', 'csv'],
    ['/export/framework.jsonld', 'jsonld'],
  ])('%s?locale=de serves the bytes of the CLI in German, with its own ETag and Content-Language', async (url, format) => {
    const german = await fetch(`${server.url}${url}?locale=de`);
    expect(german.status).toBe(200);
    expect(german.headers.get('content-language')).toBe('de');
    expect(await german.text()).toBe((await exportCli('--format', format, '--locale', 'de')).stdout);
    const english = await fetch(`${server.url}${url}`);
    expect(english.headers.get('content-language')).toBe('en');
    const etag = german.headers.get('etag')!;
    expect(english.headers.get('etag')).not.toBe(etag);
    expect((await fetch(`${server.url}${url}?locale=de`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    // The English ETag does not validate the German copy.
    expect((await fetch(`${server.url}${url}?locale=de`, { headers: { 'if-none-match': english.headers.get('etag')! } })).status).toBe(200);
  });

  it('answers a tag that falls back with the locale served, sharing its copy', async () => {
    const swiss = await fetch(`${server.url}/export/levels.csv?locale=de-ch`);
    const german = await fetch(`${server.url}/export/levels.csv?locale=de`);
    expect(swiss.headers.get('content-language')).toBe('de');
    expect(swiss.headers.get('etag')).toBe(german.headers.get('etag'));
    const french = await fetch(`${server.url}/export/framework.jsonld?locale=fr`);
    expect(french.headers.get('content-language')).toBe('en');
  });

  it('adds the CSV’s locale columns with ?locale-columns=', async () => {
    const response = await fetch(`${server.url}/export/levels.csv?locale-columns=de,ja&bom=1`);
    expect(response.headers.get('content-language')).toBe('en, de, ja');
    // Decoded by hand: fetch's text() would drop the byte-order mark.
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toBe((await exportCli('--format', 'csv', '--locale-columns', 'de,ja', '--bom')).stdout);
    expect(headerOf(text.replace(/^\uFEFF/, ''))).toContain('Job Title.ja_JP');
  });

  it.each([
    ['a malformed ?locale', '/export/levels.csv?locale=not%20a%20tag', 'locale', /^locale must be a BCP 47 language tag/],
    [
      'a ?locale of 3,000 characters',
      `/export/framework.json?locale=${'x'.repeat(3000)}`,
      'locale',
      /^locale must be a BCP 47 language tag/,
    ],
    ['?locale given twice', '/export/levels.csv?locale=de&locale=ja', 'locale', /^locale: give locale once, not 2 times$/],
    [
      'a locale column not served',
      '/export/levels.csv?locale-columns=de,fr',
      'locale-columns',
      /^locale-columns: fr is not served; served: en, de, ja, en-XA, ar-XB$/,
    ],
    [
      `${MAX_LOCALE_COLUMNS + 1} locale columns`,
      `/export/levels.csv?locale-columns=${Array.from({ length: MAX_LOCALE_COLUMNS + 1 }, () => 'ja').join(',')}`,
      'locale-columns',
      /^locale-columns: at most 10 locales; got 11$/,
    ],
    [
      'locale columns on JSON-LD',
      '/export/framework.jsonld?locale-columns=de',
      'locale-columns',
      /^locale-columns: locale columns only apply to the CSV$/,
    ],
  ])('%s is a 400 naming the argument', async (_, url, argument, message) => {
    const response = await fetch(`${server.url}${url}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { error: string; argument: string };
    expect(body.argument).toBe(argument);
    expect(body.error).toMatch(message);
  });
});
