import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../loader/load-framework.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import type { Framework } from '../graph/types.js';
import { searchFramework } from './search-framework.js';
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

describe('makeSnippet', () => {
  it('cuts long text around the first match with ellipses and escapes HTML', () => {
    const long = `${'lorem ipsum '.repeat(30)}the <needle> is here ${'dolor sit '.repeat(30)}`;
    const snippet = makeSnippet([long], ['needle']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.html).toContain('&lt;<mark>needle</mark>&gt;');
  });
});
