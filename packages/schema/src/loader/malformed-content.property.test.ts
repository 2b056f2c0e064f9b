import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { formatContentError } from './content-error.js';
import { loadFramework } from './load-framework.js';
import { readContentFiles, type ContentFileText } from './read-content-files.js';

// Property: whatever is written into a content file, the checker answers
// with located errors (or accepts a harmless change); it never throws.

let dir: string;
let files: ContentFileText[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'altitude-fuzz-content-'));
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  // The very files the loader reads.
  ({ files } = await readContentFiles(dir));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const YAML_BITS = [
  ': ',
  '- ',
  '  ',
  '\n',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  '&a ',
  '*a',
  '!!int ',
  '>-',
  '|',
  '#',
  '---',
  '~',
  'null',
  'true',
  '3.5',
  'slug',
  'staff',
  '\t',
  '%',
  '@',
  '? ',
  ',',
  '\u0000',
  '\uFEFF',
  'é',
];

/** A mutation of a real file: a span replaced by noise, lines dropped or duplicated, or the whole file random. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('splice' as const),
    file: fc.nat(),
    at: fc.nat(),
    cut: fc.nat({ max: 200 }),
    insert: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom(...YAML_BITS), { maxLength: 12 }).map((bits) => bits.join('')),
    ),
  }),
  fc.record({
    kind: fc.constant('lines' as const),
    file: fc.nat(),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 8 }),
    duplicate: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    file: fc.nat(),
    text: fc.oneof(fc.string({ maxLength: 300 }), fc.json()),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(m: Mutation, original: string): string {
  if (m.kind === 'replace') return m.text;
  if (m.kind === 'splice') {
    const at = m.at % (original.length + 1);
    return original.slice(0, at) + m.insert + original.slice(at + m.cut);
  }
  const lines = original.split('\n');
  const at = m.at % lines.length;
  const chunk = lines.slice(at, at + m.count);
  lines.splice(at, m.count, ...(m.duplicate ? [...chunk, ...chunk] : []));
  return lines.join('\n');
}

describe('the content checker under malformed files', () => {
  it('reports located errors and never throws', { timeout: 120_000 }, async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const file = files[m.file % files.length]!;
        await writeFile(file.file, apply(m, file.text));
        try {
          const result = await loadFramework(dir, { cwd: dir });
          if (!result.ok) {
            rejected++;
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) expect(formatContentError(error, dir)).toMatch(/^\S+:\d+:\d+ ./);
          }
        } finally {
          await writeFile(file.file, file.text);
        }
      }),
      { numRuns: 400 },
    );
    // Most mutations break something; if none did, the property tested nothing.
    expect(rejected).toBeGreaterThan(200);
  });
});
