import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../loader/load-framework.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import type { Framework } from '../graph/types.js';
import { MAX_SEARCH_TEXT_LENGTH, MAX_SEARCH_WORDS, SearchTextError, searchFramework } from './search-framework.js';
import { makeSnippet } from './snippet.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

describe('searchFramework', () => {
  it('ranks a title match first', () => {
    const hits = searchFramework(framework, 'floating advisor');
    expect(`${hits[0]!.entity.kind}:${hits[0]!.entity.slug}`).toBe('FailureMode:floating-advisor');
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds hits across entity types', () => {
    const kinds = new Set(searchFramework(framework, 'influence', 50).map((h) => h.entity.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });

  it('tolerates prefixes and a typo', () => {
    expect(searchFramework(framework, 'patien')[0]!.entity.slug).toBe('patience');
    expect(searchFramework(framework, 'judgment')[0]!.entity.slug).toBe('judgement');
  });

  it('highlights the matched words in a short snippet', () => {
    const hit = searchFramework(framework, 'loneliness')[0]!;
    expect(hit.snippet.text.length).toBeLessThanOrEqual(162);
    expect(hit.snippet.html).toMatch(/<mark>[Ll]oneliness<\/mark>/);
    for (const range of hit.snippet.highlights) expect(hit.snippet.text.slice(range.start, range.end).toLowerCase()).toMatch(/^lonel/);
  });

  it('honours first and returns nothing for blank text', () => {
    expect(searchFramework(framework, 'engineer', 3)).toHaveLength(3);
    expect(searchFramework(framework, '   ')).toEqual([]);
  });
});

describe('searchFramework bounds', () => {
  it('refuses text over the length or word limit, naming the limit and what was sent', () => {
    // Sent as a GraphQL variable, a 20,000-letter word used to hold the event loop for seconds.
    expect(() => searchFramework(framework, 'a'.repeat(20_000))).toThrow(
      new SearchTextError(`text must be at most ${MAX_SEARCH_TEXT_LENGTH} characters, got 20000.`, { argument: 'text', value: 20_000 }),
    );
    expect(() => searchFramework(framework, 'a b c d e f g h i j k')).toThrow(
      new SearchTextError(`text must be at most ${MAX_SEARCH_WORDS} words, got 11.`, { argument: 'text', value: 11 }),
    );
  });

  it('answers the costliest allowed texts quickly', () => {
    const letters = (n: number, seed: number) => Array.from({ length: n }, (_, i) => 'etaoinshrdlucmfwyp'[(i * 7 + seed) % 18]).join('');
    const worst = [
      // As many words as allowed at the longest fuzzy-matched length, with and without near matches.
      Array.from({ length: 9 }, (_, i) => letters(20, i)).join(' '),
      Array.from({ length: 10 }, (_, i) => letters(19, i)).join(' '),
      'organisationalaware engineeringmanagers distinguishedengine architecturaldecis responsibilitiesxx',
      // Single letters are prefixes of nearly every word.
      'a b c d e f g h i j',
      'x'.repeat(MAX_SEARCH_TEXT_LENGTH),
    ];
    for (const text of worst) {
      expect(text.length).toBeLessThanOrEqual(MAX_SEARCH_TEXT_LENGTH);
      const started = performance.now();
      searchFramework(framework, text, 50);
      // About 15 ms on an idle machine; the bound leaves room for a loaded one.
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('still forgives a typo in a long word', () => {
    expect(searchFramework(framework, 'accountabilty')).not.toEqual([]);
  });
});

describe('makeSnippet', () => {
  it('cuts long text around the first match with ellipses and escapes HTML', () => {
    const long = `${'lorem ipsum '.repeat(30)}the <needle> is here ${'dolor sit '.repeat(30)}`;
    const snippet = makeSnippet([long], ['needle']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.html).toContain('&lt;<mark>needle</mark>&gt;');
  });
});
