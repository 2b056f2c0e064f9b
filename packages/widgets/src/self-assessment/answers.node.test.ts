import { nothing } from 'lit';
import { describe, expect, it } from 'vitest';
import { assessmentJson, cleanName, fitAnswers, MAX_ENTRIES, MAX_NAME, readAssessment } from './answers.js';
import { questionsOf, type Axis, type Ladder, type Served } from './axes.js';
import { attemptedStep, differences, gapsTo, medianPosition } from './profile.js';

const served = (text: string): Served => ({ text, lang: nothing });
const axis = (key: string): Axis => ({
  key,
  kind: key.startsWith('capability') ? 'capability' : 'dimension',
  title: served(key),
  notes: new Map(),
});
/** Three levels, three axes, a step between each pair of levels. */
const ladder: Ladder = {
  levels: ['staff', 'principal', 'distinguished'].map((slug) => ({ slug, title: served(slug), signalsBelow: [] })),
  axes: ['dimension:a', 'capability:b', 'capability:c'].map(axis),
  steps: [
    { from: 'staff', to: 'principal', whyPeopleStall: [served('stall 1')] },
    { from: 'principal', to: 'distinguished', whyPeopleStall: [served('stall 2')] },
  ],
};
const answers = (record: Record<string, string>) => new Map(Object.entries(record));

describe('reading a rater’s answers', () => {
  it('takes only a version 1 self-assessment object', () => {
    for (const raw of [null, 3, 'x', [], {}, { v: 1, tool: 'self-assessment' }, { v: 2, tool: 'self-assessment', answers: {} }])
      expect(readAssessment(raw)).toEqual({ ok: false, problem: 'not-ours' });
    expect(readAssessment({ v: 1, tool: 'self-assessment', answers: {} })).toMatchObject({ ok: true });
  });

  it('looks at no more than MAX_ENTRIES entries, keeps short string pairs only, and counts the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`capability:x${i}`, 'staff']));
    const read = readAssessment({ v: 1, tool: 'self-assessment', answers: many });
    expect(read.ok && read.assessment.answers.size).toBe(MAX_ENTRIES);
    expect(read.ok && read.notes.dropped).toBe(500 - MAX_ENTRIES);
    const odd = readAssessment(
      JSON.parse(
        `{"v":1,"tool":"self-assessment","answers":{"a":1,"b":null,"c":["x"],"d":{"x":1},"${'k'.repeat(500)}":"staff","__proto__":"staff","ok":"staff"}}`,
      ),
    );
    expect(odd.ok && [...odd.assessment.answers]).toEqual([
      ['__proto__', 'staff'],
      ['ok', 'staff'],
    ]);
    expect(odd.ok && odd.notes.dropped).toBe(5);
  });

  it('keeps a name short and plain', () => {
    expect(cleanName('  Ada\u0000\n  Lovelace  ')).toBe('Ada Lovelace');
    expect(cleanName('Ada\u0007 ', true)).toBe('Ada  ');
    expect([...cleanName('😀'.repeat(200))]).toHaveLength(MAX_NAME);
    const read = readAssessment({ v: 1, tool: 'self-assessment', name: 'x'.repeat(MAX_NAME + 1), answers: {} });
    expect(read.ok && read.notes.nameCut).toBe(true);
    // Tidying is not cutting: folded spaces and control characters say nothing.
    const tidy = readAssessment({ v: 1, tool: 'self-assessment', name: ' Ada \u0000  Lovelace ', answers: {} });
    expect(tidy.ok && tidy.notes.nameCut).toBe(false);
    expect(tidy.ok && tidy.assessment.name).toBe('Ada Lovelace');
    const typed = readAssessment({ v: 1, tool: 'self-assessment', name: { toString: 'Ada' }, answers: {} });
    expect(typed.ok && typed.assessment.name).toBe('');
  });

  it('fits answers to the framework: known axes with a level it has or not-yet', () => {
    const fitted = fitAnswers(
      answers({ 'dimension:a': 'fellow', 'capability:b': 'not-yet', 'capability:z': 'staff', 'capability:c': 'staff' }),
      questionsOf(ladder),
    );
    expect([...fitted.answers]).toEqual([
      ['capability:b', 'not-yet'],
      ['capability:c', 'staff'],
    ]);
    expect(fitted.dropped).toBe(2);
  });

  it('writes the file the way it reads it', () => {
    const json = assessmentJson({ name: '', answers: answers({ 'dimension:a': 'staff' }) });
    expect(json).toEqual({ v: 1, tool: 'self-assessment', answers: { 'dimension:a': 'staff' } });
    const back = readAssessment(JSON.parse(JSON.stringify(json)));
    expect(back.ok && [...back.assessment.answers]).toEqual([['dimension:a', 'staff']]);
  });
});

describe('what the answers mean', () => {
  it('orders the gaps by size, keeping the framework’s order among equals, and leaves out what is at or above the target', () => {
    const gaps = gapsTo(ladder, answers({ 'dimension:a': 'principal', 'capability:b': 'not-yet', 'capability:c': 'principal' }), 3);
    expect(gaps.map((g) => [g.axis.key, g.size])).toEqual([
      ['capability:b', 3],
      ['dimension:a', 1],
      ['capability:c', 1],
    ]);
    expect(gapsTo(ladder, answers({ 'dimension:a': 'principal', 'capability:b': 'distinguished' }), 2)).toEqual([]);
  });

  it('reads the level held as the lower median, and the step attempted as the one from it', () => {
    expect(medianPosition(ladder, answers({}))).toBeUndefined();
    expect(medianPosition(ladder, answers({ 'dimension:a': 'staff', 'capability:b': 'distinguished' }))).toBe(1);
    expect(medianPosition(ladder, answers({ 'dimension:a': 'staff', 'capability:b': 'principal', 'capability:c': 'principal' }))).toBe(2);
    expect(attemptedStep(ladder, 1)?.to).toBe('principal');
    expect(attemptedStep(ladder, 2)?.to).toBe('distinguished');
    // At the top, or below the lowest level, no step leads on.
    expect(attemptedStep(ladder, 3)).toBeUndefined();
    expect(attemptedStep(ladder, 0)).toBeUndefined();
  });

  it('counts a difference only where both raters answered', () => {
    const mine = answers({ 'dimension:a': 'staff', 'capability:b': 'principal' });
    const theirs = answers({ 'dimension:a': 'principal', 'capability:c': 'staff' });
    expect([...differences(ladder, mine, theirs)]).toEqual(['dimension:a']);
  });
});
