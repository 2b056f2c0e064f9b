import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, sourceHash } from '@altitude/schema';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-check-'));
  await cp(DEFAULT_CONTENT_DIR, path.join(work, 'content'), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('altitude check', () => {
  it('exits 0 with a count and a line on the translations on valid content', async () => {
    const { code, stdout, stderr } = await runCli(['check']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^content OK: 2 sources, \d+ dimensions, 3 levels, 2 transitions, 4 leverage mechanisms, 4 failure modes, \d+ org practices, \d+ capabilities, \d+ tensions, \d+ misconceptions, \d+ glossary terms \(\d+ files, version .+\)$/,
    );
    expect(lines[1]).toMatch(
      /^locales: en \(source, (\d+) strings\); translated: de \1\/\1, ja \1\/\1; generated for testing: en-XA, ar-XB$/,
    );
  });

  it('takes the fallback chains altitude.config.yaml gives (locales.fallbacks) in every command', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-check-fallbacks-'));
    try {
      await cp(DEFAULT_CONTENT_DIR, path.join(dir, 'content'), { recursive: true });
      const english = parse(await readFile(path.join(dir, 'content', 'levels.yaml'), 'utf8')) as {
        levels: { slug: string; title: string }[];
      };
      const staff = english.levels.find((l) => l.slug === 'staff')!;
      await mkdir(path.join(dir, 'content', 'locales', 'de-CH'));
      await writeFile(
        path.join(dir, 'content', 'locales', 'de-CH', 'levels.yaml'),
        `levels:\n  - slug: staff\n    title: Staff-Ingenieurin\n    translatedFrom:\n      title: ${sourceHash(staff.title)}\n`,
      );
      const chains = async () =>
        (
          JSON.parse((await runCli(['locales', 'status', '--json', '--content', 'content'], { cwd: dir })).stdout) as {
            tag: string;
            fallbacks: string[];
          }[]
        )
          .map(({ tag, fallbacks }) => `${tag}: ${fallbacks.join(' ')}`)
          .find((line) => line.startsWith('de-CH'));
      expect(await chains()).toBe('de-CH: de en');
      await writeFile(path.join(dir, 'altitude.config.yaml'), 'locales:\n  fallbacks:\n    de-CH: [ja]\n');
      expect(await chains()).toBe('de-CH: ja en');
      // What a reader gets: the summary de-CH lacks comes from Japanese, as configured, in an export too.
      const exported = JSON.parse(
        (await runCli(['export', '--format', 'json', '--locale', 'de-CH', '--content', 'content'], { cwd: dir })).stdout,
      ) as { levels: { slug: string; title: string; summary: string }[] };
      const ja = JSON.parse(
        (await runCli(['export', '--format', 'json', '--locale', 'ja', '--content', 'content'], { cwd: dir })).stdout,
      ) as typeof exported;
      const served = exported.levels.find((l) => l.slug === 'staff')!;
      expect(served.title).toBe('Staff-Ingenieurin');
      expect(served.summary).toBe(ja.levels.find((l) => l.slug === 'staff')!.summary);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports stale and missing translations, and fails --strict on a locale the config declares complete', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-check-locales-'));
    try {
      await cp(DEFAULT_CONTENT_DIR, path.join(dir, 'content'), { recursive: true });
      // English edited after translation makes one German string stale; a Japanese file removed makes its strings missing.
      const levels = path.join(dir, 'content', 'levels.yaml');
      const english = await readFile(levels, 'utf8');
      const title = /title: (.+)/.exec(english)![1]!;
      await writeFile(levels, english.replace(`title: ${title}`, `title: ${title} (edited)`));
      await rm(path.join(dir, 'content', 'locales', 'ja', 'glossary.yaml'));
      await writeFile(path.join(dir, 'altitude.config.yaml'), 'locales:\n  complete: [de]\n');

      const lenient = await runCli(['check', '--content', 'content'], { cwd: dir });
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toMatch(
        /\nlocales: en \(source, \d+ strings\); translated: de \d+\/\d+ \(1 stale\), ja \d+\/\d+ \(1 stale, \d+ missing\);/,
      );
      expect(lenient.stdout).toContain('`altitude locales status` lists them');
      expect(lenient.stderr).toBe('warning: locale de is declared complete but has 1 stale and 0 missing strings\n');

      const strict = await runCli(['check', '--content', 'content', '--strict'], { cwd: dir });
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain('locale de is declared complete but has 1 stale and 0 missing strings');
      expect(strict.stderr).toContain('1 warning, which --strict makes errors');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 and prints every error with a path relative to the working directory', async () => {
    const levels = path.join(work, 'content', 'levels.yaml');
    const original = await readFile(levels, 'utf8');
    await writeFile(
      levels,
      original.replace('    rank: 1\n', '    rank: 1\n    grade: A\n').replace('    rank: 2\n', '    rank: second\n'),
    );
    try {
      const { code, stdout, stderr } = await runCli(['check', '--content', 'content'], { cwd: work });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^content\/levels\.yaml:\d+:5 levels\[0\]\.grade: unknown field "grade"/);
      expect(lines[1]).toMatch(/^content\/levels\.yaml:\d+:11 levels\[1\]\.rank: expected a number, got the text "second"$/);
      expect(lines.at(-1)).toBe('2 errors in 1 file under content');
    } finally {
      await writeFile(levels, original);
    }
  });

  it('exits 2 on a usage error and says what is wrong', async () => {
    const { code, stderr } = await runCli(['check', '--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--frobnicate'");
    const serve = await runCli(['serve', '--port', 'eighty']);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain('must be a whole number from 0 to 65535');
  });

  it('refuses to serve invalid content, with the checker messages', async () => {
    const file = path.join(work, 'content', 'tensions.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('slug: loneliness', 'slug: loneliness\n    mood: blue'));
    try {
      const { code, stderr } = await runCli(['serve', '--port', '0', '--content', 'content'], { cwd: work });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^content\/tensions\.yaml:\d+:5 tensions\[0\]\.mood: unknown field "mood"/m);
    } finally {
      await writeFile(file, original);
    }
  });

  // What made the loader hang, overflow or throw now gets a located line like any other content error.
  const hostile: [string, (content: string) => Promise<void>, string][] = [
    [
      'a named pipe',
      (content) => Promise.resolve(void execFileSync('mkfifo', [path.join(content, 'pipe.yaml')])),
      'content/pipe.yaml:1:1 is a named pipe (FIFO), not a regular file; content must be plain files',
    ],
    [
      'a directory named like a content file',
      (content) => mkdir(path.join(content, 'drafts.yaml')),
      'content/drafts.yaml:1:1 is a directory, not a regular file; content must be plain files',
    ],
    [
      '"[" × 20,000',
      (content) => writeFile(path.join(content, 'tensions.yaml'), '['.repeat(20_000)),
      'content/tensions.yaml:1:65 YAML nested deeper than 64 levels; content needs only a few',
    ],
    [
      'a releases entry that is a file',
      async (content) => {
        await rm(path.join(content, 'releases'), { recursive: true });
        await writeFile(path.join(content, 'releases'), 'not a folder');
      },
      'content/releases:1:1 is not a folder; it must be the folder of release snapshots',
    ],
  ];
  it.each(hostile)('exits 1 with a located error, not a stack trace, on %s', { timeout: 30_000 }, async (_name, breakIt, expected) => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'altitude-check-hostile-'));
    try {
      await cp(DEFAULT_CONTENT_DIR, path.join(cwd, 'content'), { recursive: true });
      await breakIt(path.join(cwd, 'content'));
      const { code, stdout, stderr } = await runCli(['check', '--content', 'content'], { cwd });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe(expected);
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
