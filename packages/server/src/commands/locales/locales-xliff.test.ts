import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, sourceHash } from '@altitude/schema';
import { parse, parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { runLocalesExport } from './locales-export.js';
import { runLocalesImport } from './locales-import.js';
import { MAX_XLIFF_BYTES, MAX_XLIFF_DEPTH, MAX_XLIFF_UNITS, parseXliff, readXliffFile } from './xliff-read.js';

const ACME = path.join(DEFAULT_CONTENT_DIR, '..', 'examples', 'acme-ladder', 'ladder');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A working folder holding a copy of the content as content/. */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-xliff-'));
  dirs.push(dir);
  await cp(DEFAULT_CONTENT_DIR, path.join(dir, 'content'), { recursive: true });
  return dir;
}

function capture() {
  let out = '';
  let err = '';
  return { io: { out: (s: string) => void (out += s), err: (s: string) => void (err += s) }, out: () => out, err: () => err };
}

async function exportXliff(dir: string, locale: string, options: { all?: boolean; overlays?: string[] } = {}) {
  const io = capture();
  const code = await runLocalesExport(
    { locale, all: options.all ?? false, contentDir: path.join(dir, 'content'), overlays: options.overlays ?? [], cwd: dir },
    io.io,
  );
  return { code, xml: io.out(), err: io.err() };
}

async function importXliff(
  dir: string,
  xml: string,
  options: { dryRun?: boolean; acceptStale?: boolean; overlays?: string[]; name?: string } = {},
) {
  const file = options.name ?? 'vendor.xlf';
  await writeFile(path.join(dir, file), xml);
  const io = capture();
  const code = await runLocalesImport(
    {
      file,
      dryRun: options.dryRun ?? false,
      acceptStale: options.acceptStale ?? false,
      contentDir: path.join(dir, 'content'),
      overlays: options.overlays ?? [],
      cwd: dir,
    },
    io.io,
  );
  return { code, out: io.out(), err: io.err() };
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
const unescapeXml = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ENTITIES[e]!);
const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** What a vendor's tool does: each unit's target set (replacing any), or removed when `into` gives undefined. */
function translate(xml: string, into: (source: string, unitId: string) => string | undefined): string {
  return xml.replace(/<unit id="([^"]+)"[\s\S]*?<\/unit>/g, (unit, id: string) => {
    const source = unescapeXml(/<source>([\s\S]*?)<\/source>/.exec(unit)![1]!);
    const text = into(source, id);
    const without = unit.replace(/\s*<target>[\s\S]*?<\/target>/, '');
    return text === undefined ? without : without.replace('</source>', `</source>\n<target>${escapeXml(text)}</target>`);
  });
}

async function listing(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) files[path.join(entry.parentPath, entry.name)] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  return files;
}

async function editEnglish(dir: string, file: string, at: (string | number)[], value: string): Promise<void> {
  const target = path.join(dir, 'content', file);
  const doc = parseDocument(await readFile(target, 'utf8'));
  expect(doc.hasIn(at)).toBe(true);
  doc.setIn(at, value);
  await writeFile(target, doc.toString());
}

// Each test loads the whole framework a few times.
describe('altitude locales export', { timeout: 30_000 }, () => {
  it('writes XLIFF 2.0 with a file per collection, a group per item and a unit per string, its hash and state', async () => {
    const dir = await workspace();
    const { code, xml, err } = await exportXliff(dir, 'fr');
    expect(code).toBe(0);
    expect(err).toBe('Exported 322 strings for fr (322 missing, 0 stale, 0 translated)\n');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">/,
    );
    expect(xml.match(/<unit /g)).toHaveLength(322);
    expect(xml.match(/<segment state="initial">/g)).toHaveLength(322);
    expect(xml.match(/<file id="([^"]+)"/g)).toEqual(
      [
        'framework',
        'sources',
        'dimensions',
        'levels',
        'transitions',
        'leverageMechanisms',
        'failureModes',
        'orgPractices',
        'capabilities',
        'tensions',
        'misconceptions',
        'glossary',
      ].map((id) => `<file id="${id}"`),
    );
    expect(xml).toContain('<group id="staff" name="levels/staff">');
    const headline = /<unit id="staff\.expectations\.time-horizon\.headline"[\s\S]*?<\/unit>/.exec(xml)![0];
    expect(headline).toContain(`name="expectations.time-horizon.headline"`);
    expect(headline).toContain(`altitude:sourceHash="${sourceHash('Months to a few quarters')}"`);
    expect(headline).toContain('xmlns:altitude="urn:altitude:xliff:1"');
    expect(headline).toContain('<note>At most 60 characters.</note>');
    expect(headline).toContain('<source>Months to a few quarters</source>');
    expect(headline).not.toContain('<target>');
    // List entries: valid XLIFF ids (NMTOKEN), named as translation files name them.
    expect(xml).toMatch(/<unit id="super-coder\.symptoms\.0" name="symptoms\[0\]"/);
  });

  it('finds nothing to export for German, which is complete; --all gives all 322 strings with their translations', async () => {
    const dir = await workspace();
    const none = await exportXliff(dir, 'de');
    expect(none).toMatchObject({ code: 0, xml: '' });
    expect(none.err).toContain('de: nothing to translate: all 322 strings are translated');
    const all = await exportXliff(dir, 'de', { all: true });
    expect(all.code).toBe(0);
    expect(all.xml.match(/<segment state="translated">/g)).toHaveLength(322);
    expect(all.xml.match(/<target>/g)).toHaveLength(322);
    expect(all.xml).toContain('<target>Monate bis einige Quartale</target>');
  });

  it('marks a stale string for review with its old translation as the target', async () => {
    const dir = await workspace();
    await editEnglish(dir, 'levels.yaml', ['levels', 0, 'expectations', 'time-horizon', 'headline'], 'Several months');
    const { xml, err } = await exportXliff(dir, 'de');
    expect(err).toContain('1 string for de (0 missing, 1 stale, 0 translated)');
    const unit = /<unit id="staff\.expectations\.time-horizon\.headline"[\s\S]*?<\/unit>/.exec(xml)![0];
    expect(unit).toContain('<segment state="initial" subState="altitude:stale">');
    expect(unit).toContain('<source>Several months</source>');
    expect(unit).toContain('<target>Monate bis einige Quartale</target>');
    expect(unit).toContain('The English has changed since the current translation');
  });

  it('refuses English, a pseudo-locale and a tag that is not BCP 47, and writes nothing', async () => {
    const dir = await workspace();
    for (const [locale, message] of [
      ['en', 'cannot be "en"'],
      ['en-xa', 'cannot be "en-XA": it is generated'],
      ['fr_FR!', 'must be a BCP 47 language tag'],
    ] as const) {
      const result = await exportXliff(dir, locale);
      expect(result).toMatchObject({ code: 2, xml: '' });
      expect(result.err).toContain(message);
    }
  });
});

describe('altitude locales import', { timeout: 30_000 }, () => {
  it('reads a filled-in export back: every string written, the framework served in French, Markdown exactly as sent', async () => {
    const dir = await workspace();
    // Markdown with everything XML and YAML treat specially.
    const markdown = 'AT&amp;T & <kbd>Ctrl</kbd> **bold** "quoted": [a link](https://example.com/?a=1&b=2)\n\n- one\n- two: `code`';
    await editEnglish(dir, 'failure-modes.yaml', ['failureModes', 0, 'summary'], markdown);
    const exported = await exportXliff(dir, 'fr', { all: true });
    expect(exported.code).toBe(0);
    const french = (source: string) => `FR ${source}`;
    const imported = await importXliff(dir, translate(exported.xml, french));
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(
      /^Imported vendor\.xlf into fr: 322 strings written, 0 unchanged, 0 refused as stale, 0 without a target\.\n/,
    );
    expect(imported.out).toContain('  content/locales/fr/levels.yaml: 67 strings (new file)\n');

    const framework = await loadFrameworkOrThrow(path.join(dir, 'content'));
    const fr = framework.locales.find((l) => l.tag === 'fr')!;
    expect(fr.coverage).toEqual({ translated: 322, stale: 0, missing: 0 });
    const served = framework.translations.get('fr')!;
    const superCoder = served.failureModes[0]!;
    expect(superCoder.summary.markdown).toBe(`FR ${markdown}`);
    expect(superCoder.fallbacks).toEqual([]);
    const written = parse(await readFile(path.join(dir, 'content', 'locales', 'fr', 'failure-modes.yaml'), 'utf8')) as Record<string, any>;
    expect(written.failureModes[0].summary).toBe(`FR ${markdown}`);
    expect(served.find('Level', 'staff')!.title).toBe('FR Staff Engineer');

    // The same file again changes nothing.
    const before = await listing(path.join(dir, 'content'));
    const again = await importXliff(dir, translate(exported.xml, french));
    expect(again.out).toMatch(/^Imported vendor\.xlf into fr: 0 strings written, 322 unchanged,/);
    expect(await listing(path.join(dir, 'content'))).toEqual(before);
  });

  it('refuses a string whose English changed since the export, writes the rest, and takes it with --accept-stale', async () => {
    const dir = await workspace();
    const exported = await exportXliff(dir, 'fr');
    await editEnglish(dir, 'levels.yaml', ['levels', 0, 'title'], 'Staff Engineer (new title)');
    const filled = translate(exported.xml, (source) => `FR ${source}`);

    const refused = await importXliff(dir, filled);
    expect(refused.code).toBe(0);
    expect(refused.out).toMatch(/321 strings written, 0 unchanged, 1 refused as stale/);
    expect(refused.err).toMatch(
      /^vendor\.xlf:\d+:\d+ levels\/staff title: not written: the English has changed since the file was exported \(from 8fd66519431c, now [0-9a-f]{12}\)/,
    );
    let framework = await loadFrameworkOrThrow(path.join(dir, 'content'));
    expect(framework.locales.find((l) => l.tag === 'fr')!.coverage).toEqual({ translated: 321, stale: 0, missing: 1 });

    const accepted = await importXliff(dir, filled, { acceptStale: true });
    expect(accepted.out).toMatch(/1 string written, 321 unchanged, 0 refused/);
    framework = await loadFrameworkOrThrow(path.join(dir, 'content'));
    expect(framework.translations.get('fr')!.find('Level', 'staff')!.title).toBe('FR Staff Engineer');
    expect(framework.locales.find((l) => l.tag === 'fr')!.coverage.translated).toBe(322);
  });

  it('names every unknown file, item and field by its line, with did-you-mean, and writes nothing', async () => {
    const dir = await workspace();
    const exported = await exportXliff(dir, 'fr');
    const broken = translate(exported.xml, (source) => `FR ${source}`)
      .replace('<unit id="principal.summary"', '<unit id="principal.sumary"')
      .replace('<group id="staff" name="levels/staff">', '<group id="staf" name="levels/staff">')
      .replace(/<unit id="staff\./g, '<unit id="staf.')
      .replace('<file id="glossary">', '<file id="glosary">')
      .replace(/(<unit id="principal\.title"[\s\S]*?<target>)[\s\S]*?(<\/target>)/, '$1FR <pc id="1">Principal</pc>$2');
    const before = await listing(path.join(dir, 'content'));
    const { code, out, err } = await importXliff(dir, broken);
    expect(code).toBe(1);
    expect(out).toBe('');
    const lines = err.trimEnd().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^vendor\.xlf:\d+:7 levels\/principal sumary: levels "principal" has no string "sumary" to translate \(did you mean "summary"\?\)$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^vendor\.xlf:\d+:7 levels\/staf\.title: there is no levels item "staf" to translate \(did you mean "staff"\?\)$/,
      ),
    );
    expect(lines.filter((l) => l.includes('unknown file "glosary" (did you mean "glossary"?)'))).toHaveLength(1);
    expect(lines).toContainEqual(expect.stringMatching(/^vendor\.xlf:\d+:7 levels\/principal title: the target holds inline codes/));
    expect(lines.at(-1)).toMatch(/^altitude: \d+ errors in vendor\.xlf; nothing written$/);
    // Located: the line given is the unit's.
    const [, line] = /^vendor\.xlf:(\d+):7 levels\/principal sumary/m.exec(err)!;
    expect(broken.split('\n')[Number(line) - 1]).toContain('<unit id="principal.sumary"');
    expect(await listing(path.join(dir, 'content'))).toEqual(before);
  });

  it('checks translations as the loader does, at the unit: a headline over 60 characters writes nothing', async () => {
    const dir = await workspace();
    const exported = await exportXliff(dir, 'fr');
    const long = translate(exported.xml, (source, id) =>
      id === 'staff.expectations.time-horizon.headline' ? 'x'.repeat(61) : `FR ${source}`,
    );
    const { code, err } = await importXliff(dir, long);
    expect(code).toBe(1);
    expect(err).toMatch(/^vendor\.xlf:\d+:\d+ levels\/staff expectations\.time-horizon\.headline: must be at most 60 characters/);
    await expect(stat(path.join(dir, 'content', 'locales', 'fr'))).rejects.toThrow();
  });

  it('refuses a translated list entry after an untranslated one', async () => {
    const dir = await workspace();
    const exported = await exportXliff(dir, 'fr');
    const gap = translate(exported.xml, (source, id) => (id === 'super-coder.symptoms.0' ? undefined : `FR ${source}`));
    const { code, err } = await importXliff(dir, gap);
    expect(code).toBe(1);
    expect(err).toMatch(/failureModes\/super-coder symptoms\[1\]: cannot be written while symptoms\[0\] has no translation/);
  });

  it('--dry-run checks everything, prints what it would write and writes nothing', async () => {
    const dir = await workspace();
    const exported = await exportXliff(dir, 'fr');
    const before = await listing(dir);
    const { code, out } = await importXliff(
      dir,
      translate(exported.xml, (s) => `FR ${s}`),
      { dryRun: true, name: 'dry.xlf' },
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^Dry run, nothing written: importing dry\.xlf would write 322 strings for fr,/);
    expect(out).toContain('content/locales/fr/levels.yaml: 67 strings (new file)');
    const after = await listing(dir);
    delete after[path.join(dir, 'dry.xlf')];
    expect(after).toEqual(before);
  });

  it('updates one string of an existing German file and keeps its comments and every other line as they were', async () => {
    const dir = await workspace();
    const file = path.join(dir, 'content', 'locales', 'de', 'levels.yaml');
    const commented = (await readFile(file, 'utf8')).replace(
      '  - slug: principal\n',
      '  # Principal: reviewed by Anna.\n  - slug: principal\n',
    );
    await writeFile(file, commented);
    await editEnglish(dir, 'levels.yaml', ['levels', 0, 'expectations', 'time-horizon', 'headline'], 'Several months');
    const exported = await exportXliff(dir, 'de');
    const { code, out } = await importXliff(
      dir,
      translate(exported.xml, () => 'Mehrere Monate'),
    );
    expect(code).toBe(0);
    expect(out).toContain('1 string written');
    const after = (await readFile(file, 'utf8')).split('\n');
    const changed = commented.split('\n').flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    expect(changed).toEqual([
      ['        headline: Monate bis einige Quartale', '        headline: Mehrere Monate'],
      [
        `      expectations.time-horizon.headline: ${sourceHash('Months to a few quarters')}`,
        `      expectations.time-horizon.headline: ${sourceHash('Several months')}`,
      ],
    ]);
    expect(after).toContain('  # Principal: reviewed by Anna.');
  });

  it("writes an overlay's items into the overlay's locales/ and upstream's into the content's", async () => {
    const dir = await workspace();
    await cp(ACME, path.join(dir, 'ladder'), { recursive: true });
    const exported = await exportXliff(dir, 'de', { overlays: ['ladder'] });
    const { code, out } = await importXliff(
      dir,
      translate(exported.xml, (s) => `DE ${s}`),
      { overlays: ['ladder'] },
    );
    expect(code).toBe(0);
    expect(out).toContain('  ladder/locales/de/levels.yaml:');
    expect(out).not.toContain('content/locales');
    const framework = await loadFrameworkOrThrow(path.join(dir, 'content'), { overlays: [path.join(dir, 'ladder')] });
    expect(framework.locales.find((l) => l.tag === 'de')!.coverage).toMatchObject({ stale: 0, missing: 0 });
    expect(framework.translations.get('de')!.find('Level', 'senior-staff')!.title).toBe('DE Senior Staff Engineer (L7)');
    // Upstream's German is untouched: it still serves the framework without the overlay.
    expect(await listing(path.join(dir, 'content', 'locales'))).toEqual(await listingAt(DEFAULT_CONTENT_DIR, dir));
  });
});

describe('altitude locales import into a dependency', { timeout: 30_000 }, () => {
  it('refuses to write into content inside node_modules, where an upgrade would lose the translations', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-xliff-dep-'));
    dirs.push(dir);
    const content = path.join(dir, 'node_modules', '@altitude', 'schema', 'content');
    await cp(DEFAULT_CONTENT_DIR, content, { recursive: true });
    const io = capture();
    expect(await runLocalesExport({ locale: 'fr', all: false, contentDir: content, overlays: [], cwd: dir }, io.io)).toBe(0);
    await writeFile(
      path.join(dir, 'fr.xlf'),
      translate(io.out(), (s) => `FR ${s}`),
    );
    const imported = capture();
    const code = await runLocalesImport(
      { file: 'fr.xlf', dryRun: false, acceptStale: false, contentDir: content, overlays: [], cwd: dir },
      imported.io,
    );
    expect(code).toBe(1);
    expect(imported.err()).toMatch(/inside node_modules, where an upgrade would lose them; give your overlay \(--overlay DIR\)/);
    await expect(stat(path.join(content, 'locales', 'fr'))).rejects.toThrow();
  });
});

/** The shipped locales/ folder's files, keyed as they are in the workspace's copy. */
async function listingAt(content: string, dir: string): Promise<Record<string, string>> {
  const files = await listing(path.join(content, 'locales'));
  return Object.fromEntries(Object.entries(files).map(([file, text]) => [path.join(dir, 'content', path.relative(content, file)), text]));
}

describe('reading XLIFF safely', () => {
  const minimal = (units: string) =>
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="levels">${units}</file></xliff>`;

  it('refuses DOCTYPE and entity declarations before parsing', async () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n${minimal('<unit id="a"><segment><source>&lol2;</source></segment></unit>')}`;
    const result = await parseXliff(laughs, 'x.xlf');
    expect(result).toMatchObject({
      ok: false,
      errors: [{ line: 2, column: 1, message: expect.stringContaining('<!DOCTYPE> is refused') }],
    });
    const entity = await parseXliff(minimal('<!ENTITY x "y">'), 'x.xlf');
    expect(entity).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('<!ENTITY> is refused') }] });
  });

  it(`refuses more than ${MAX_XLIFF_UNITS} units, and elements nested more than ${MAX_XLIFF_DEPTH} deep`, async () => {
    const unit = (i: number) => `<unit id="u${i}"><segment><source>s</source></segment></unit>`;
    const many = await parseXliff(minimal(Array.from({ length: MAX_XLIFF_UNITS + 1 }, (_, i) => unit(i)).join('')), 'x.xlf');
    expect(many).toMatchObject({
      ok: false,
      errors: [{ message: `more than ${MAX_XLIFF_UNITS} units; split the file (the framework has a few hundred strings)` }],
    });
    const enough = await parseXliff(minimal(Array.from({ length: MAX_XLIFF_UNITS }, (_, i) => unit(i)).join('')), 'x.xlf');
    expect(enough.ok).toBe(true);
    const deep = await parseXliff(minimal(`${'<group id="g">'.repeat(MAX_XLIFF_DEPTH)}${'</group>'.repeat(MAX_XLIFF_DEPTH)}`), 'x.xlf');
    expect(deep).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining(`nest more than ${MAX_XLIFF_DEPTH} deep`) }] });
  });

  it(`refuses a file over ${MAX_XLIFF_BYTES / 1024 / 1024} MiB unread`, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-xliff-size-'));
    dirs.push(dir);
    const file = path.join(dir, 'big.xlf');
    await writeFile(file, minimal(`<!-- ${'x'.repeat(MAX_XLIFF_BYTES)} -->`));
    expect(await readXliffFile(file)).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/larger than|too large|bytes/) }],
    });
  });

  it('refuses units the library would drop or merge: without an id, or twice the same id', async () => {
    const twice = await parseXliff(
      minimal('<unit id="a"><segment><source>s</source></segment></unit><unit id="a"><segment><source>t</source></segment></unit>'),
      'x.xlf',
    );
    expect(twice).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('2 <unit> elements but only 1 distinct') }] });
  });

  it('says where XML is not well-formed, and what is not XLIFF 2', async () => {
    expect(await parseXliff('<xliff version="2.0">\n  <file id="a">\n</xliff>', 'x.xlf')).toMatchObject({
      ok: false,
      errors: [{ line: 3, message: expect.stringContaining('not well-formed XML') }],
    });
    expect(await parseXliff('<xliff version="1.2"><file original="a"></file></xliff>', 'x.xlf')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('not an XLIFF 2.0 document') }],
    });
  });
});
