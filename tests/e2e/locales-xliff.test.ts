import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-xliff-cli-'));
  await cp(DEFAULT_CONTENT_DIR, path.join(work, 'content'), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const altitude = (...args: string[]) => runCli(args, { cwd: work });

/** What a translator's tool hands back: a target after every source, the source's text marked as French. */
const translated = (xml: string) =>
  xml.replace(
    /<source>([\s\S]*?)<\/source>(\s*<target>[\s\S]*?<\/target>)?/g,
    (_, source: string) => `<source>${source}</source><target>FR ${source}</target>`,
  );

describe('altitude locales export and import, as a translation vendor uses them', () => {
  it('exports French, imports the vendor’s file, and `locales status` shows French covered', async () => {
    const exported = await altitude('locales', 'export', '--locale', 'fr', '--content', 'content', '--out', 'fr.xlf');
    expect(exported.stderr).toBe('Wrote fr.xlf: 322 strings for fr (322 missing, 0 stale, 0 translated)\n');
    expect(exported.code).toBe(0);
    await writeFile(path.join(work, 'fr-done.xlf'), translated(await readFile(path.join(work, 'fr.xlf'), 'utf8')));

    const dry = await altitude('locales', 'import', 'fr-done.xlf', '--content', 'content', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run, nothing written: importing fr-done\.xlf would write 322 strings for fr/);

    const imported = await altitude('locales', 'import', 'fr-done.xlf', '--content', 'content');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /^Imported fr-done\.xlf into fr: 322 strings written, 0 unchanged, 0 refused as stale, 0 without a target\./,
    );

    const status = await altitude('locales', 'status', '--content', 'content', '--json');
    const fr = (JSON.parse(status.stdout) as { tag: string; translated: number; stale: number; missing: number }[]).find(
      (l) => l.tag === 'fr',
    );
    expect(fr).toMatchObject({ translated: 322, stale: 0, missing: 0 });
    const again = await altitude('locales', 'export', '--locale', 'fr', '--content', 'content');
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toContain('fr: nothing to translate');
    // Six runs of the CLI, each loading the framework (twice for an import).
  }, 120_000);

  it('exits 2 on a locale that cannot be translated, and 1 listing every error in a file it refuses', async () => {
    const english = await altitude('locales', 'export', '--locale', 'en', '--content', 'content');
    expect(english.code).toBe(2);
    expect(english.stderr).toBe('altitude: --locale cannot be "en": English is the source the other locales translate\n');

    await writeFile(
      path.join(work, 'laughs.xlf'),
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>\n<xliff version="2.0" srcLang="en" trgLang="fr"/>',
    );
    const refused = await altitude('locales', 'import', 'laughs.xlf', '--content', 'content');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^laughs\.xlf:1:1 <!DOCTYPE> is refused/);
    expect(refused.stderr).toMatch(/altitude: 1 error in laughs\.xlf; nothing written\n$/);
  });
});
