import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePrintRequest } from './print-request.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

const parse = (path: string, query = '') => parsePrintRequest(path, new URLSearchParams(query), framework);
const refusal = (path: string, query = '') => {
  const parsed = parse(path, query);
  if (parsed.ok) throw new Error(`${path}?${query} was accepted`);
  return parsed;
};

describe('print requests', () => {
  it('reads a level handout, A4 and English unless asked', () => {
    const parsed = parse('level/principal');
    expect(parsed).toMatchObject({ ok: true, kind: 'level', paper: 'a4', locale: 'en', direction: 'ltr', key: 'level/principal|en|a4' });
  });

  it('reads the paper and the language, falling back along the chain', () => {
    expect(parse('level/staff', 'paper=letter&lang=de-CH')).toMatchObject({ ok: true, paper: 'letter', locale: 'de' });
    expect(parse('level/staff', 'lang=ar-XB')).toMatchObject({ ok: true, direction: 'rtl' });
  });

  it('reads a comparison in the order given, each level once', () => {
    const parsed = parse('compare', 'levels=distinguished,staff');
    if (!parsed.ok || parsed.kind !== 'compare') throw new Error('refused');
    expect(parsed.levels.map((l) => l.slug)).toEqual(['distinguished', 'staff']);
    expect(parsed.key).toBe('compare/distinguished,staff|en|a4');
  });

  it('answers 404 naming the levels for an unknown slug, and for one too long to look up', () => {
    expect(refusal('level/chief')).toEqual({
      ok: false,
      status: 404,
      message: 'There is no level "chief". Levels: staff, principal, distinguished.',
    });
    const long = refusal(`level/${'principal'.repeat(1000)}`);
    expect(long.status).toBe(404);
    expect(long.message.length).toBeLessThan(200);
    expect(refusal('level/principal/extra').status).toBe(404);
    expect(refusal('handouts').status).toBe(404);
  });

  it.each([
    ['compare', '', 'levels is required'],
    ['compare', 'levels=', 'levels is required'],
    ['compare', 'levels=staff,staff', 'levels names staff twice'],
    ['compare', 'levels=staff,ceo', 'levels names "ceo", which is not a level. Levels: staff, principal, distinguished.'],
    ['compare', 'levels=staff,principal,distinguished,staff', 'levels names 4 levels; there are only 3'],
    ['compare', 'levels=staff,… (60,000 characters)', 'levels is too long'],
    ['compare', 'levels=staff&levels=principal', 'levels is given more than once'],
    ['level/staff', 'levels=staff', '"levels" is not a parameter of this handout; it takes lang, paper.'],
    ['level/staff', 'paper=a3', 'paper must be a4 or letter, not "a3".'],
    ['level/staff', 'lang=not_a_tag!', 'lang must be a BCP 47 language tag'],
    ['level/staff', 'lang=xxx… (5,000 characters)', 'lang must be a BCP 47 language tag'],
  ])('refuses %s?%s with 400: %s', (path, label, message) => {
    const query = label
      .replace('staff,… (60,000 characters)', 'staff,'.repeat(10_000))
      .replace('xxx… (5,000 characters)', 'x'.repeat(5000));
    const parsed = refusal(path, query);
    expect(parsed.status).toBe(400);
    expect(parsed.message).toContain(message);
    // A client's string is never echoed whole.
    expect(parsed.message.length).toBeLessThan(300);
  });
});
