import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

// The source articles live beside the repository (../shared/sources), not in
// it: they are not ours to redistribute. CI has them; a bare clone may not.
const SOURCES_DIR = process.env.ALTITUDE_SOURCES_DIR ?? fileURLToPath(new URL('../../../shared/sources', import.meta.url));
const haveSources = existsSync(SOURCES_DIR);
const SOURCE_FILES: Record<string, string> = {
  'leaddev-reality-of-being-a-distinguished-engineer': 'leaddev-the-reality-of-being-a-distinguished-engineer.txt',
  'najim-what-distinguished-engineers-actually-do': 'najim-what-distinguished-engineers-actually-do.txt',
};
/** Longest run of words we allow to coincide with a source: names and terms, never a sentence. */
const MAX_SHARED_WORDS = 6;

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

describe('the content inventory', () => {
  it('has at least the minimum inventory of the design', () => {
    expect(framework.sources.length).toBeGreaterThanOrEqual(2);
    expect(framework.levels.map((l) => l.slug)).toEqual(['staff', 'principal', 'distinguished']);
    expect(framework.dimensions.length).toBeGreaterThanOrEqual(6);
    expect(framework.transitions.map((t) => t.slug)).toEqual(['staff-to-principal', 'principal-to-distinguished']);
    expect(framework.leverageMechanisms.map((m) => m.slug)).toEqual(
      expect.arrayContaining(['technical-direction-setting', 'decision-quality-amplification', 'technical-risk-identification', 'talent-multiplication']),
    );
    expect(framework.failureModes.map((m) => m.slug)).toEqual(
      expect.arrayContaining(['super-coder', 'floating-advisor', 'management-substitute', 'title-without-the-role']),
    );
    expect(framework.orgPractices.length).toBeGreaterThanOrEqual(3);
    expect(framework.capabilities.length).toBeGreaterThanOrEqual(9);
    expect(framework.tensions.length).toBeGreaterThanOrEqual(4);
    expect(framework.misconceptions.map((m) => m.slug)).toEqual(expect.arrayContaining(['super-coder', 'meeting-dweller']));
  });

  it('says something different for each level on every dimension', () => {
    for (const dimension of framework.dimensions) {
      const cells = framework.levels.map((l) => l.expectations[dimension.position]!);
      expect(new Set(cells.map((c) => c.text.text)).size, dimension.slug).toBe(cells.length);
      expect(new Set(cells.map((c) => c.headline)).size, `${dimension.slug} headlines`).toBe(cells.length);
    }
  });

  it('points every content file at the JSON Schema for editors', async () => {
    const files = (await readdir(DEFAULT_CONTENT_DIR)).filter((f) => f.endsWith('.yaml'));
    for (const file of files) {
      const first = (await readFile(path.join(DEFAULT_CONTENT_DIR, file), 'utf8')).split('\n')[0];
      expect(first, file).toBe('# yaml-language-server: $schema=./content.schema.json');
    }
  });
});

describe.skipIf(!haveSources)(`the content against the source articles in ${SOURCES_DIR}`, () => {
  let articles: Map<string, string>;
  beforeAll(async () => {
    articles = new Map(await Promise.all(Object.entries(SOURCE_FILES).map(async ([slug, file]) => [slug, await readFile(path.join(SOURCES_DIR, file), 'utf8')] as const)));
  });

  it('cites only section headings that really exist in the article', () => {
    for (const source of framework.sources) {
      const lines = new Set(articles.get(source.slug)!.split('\n').map((l) => l.trim().replace(/:$/, '')));
      for (const section of source.sections) expect(lines.has(section), `${source.slug}: "${section}"`).toBe(true);
    }
  });

  it(`copies no run of more than ${MAX_SHARED_WORDS} words from either article`, async () => {
    const runs = sourceRuns([...articles.values()]);
    const authored: string[] = [];
    for (const file of (await readdir(DEFAULT_CONTENT_DIR)).filter((f) => f.endsWith('.yaml'))) {
      const data = parse(await readFile(path.join(DEFAULT_CONTENT_DIR, file), 'utf8')) as Record<string, unknown>;
      // A source's title and headings must match the article exactly; only its summary is ours.
      if (file === 'sources.yaml') authored.push(...(data.sources as { summary: string }[]).map((s) => s.summary));
      else authored.push(...authoredStrings(data));
    }
    expect(authored.length).toBeGreaterThan(200);
    expect(authored.flatMap((text) => copiedRuns(text, runs))).toEqual([]);
  });

  it('the copy check catches a sentence lifted from an article', () => {
    const runs = sourceRuns([...articles.values()]);
    const lifted = 'As they say, the unifying thread is leverage. Every hour counts.';
    expect(copiedRuns(lifted, runs)).not.toEqual([]);
    expect(copiedRuns('Leverage ties the whole job together.', runs)).toEqual([]);
  });
});

const words = (text: string) => text.toLowerCase().replace(/[’']/g, '').split(/[^a-z0-9]+/).filter(Boolean);

function sourceRuns(articleTexts: readonly string[]): Set<string> {
  const runs = new Set<string>();
  for (const article of articleTexts) {
    const w = words(article);
    for (let i = 0; i + MAX_SHARED_WORDS < w.length; i++) runs.add(w.slice(i, i + MAX_SHARED_WORDS + 1).join(' '));
  }
  return runs;
}

function copiedRuns(text: string, runs: ReadonlySet<string>): string[] {
  const w = words(text);
  const copied: string[] = [];
  for (let i = 0; i + MAX_SHARED_WORDS < w.length; i++) {
    const run = w.slice(i, i + MAX_SHARED_WORDS + 1).join(' ');
    if (runs.has(run)) copied.push(run);
  }
  return copied;
}

/** Every string we wrote, leaving out citations (slugs and exact headings). */
function authoredStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(authoredStrings);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key === 'sources' || key === 'section' ? [] : authoredStrings(v)));
  }
  return [];
}
