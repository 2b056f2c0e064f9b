import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFromBuilder } from './builder-params.js';
import { parseWidgetSpec, type WidgetSpec } from './widget-spec.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

function spec(query: string): WidgetSpec {
  const parsed = parseWidgetSpec('level-compare', new URLSearchParams(query), framework);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.spec;
}

/** What the embed and snippet routes cache a page under (path and query). */
const cacheKey = (s: WidgetSpec) => `${s.path}?${s.query}`;

describe('level-compare options', () => {
  it('spell equivalent dimension lists one way: repeats dropped, framework order', () => {
    const [first, second] = framework.dimensions.map((d) => d.slug);
    const a = spec(`levels=staff,principal&dimensions=${first},${second},${first}`);
    const b = spec(`levels=staff,principal&dimensions=${second},${first}`);
    const c = spec(`levels=staff,principal&dimensions=${second}+${first}+${second}`);
    expect(cacheKey(a)).toBe(cacheKey(b));
    expect(cacheKey(c)).toBe(cacheKey(b));
    expect(a.query).toBe(`levels=staff,principal&dimensions=${first},${second}`);
    expect(a.attributes).toEqual(b.attributes);
    expect(a.attributes.dimensions).toBe(`${first} ${second}`);
  });

  it('keep the levels in the order given: it is the column order', () => {
    expect(spec('levels=distinguished,staff').query).toBe('levels=distinguished,staff');
    expect(cacheKey(spec('levels=distinguished,staff'))).not.toBe(cacheKey(spec('levels=staff,distinguished')));
    const repeated = parseWidgetSpec('level-compare', new URLSearchParams('levels=staff,principal,staff'), framework);
    expect(repeated).toMatchObject({ ok: false, status: 400, message: 'Level "staff" is listed more than once.' });
  });

  it('are normalised the same way from the embed builder', () => {
    const [first, second] = framework.dimensions.map((d) => d.slug);
    const built = specFromBuilder(
      new URLSearchParams(`widget=level-compare&levels=staff,principal&dimensions=${second},${first},${second}`),
      framework,
    );
    expect(built.ok && built.spec.query).toBe(`levels=staff,principal&dimensions=${first},${second}`);
  });

  it('still name an unknown dimension', () => {
    const parsed = parseWidgetSpec('level-compare', new URLSearchParams('levels=staff,principal&dimensions=charisma'), framework);
    expect(parsed).toMatchObject({ ok: false, status: 404 });
    expect(!parsed.ok && parsed.message).toContain('Unknown dimension "charisma". Valid dimensions: ');
  });
});
