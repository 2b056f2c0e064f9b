import { describe, expect, it } from 'vitest';
import { hashWithAnswers, MAX_ANSWER_BYTES, readAnswerFile, readHashAnswers } from './private-answers.js';

describe('answers in the URL fragment', () => {
  it('round-trips any JSON, non-ASCII text included, and keeps the page’s own fragment parts', () => {
    const answers = { v: 1, picks: { 'time-horizon': 'principal' }, note: 'Größe ✓ 日本' };
    const hash = hashWithAnswers('de-self-assessment', answers, '#lang=de&other=1')!;
    expect(hash.startsWith('#lang=de&other=1&de-self-assessment=')).toBe(true);
    expect(hash.split('de-self-assessment=')[1]).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readHashAnswers('de-self-assessment', hash)).toEqual(answers);
    expect(readHashAnswers('de-role-health-check', hash)).toBeUndefined();
    // Replacing keeps one copy; removing leaves only the page's parts.
    const again = hashWithAnswers('de-self-assessment', { v: 2 }, hash)!;
    expect(again.match(/de-self-assessment=/g)).toHaveLength(1);
    expect(readHashAnswers('de-self-assessment', again)).toEqual({ v: 2 });
    expect(hashWithAnswers('de-self-assessment', undefined, again)).toBe('#lang=de&other=1');
    expect(hashWithAnswers('de-self-assessment', undefined, '#de-self-assessment=e30')).toBe('');
  });

  it('leaves a fragment the page navigates by alone: an anchor or a router path takes no answers beside it', () => {
    for (const page of ['#faq', '#/careers/staff', '#lang=de&faq']) expect(hashWithAnswers('de-x', { v: 1 }, page), page).toBeUndefined();
    // Taking our answers out of such a fragment is always allowed.
    expect(hashWithAnswers('de-x', undefined, '#faq&de-x=e30')).toBe('#faq');
  });

  it('ignores what is not ours or not valid: garbage, bad UTF-8, non-JSON, empty', () => {
    for (const hash of ['#de-x=%%%', '#de-x=', '#de-x=_w', `#de-x=${btoa('{not json').replace(/=+$/, '')}`, '#', '']) {
      expect(readHashAnswers('de-x', hash)).toBeUndefined();
    }
  });

  it('refuses answers over the bound both ways, without decoding a huge fragment', () => {
    const big = { text: 'x'.repeat(MAX_ANSWER_BYTES) };
    expect(hashWithAnswers('de-x', big, '')).toBeUndefined();
    const hostile = `#de-x=${'A'.repeat(5_000_000)}`;
    const started = performance.now();
    expect(readHashAnswers('de-x', hostile)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('answers in a file', () => {
  it('reads JSON and refuses a file over the bound before reading it', async () => {
    expect(await readAnswerFile(new Blob(['{"v":1}']))).toEqual({ ok: true, value: { v: 1 } });
    expect(await readAnswerFile(new Blob(['nope']))).toEqual({ ok: false, problem: 'not-json' });
    const huge = new Blob(['x'.repeat(MAX_ANSWER_BYTES + 1)]);
    expect(await readAnswerFile(huge)).toEqual({ ok: false, problem: 'too-large' });
  });
});
