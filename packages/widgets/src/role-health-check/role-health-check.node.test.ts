import { describe, expect, it } from 'vitest';
import { readAnswers, MAX_CHECKED } from './answers.js';
import { cardHref, validCardHref } from './card-link.js';
import { buildChecklist, MAX_MODES, MAX_SYMPTOMS_PER_MODE } from './checklist.js';
import { modeResults, strengthOf } from './strength.js';

// The checklist, the answers and the result as plain functions: what the
// browser tests see through the element, at the edges.

const MODES = [
  { slug: 'super-coder', symptoms: ['a1', 'a2', 'a3', 'a4'] },
  { slug: 'floating-advisor', symptoms: ['b1', 'b2', 'b3', 'b4'] },
  { slug: 'management-substitute', symptoms: ['c1', 'c2'] },
  { slug: 'title-without-the-role', symptoms: ['d1', 'd2'] },
];

describe('buildChecklist', () => {
  it('depends on slugs and positions only: the same order for translated texts and for modes served in another order', () => {
    const english = buildChecklist(MODES).map((i) => i.id);
    const translated = buildChecklist(MODES.map((m) => ({ ...m, symptoms: m.symptoms.map((s) => `übersetzt ${s}`) }))).map((i) => i.id);
    const reversed = buildChecklist([...MODES].reverse()).map((i) => i.id);
    expect(translated).toEqual(english);
    expect(reversed).toEqual(english);
    expect(english).not.toEqual(MODES.flatMap((m) => m.symptoms.map((_, i) => `${m.slug}.${i}`)));
  });

  it('never puts two symptoms of one mode side by side when that can be avoided', () => {
    const order = buildChecklist(MODES).map((i) => i.mode);
    for (let i = 1; i < order.length; i++) expect(order[i]).not.toBe(order[i - 1]);
    // Even when one mode has half of all symptoms.
    const lopsided = buildChecklist([
      { slug: 'a', symptoms: ['1', '2', '3', '4', '5'] },
      { slug: 'b', symptoms: ['6', '7'] },
      { slug: 'c', symptoms: ['8', '9', '10'] },
    ]).map((i) => i.mode);
    for (let i = 1; i < lopsided.length; i++) expect(lopsided[i]).not.toBe(lopsided[i - 1]);
  });

  it('lists equal texts once, counting for every mode that has them', () => {
    const list = buildChecklist([
      { slug: 'a', symptoms: ['Same thing.', 'other'] },
      { slug: 'b', symptoms: ['  same   THING '] },
    ]);
    expect(list).toHaveLength(2);
    const shared = list.find((i) => i.ids.length === 2)!;
    expect(shared.ids).toEqual(['a.0', 'b.0']);
    expect(shared.modes).toEqual(['a', 'b']);
  });

  it('takes a bounded number of symptoms per mode', () => {
    const list = buildChecklist([{ slug: 'a', symptoms: Array.from({ length: 10_000 }, (_, i) => `s${i}`) }]);
    expect(list).toHaveLength(MAX_SYMPTOMS_PER_MODE);
  });

  it('orders the largest checklist it takes quickly, whatever a hostile endpoint sends', () => {
    const modes = Array.from({ length: 1_000 }, (_, m) => ({
      slug: `mode-${m}`,
      symptoms: Array.from({ length: 1_000 }, (_, i) => `symptom ${m} ${i} ${'x'.repeat(200)}`),
    }));
    const started = performance.now();
    const list = buildChecklist(modes);
    expect(list).toHaveLength(MAX_MODES * MAX_SYMPTOMS_PER_MODE);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('strength', () => {
  it.each([
    [0, 4, 'none'],
    [1, 4, 'some'],
    [2, 4, 'some'],
    [3, 4, 'strong'],
    [4, 4, 'strong'],
    [1, 2, 'some'],
    [2, 2, 'strong'],
    [1, 1, 'strong'],
    [0, 0, 'none'],
  ] as const)('%i of %i is %s', (checked, total, strength) => {
    expect(strengthOf(checked, total)).toBe(strength);
  });

  it('puts the strongest first', () => {
    const items = buildChecklist(MODES);
    const ticked = new Set(items.filter((i) => i.mode === 'title-without-the-role' || i.id === 'super-coder.0').map((i) => i.id));
    expect(
      modeResults(
        MODES.map((m) => m.slug),
        items,
        ticked,
      ).map((r) => [r.slug, r.strength]),
    ).toEqual([
      ['title-without-the-role', 'strong'],
      ['super-coder', 'some'],
      ['floating-advisor', 'none'],
      ['management-substitute', 'none'],
    ]);
  });
});

describe('readAnswers', () => {
  it('keeps well-formed ids once, bounded, and counts the rest', () => {
    const read = readAnswers({ v: 1, tool: 'role-health-check', checked: ['a.1', 'a.1', 'A.1', 3, 'a.1234', `${'x'.repeat(200)}.1`] });
    expect(read.checked).toEqual(['a.1']);
    expect(read.problems).toEqual([{ kind: 'ignored', count: 4 }]);
    const many = readAnswers({ v: 1, checked: Array.from({ length: 100_000 }, (_, i) => `m.${i % 1000}`) });
    expect(many.checked).toHaveLength(MAX_CHECKED);
    // Every entry but the kept ids and their repeats is left out, the ones never looked at included.
    expect(many.problems).toEqual([{ kind: 'trimmed', count: 100_000 - MAX_CHECKED * 2 }]);
  });

  it.each([null, 1, 'x', [], { v: 1 }, { v: 1, checked: {} }, { v: 1, tool: 'other', checked: [] }, { checked: [] }])(
    'refuses %j as not answers',
    (value) => {
      expect(readAnswers(value)).toEqual({ checked: [], problems: [{ kind: 'not-answers' }] });
    },
  );

  it('names another version', () => {
    expect(readAnswers({ v: '2', checked: [] }).problems).toEqual([{ kind: 'other-version', version: '2' }]);
    expect(readAnswers({ v: { x: 1 }, checked: [] }).problems).toEqual([{ kind: 'other-version', version: '?' }]);
  });
});

describe('card links', () => {
  it.each(['/wiki/failure-modes#{slug}', 'https://wiki.example.com/fm/{slug}', '../cards/{slug}.html', '#card-{slug}'])('accepts %s', (t) =>
    expect(validCardHref(t)).toBe(true),
  );
  it.each([
    'javascript:alert(1)',
    '  javascript:alert(1)',
    'JAVASCRIPT:x',
    'data:text/html,x',
    'vbscript:x',
    'java\nscript:x',
    '\\\\evil',
    '',
    ' ',
  ])('refuses %j', (t) => expect(validCardHref(t)).toBe(false));
  it('encodes the slug', () => expect(cardHref(' /fm#{slug} ', 'a b&c')).toBe('/fm#a%20b%26c'));
});
