import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { formatContentError } from './content-error.js';
import { loadFramework, type LoadOptions } from './load-framework.js';

// Files an editor, a checkout or an attacker can leave in the content folder
// that are not plain YAML: each is refused with a located error, and none
// hangs, overflows the stack or throws.

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-hostile-'));
  dirs.push(dir);
  return dir;
}

async function content(): Promise<string> {
  const dir = await tempDir();
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

async function messages(dir: string, options: LoadOptions = {}): Promise<string[]> {
  const result = await loadFramework(dir, { cwd: dir, ...options });
  return result.ok ? [] : result.errors.map((e) => formatContentError(e, dir));
}

describe('files that are not plain content files', () => {
  it('refuses a symlink to a file outside the content folder', async () => {
    const dir = await content();
    const outside = path.join(await tempDir(), 'tensions.yaml');
    await writeFile(outside, await readFile(path.join(dir, 'tensions.yaml')));
    await rm(path.join(dir, 'tensions.yaml'));
    await symlink(outside, path.join(dir, 'tensions.yaml'));
    expect(await messages(dir)).toEqual([
      `tensions.yaml:1:1 is a symbolic link to ${outside}, outside the content folder; content files must live inside it`,
    ]);
  });

  it('refuses a symlink to a device without reading it', async () => {
    const dir = await content();
    await symlink('/dev/zero', path.join(dir, 'zero.yaml'));
    expect(await messages(dir)).toEqual([
      'zero.yaml:1:1 is a symbolic link to /dev/zero, outside the content folder; content files must live inside it',
    ]);
  });

  it('follows a symlink that stays inside the content folder', async () => {
    const dir = await content();
    await mkdir(path.join(dir, 'parts'));
    await cp(path.join(dir, 'tensions.yaml'), path.join(dir, 'parts', 'tensions.yaml'));
    await rm(path.join(dir, 'tensions.yaml'));
    await symlink(path.join('parts', 'tensions.yaml'), path.join(dir, 'tensions.yaml'));
    expect(await messages(dir)).toEqual([]);
  });

  it('refuses a dangling symlink', async () => {
    const dir = await content();
    await symlink(path.join(dir, 'gone.txt'), path.join(dir, 'extra.yaml'));
    expect(await messages(dir)).toEqual(['extra.yaml:1:1 is a symbolic link to nothing (its target does not exist)']);
  });

  it('refuses a directory named like a content file', async () => {
    const dir = await content();
    await mkdir(path.join(dir, 'drafts.yaml'));
    expect(await messages(dir)).toEqual(['drafts.yaml:1:1 is a directory, not a regular file; content must be plain files']);
  });

  it('refuses a named pipe without waiting for a writer', { timeout: 10_000 }, async () => {
    const dir = await content();
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    expect(await messages(dir)).toEqual(['pipe.yaml:1:1 is a named pipe (FIFO), not a regular file; content must be plain files']);
  });

  it('refuses a file over 1 MiB by default, and over a configured limit', async () => {
    const dir = await content();
    const big = 1024 * 1024 + 1;
    await writeFile(path.join(dir, 'big.yaml'), '#'.repeat(big));
    expect(await messages(dir)).toEqual([
      `big.yaml:1:1 is ${big} bytes, over the 1048576-byte limit for one content file; split it or raise maxFileBytes`,
    ]);
    await rm(path.join(dir, 'big.yaml'));
    const levels = (await readFile(path.join(dir, 'levels.yaml'))).length;
    // Larger files (and references into the refused one) are reported too.
    expect(await messages(dir, { maxFileBytes: levels - 1 })).toContain(
      `levels.yaml:1:1 is ${levels} bytes, over the ${levels - 1}-byte limit for one content file; split it or raise maxFileBytes`,
    );
  });
});

describe('a releases entry that is not a folder', () => {
  it('is a located error, not an exception', async () => {
    const dir = await content();
    await rm(path.join(dir, 'releases'), { recursive: true });
    await writeFile(path.join(dir, 'releases'), 'not a folder');
    expect(await messages(dir)).toEqual(['releases:1:1 is not a folder; it must be the folder of release snapshots']);
  });
});

describe('release snapshots that are not plain files', () => {
  it('refuses a named pipe among them without waiting for a writer', { timeout: 10_000 }, async () => {
    const dir = await content();
    execFileSync('mkfifo', [path.join(dir, 'releases', '9.9.9.json')]);
    expect(await messages(dir)).toEqual([
      'releases/9.9.9.json:1:1 is a named pipe (FIFO), not a regular file; content must be plain files',
    ]);
  });

  it(
    'never waits on a pipe that a pending release names as its header, or that stands in for the pending file',
    { timeout: 10_000 },
    async () => {
      const dir = await content();
      const [release] = (await readdir(path.join(dir, 'releases'))).filter((n) => n.endsWith('.json'));
      const snapshot = JSON.parse(await readFile(path.join(dir, 'releases', release!), 'utf8')) as { version: string };
      // A pipe named like a content file is refused as one; any other is never opened.
      const expected = (header: string) =>
        header.endsWith('.yaml') ? [`${header}:1:1 is a named pipe (FIFO), not a regular file; content must be plain files`] : [];
      for (const header of ['header-pipe', 'header-pipe.yaml']) {
        execFileSync('mkfifo', [path.join(dir, header)]);
        const pending = { format: 'altitude.pending-release', headerFile: header, release: { ...snapshot, version: '9.9.9' } };
        await writeFile(path.join(dir, 'releases', '9.9.9.json.pending'), JSON.stringify(pending));
        expect(await messages(dir)).toEqual(expected(header));
        await rm(path.join(dir, header));
      }
      await rm(path.join(dir, 'releases', '9.9.9.json.pending'));
      execFileSync('mkfifo', [path.join(dir, 'releases', '9.9.9.json.pending')]);
      expect(await messages(dir)).toEqual([
        'releases/9.9.9.json.pending:1:1 is a named pipe (FIFO), not a regular file; content must be plain files',
      ]);
    },
  );
});

describe('YAML nested too deep', () => {
  const cases: [string, string, RegExp][] = [
    ['"[" × 20,000', '['.repeat(20_000), /^tensions\.yaml:1:65 /],
    // At the size limit; yaml alone ran out of memory on it (a fatal error, ending the process).
    ['"[" × 1 MiB', '['.repeat(1024 * 1024), /^tensions\.yaml:1:65 /],
    ['"[" × 20,000 then "]" × 20,000', '['.repeat(20_000) + ']'.repeat(20_000), /^tensions\.yaml:1:65 /],
    ['"{a: " × 20,000', '{a: '.repeat(20_000), /^tensions\.yaml:1:\d+ /],
    ['"- " × 400,000 (compact block sequences, under 1 MiB)', '- '.repeat(400_000) + 'x', /^tensions\.yaml:1:\d+ /],
    ['a block mapping 100 levels deep', Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n'), /^tensions\.yaml:65:129 /],
    [
      'block sequences and mappings alternating, 100 levels',
      Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i)}- k:`).join('\n'),
      /^tensions\.yaml:33:\d+ /,
    ],
  ];
  it.each(cases)('%s is refused where it passes the limit', { timeout: 20_000 }, async (_name, text, where) => {
    const dir = await content();
    await writeFile(path.join(dir, 'tensions.yaml'), text);
    const errors = await messages(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(where);
    expect(errors[0]).toMatch(/ YAML nested deeper than 64 levels; content needs only a few$/);
  });

  it('accepts nesting up to the limit (it is then checked as content)', async () => {
    const dir = await content();
    const file = path.join(dir, 'tensions.yaml');
    const original = await readFile(file, 'utf8');
    // The file, `tensions`, an item: three levels; 61 brackets make 64.
    await writeFile(file, original.replace('slug: loneliness', `slug: loneliness\n    deep: ${'['.repeat(61)}${']'.repeat(61)}`));
    expect(await messages(dir)).toEqual([expect.stringMatching(/^tensions\.yaml:\d+:5 tensions\[0\]\.deep: unknown field "deep"/)]);
  });
});

describe('nesting of any shape and depth', () => {
  // Openers the composer would recurse on, mixed at random, up to thousands deep.
  const OPENERS = ['[', '{a: ', '- ', '? ', 'k:\n', '[{k: ', '- [', '\n  ', ']', '}', ', '];
  it('is accepted as content to check or refused with a located error, never thrown', { timeout: 120_000 }, async () => {
    const dir = await content();
    const file = path.join(dir, 'tensions.yaml');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...OPENERS), { maxLength: 40 }),
        fc.integer({ min: 1, max: 3_000 }),
        async (unit, times) => {
          await writeFile(file, `tensions:\n  - ${unit.join('').repeat(times)}`);
          const result = await loadFramework(dir, { cwd: dir });
          if (!result.ok) for (const error of result.errors) expect(formatContentError(error, dir)).toMatch(/^\S+:\d+:\d+ ./);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a collection longer than the API promises', () => {
  it('is refused at the first item over the limit, once', async () => {
    const dir = await content();
    // 101 terms in a second file: the limit counts items across files.
    const term = (i: number) =>
      `  - slug: term-${i}\n    title: Term ${i}\n    summary: A word.\n    basis: interpreted\n    interpretation: Ours.\n    sources:\n      - source: najim-what-distinguished-engineers-actually-do\n        section: Introduction\n`;
    await writeFile(path.join(dir, 'more-glossary.yaml'), `glossary:\n${Array.from({ length: 101 }, (_, i) => term(i)).join('')}`);
    const existing = (await readFile(path.join(dir, 'glossary.yaml'), 'utf8')).match(/^ {2}- slug:/gm)!.length;
    const over = 100 - existing; // index in the new file of item 101
    const errors = await messages(dir);
    expect(errors.filter((e) => e.includes('too many'))).toEqual([
      `more-glossary.yaml:${2 + over * 8}:5 glossary[${over}]: too many glossary term items: glossary holds at most 100, and this is item 101`,
    ]);
  });
});

describe('Markdown that would cost the server seconds to render', () => {
  // Parsing happens on a GraphQL read, on the event loop: a string past the
  // bounds of markdown-bounds.ts is refused where it is written, whoever wrote it.
  const replaceSummary = (yaml: string, summary: string) =>
    yaml.replace(/( {4}summary: >-\n)(?: {6}.*\n)+/, `    summary: ${JSON.stringify(summary)}\n`);

  it('is refused in a content file, at the field, with the bound it passes', { timeout: 20_000 }, async () => {
    const dir = await content();
    const file = path.join(dir, 'tensions.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, replaceSummary(original, `${'- '.repeat(10_000)}x`));
    expect(await messages(dir)).toEqual([
      'tensions.yaml:5:14 tensions[0].summary: must be at most 4,000 characters (it has 20,001): card text, not an article',
    ]);
    await writeFile(file, replaceSummary(original, `Fine.\n${' '.repeat(40)}- deep\n`));
    expect(await messages(dir)).toEqual([
      'tensions.yaml:5:14 tensions[0].summary: line 2 is indented 40 spaces; at most 16 (deeper indentation nests lists or makes code)',
    ]);
    await writeFile(file, replaceSummary(original, `${'*a '.repeat(1_000)}x${' b*'.repeat(1_000)}`.slice(0, 3_000)));
    expect(await messages(dir)).toEqual([
      expect.stringMatching(/^tensions\.yaml:5:14 tensions\[0\]\.summary: must have at most 200 runs of emphasis and strikethrough marks/),
    ]);
  });

  it('is refused in an overlay’s amendment, at the line the overlay wrote', async () => {
    const dir = await content();
    const overlay = await tempDir();
    await writeFile(path.join(overlay, 'overlay.yaml'), 'overlay:\n  name: acme\n  summary: "' + '['.repeat(1_000) + '"\n');
    await writeFile(path.join(overlay, 'tensions.yaml'), `tensions:\n  - slug: loneliness\n    description: "${'> '.repeat(50)}x"\n`);
    const errors = async () => {
      const result = await loadFramework(dir, { cwd: overlay, overlays: [overlay], basedOnOptional: true });
      return result.ok ? [] : result.errors.map((e) => formatContentError(e, overlay));
    };
    // A header in error stops the overlay there; its entries are checked once it is fixed.
    expect(await errors()).toEqual(['overlay.yaml:3:12 overlay.summary: must have at most 200 `[` (links and images)']);
    await writeFile(path.join(overlay, 'overlay.yaml'), 'overlay:\n  name: acme\n');
    expect(await errors()).toEqual([
      'tensions.yaml:3:18 tensions[0].description: line 1 opens 50 lists or quotes; at most 8 may start one line',
    ]);
  });

  it('is refused in a translation, at the translated string', async () => {
    const dir = await content();
    const file = path.join(dir, 'locales/de/tensions.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, replaceSummary(original, `${'`a'.repeat(40)}`));
    expect(await messages(dir)).toEqual([
      'locales/de/tensions.yaml:5:14 tensions[0].summary: must have at most 32 runs of backticks (16 code spans)',
    ]);
  });
});
