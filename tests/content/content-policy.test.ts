import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTENT_DIR, INTRODUCTION_SECTION, loadFrameworkOrThrow, type Entity, type Framework, type Quotation } from '@altitude/schema';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldedWords, sharedRuns, wordRuns } from '../support/shared-words.js';

// The source articles live beside the repository (../shared/sources), not in
// it: they are not ours to redistribute. CI has them; a bare clone may not.
const SOURCES_DIR = process.env.ALTITUDE_SOURCES_DIR ?? fileURLToPath(new URL('../../../shared/sources', import.meta.url));
const haveSources = existsSync(SOURCES_DIR);
const SOURCE_FILES: Record<string, string> = {
  'leaddev-reality-of-being-a-distinguished-engineer': 'leaddev-the-reality-of-being-a-distinguished-engineer.txt',
  'najim-what-distinguished-engineers-actually-do': 'najim-what-distinguished-engineers-actually-do.txt',
};
/** A run of this many words shared with a source, spelling folded, counts as copied: names and short terms pass, phrases do not. */
const COPIED_RUN_WORDS = 6;
/** All quotations together stay short: the content is ours, quotations are the exception. */
const MAX_QUOTED_WORDS = 150;

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
    expect(framework.misconceptions.map((m) => m.slug)).toEqual(expect.arrayContaining(['senior-coder', 'meeting-dweller']));
    expect(framework.glossary.map((t) => t.slug)).toEqual(
      expect.arrayContaining(['team', 'area', 'domain', 'organisation', 'company', 'business-unit']),
    );
  });

  it('says something different for each level on every dimension', () => {
    for (const dimension of framework.dimensions) {
      const cells = framework.levels.map((l) => l.expectations[dimension.position]!);
      expect(new Set(cells.map((c) => c.text.text)).size, dimension.slug).toBe(cells.length);
      expect(new Set(cells.map((c) => c.headline)).size, `${dimension.slug} headlines`).toBe(cells.length);
    }
  });

  it('describes every capability and leverage mechanism at every level, each level differently', () => {
    for (const item of [...framework.capabilities, ...framework.leverageMechanisms]) {
      expect(item.atLevel.map((n) => n.level.slug), item.slug).toEqual(framework.levels.map((l) => l.slug));
      expect(new Set(item.atLevel.map((n) => n.text.text)).size, item.slug).toBe(framework.levels.length);
    }
  });

  it('gives every level signs of operating below it', () => {
    for (const level of framework.levels) expect(level.signalsBelow.length, level.slug).toBeGreaterThanOrEqual(2);
  });

  it('says of every item whether it is sourced or interpreted, and what is interpreted', () => {
    for (const entity of framework.entities) {
      expect(['sourced', 'interpreted'], entity.slug).toContain(entity.basis);
      expect(entity.interpretation === null, `${entity.kind} ${entity.slug}`).toBe(entity.basis === 'sourced');
    }
  });

  it('never starts a cell by repeating its headline', () => {
    for (const level of framework.levels) {
      for (const cell of level.expectations) {
        expect(startsWithHeadline(cell.headline, cell.text.text), `${level.slug} / ${cell.dimension.slug}`).toBe(false);
      }
    }
    expect(startsWithHeadline('The whole company', 'The whole company. Every organisation in it.')).toBe(true);
    expect(startsWithHeadline('The whole company', 'Every organisation in the company.')).toBe(false);
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
  let articles: Map<string, Map<string, string>>;
  let runs: Set<string>;
  beforeAll(async () => {
    const texts = await Promise.all(
      Object.entries(SOURCE_FILES).map(async ([slug, file]) => [slug, await readFile(path.join(SOURCES_DIR, file), 'utf8')] as const),
    );
    runs = wordRuns(
      texts.map(([, text]) => text),
      COPIED_RUN_WORDS,
    );
    articles = new Map(texts.map(([slug, text]) => [slug, sectionsOf(text, framework.find('Source', slug)!.sections)]));
  });
  const sectionText = (source: string, section: string) => articles.get(source)!.get(section) ?? '';

  it('cites only sections that exist: headings as the article has them, and its introduction', () => {
    for (const source of framework.sources) {
      expect(source.sections[0], source.slug).toBe(INTRODUCTION_SECTION);
      for (const section of source.sections) expect(sectionText(source.slug, section).length, `${source.slug}: "${section}"`).toBeGreaterThan(100);
    }
  });

  it('finds the key words of every sourced item in the sections it cites', () => {
    const weak = framework.entities
      .filter((entity) => entity.basis === 'sourced')
      .map((entity) => ({ entity, found: keyWordsFound(entity, sectionText) }))
      .filter(({ found }) => found.share < MIN_KEY_WORDS_FOUND)
      .map(({ entity, found }) => `${entity.kind} ${entity.slug}: ${found.found}/${found.of} (missing ${found.missing.join(', ')})`);
    expect(weak).toEqual([]);
  });

  it('the key-word check fails an item citing a section that does not hold its claim', () => {
    const staff = framework.find('Level', 'staff')!;
    const miscited = { ...staff, sources: [{ source: staff.sources[0]!.source, section: 'Why most companies get the role wrong' }] };
    expect(keyWordsFound(miscited, sectionText).share).toBeLessThan(MIN_KEY_WORDS_FOUND);
    expect(keyWordsFound(staff, sectionText).share).toBeGreaterThanOrEqual(MIN_KEY_WORDS_FOUND);
  });

  it(`quotes only words the cited section holds, at most ${MAX_QUOTED_WORDS} words in all, each quotation attributed`, () => {
    const quotations: { at: string; quotation: Quotation }[] = [
      ...framework.entities.flatMap((e) => e.quotations.map((quotation) => ({ at: `${e.kind} ${e.slug}`, quotation }))),
      ...framework.levels.flatMap((l) =>
        l.expectations.flatMap((c) => (c.quotation ? [{ at: `${l.slug} / ${c.dimension.slug}`, quotation: c.quotation }] : [])),
      ),
    ];
    expect(quotations.length).toBeGreaterThan(0);
    for (const { at, quotation } of quotations) {
      expect(verbatim(sectionText(quotation.source.slug, quotation.section)), at).toContain(verbatim(quotation.text));
    }
    const quoted = quotations.reduce((sum, { quotation }) => sum + foldedWords(quotation.text).length, 0);
    expect(quoted).toBeLessThanOrEqual(MAX_QUOTED_WORDS);
  });

  it(`shares no run of ${COPIED_RUN_WORDS} words with either article, whatever the spelling, quotations apart`, async () => {
    const authored: { at: string; text: string }[] = [];
    for (const file of (await readdir(DEFAULT_CONTENT_DIR)).filter((f) => f.endsWith('.yaml'))) {
      const data = parse(await readFile(path.join(DEFAULT_CONTENT_DIR, file), 'utf8')) as Record<string, unknown>;
      // A source's title and headings must match the article exactly; only its summary is ours.
      if (file === 'sources.yaml') authored.push(...(data.sources as { summary: string }[]).map((s) => ({ at: file, text: s.summary })));
      else authored.push(...authoredStrings(data, file));
    }
    expect(authored.length).toBeGreaterThan(300);
    expect(authored.flatMap(({ at, text }) => sharedRuns(text, runs, COPIED_RUN_WORDS).map((run) => `${at}: ${run}`))).toEqual([]);
  });

  it('the copy check catches a lifted phrase however it is spelled, and passes our own words', () => {
    // Najim's words with British spellings and different punctuation.
    expect(sharedRuns('Organisational savvy, to drive change without authority!', runs, COPIED_RUN_WORDS)).not.toEqual([]);
    expect(sharedRuns('As they say, the unifying thread is leverage. Every hour counts.', runs, COPIED_RUN_WORDS)).not.toEqual([]);
    expect(sharedRuns('Leverage ties the whole job together.', runs, COPIED_RUN_WORDS)).toEqual([]);
  });
});

/** Share of a sourced item's key words that its cited sections must hold. */
const MIN_KEY_WORDS_FOUND = 0.5;

/** Words too common to show that a section holds a claim. */
const COMMON = new Set(
  'about across after again against along also among another because become becomes been before being between both cannot could does doing during each either every first from have having here into itself just less made make makes making many more most much must need needs never other others over rather same should since some such than that their them then there these they thing things think this those through under until upon very what when where whether which while whose will with within without would your yours engineer engineers engineering distinguished principal staff level levels role'.split(
    ' ',
  ),
);

/**
 * How many of an item's key words (its title and summary, folded, five
 * letters or more, common words apart) occur in the sections it cites, each
 * compared by its first five letters so that "lonely" finds "loneliness".
 */
function keyWordsFound(
  entity: Pick<Entity, 'title' | 'summary' | 'sources'>,
  sectionText: (source: string, section: string) => string,
): { found: number; of: number; share: number; missing: string[] } {
  const stem = (word: string) => word.slice(0, 5);
  const cited = new Set(entity.sources.flatMap((c) => foldedWords(sectionText(c.source.slug, c.section)).map(stem)));
  const keys = [...new Set(foldedWords(`${entity.title} ${entity.summary.text}`).filter((w) => w.length >= 5 && !COMMON.has(w)))];
  const missing = keys.filter((w) => !cited.has(stem(w)));
  const found = keys.length - missing.length;
  return { found, of: keys.length, share: keys.length === 0 ? 1 : found / keys.length, missing };
}

/**
 * An article split into its sections: the text under each listed heading,
 * and under `Introduction` the text before the first heading, with what
 * follows the Key takeaways box (which holds only its bullet points) up to
 * the next heading.
 */
function sectionsOf(article: string, headings: readonly string[]): Map<string, string> {
  const sections = new Map<string, string[]>(headings.map((h) => [h, []]));
  let current = INTRODUCTION_SECTION;
  let inBox = false;
  for (const line of article.split('\n')) {
    const trimmed = line.trim();
    const heading = trimmed.replace(/:$/, '');
    if (heading !== INTRODUCTION_SECTION && sections.has(heading)) {
      current = heading;
      inBox = heading === 'Key takeaways';
      continue;
    }
    if (inBox && trimmed !== '' && !trimmed.startsWith('•')) {
      inBox = false;
      current = INTRODUCTION_SECTION;
    }
    sections.get(current)!.push(line);
  }
  return new Map([...sections].map(([h, lines]) => [h, lines.join('\n')]));
}

/** Text compared for a quotation: curly quotes and dashes straightened, spaces collapsed, case ignored. */
function verbatim(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether a cell's text opens with its headline's words (the headline said twice). */
function startsWithHeadline(headline: string, text: string): boolean {
  const head = foldedWords(headline);
  return head.length > 0 && foldedWords(text).slice(0, head.length).join(' ') === head.join(' ');
}

/** Every string we wrote, leaving out citations, quotations (counted apart) and references by slug. */
function authoredStrings(value: unknown, at: string): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => authoredStrings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (NOT_AUTHORED.has(key) ? [] : authoredStrings(v, `${at}.${key}`)));
  }
  return [];
}
const NOT_AUTHORED = new Set(['sources', 'section', 'source', 'quotations', 'quotation', 'slug', 'from', 'to', 'preventedBy', 'relatedFailureModes']);
