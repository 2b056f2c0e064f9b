import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import {
  altitudeUrl,
  axeViolations,
  cleanup,
  colours,
  fallbackUrl,
  mount,
  part,
  parts,
  renderWidget,
  settled,
  text,
} from '../../test/fixture.js';
import { ask, widgetEdited } from '../../test/interpreted.js';
import { SelfAssessmentOperation } from '../queries/generated.js';
import { hashWithAnswers, MAX_ANSWER_BYTES, readHashAnswers } from '../shared/private-answers.js';
import './define.js';
import type { SelfAssessment } from './self-assessment.js';

const KEY = 'de-self-assessment';
/** Chromium's DevTools protocol (the Playwright provider's session; vitest types it bare). */
const devtools = () => cdp() as unknown as { send(method: string, params: object): Promise<unknown> };

interface Framework {
  levels: { slug: string; title: string; signalsBelow: { text: string }[] }[];
  dimensions: { slug: string; title: string }[];
  capabilities: { slug: string; title: string; atLevel: { level: { slug: string }; text: string }[] }[];
  leverageMechanisms: { slug: string; title: string }[];
  transitions: { from: { slug: string }; to: { slug: string }; whyPeopleStall: string[] }[];
}
let framework: Framework;
/** Every axis key, in the framework's order. */
let keys: string[];

beforeAll(async () => {
  framework = await ask<Framework>(
    `{ levels { slug title signalsBelow { text(format: TEXT) } } dimensions { slug title }
       capabilities { slug title atLevel { level { slug } text(format: TEXT) } } leverageMechanisms { slug title }
       transitions { from { slug } to { slug } whyPeopleStall(format: TEXT) } }`,
  );
  keys = [
    ...framework.dimensions.map((d) => `dimension:${d.slug}`),
    ...framework.capabilities.map((c) => `capability:${c.slug}`),
    ...framework.leverageMechanisms.map((m) => `mechanism:${m.slug}`),
  ];
});

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  await devtools().send('Emulation.setEmulatedMedia', { media: '' });
});

const assess = (attributes = '', endpoint = altitudeUrl()) =>
  (async () => {
    const element = mount<SelfAssessment>(`<de-self-assessment endpoint="${endpoint}" ${attributes}></de-self-assessment>`);
    await settled(element);
    return element;
  })();

const file = (value: unknown, name = 'answers.json') =>
  new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });
const assessment = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  v: 1,
  tool: 'self-assessment',
  ...extra,
  answers,
});

/** Puts answers into the page address as a link would carry them. */
function linkTo(value: unknown): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hashWithAnswers(KEY, value, '')}`);
}

/** The checked radio of every answered axis. */
function checked(element: SelfAssessment): Record<string, string> {
  return Object.fromEntries(
    [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')]
      .filter((r) => r.checked)
      .map((r) => [r.name, r.value]),
  );
}

const input = (element: SelfAssessment, name: string) => element.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

/** Picks a file in a file input, as the browser's file chooser does. */
async function pick(element: SelfAssessment, name: 'answers-file' | 'second-rater-file', picked: File): Promise<void> {
  const before = text(part(element, 'notice'));
  const field = input(element, name);
  const transfer = new DataTransfer();
  transfer.items.add(picked);
  field.files = transfer.files;
  field.dispatchEvent(new Event('change', { bubbles: true }));
  // The file is read asynchronously: more than vi.waitFor's default second on a busy machine.
  await vi.waitFor(() => expect(text(part(element, 'notice'))).not.toBe(before), { timeout: 5_000 });
}

const button = (element: SelfAssessment, label: string) =>
  [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent.trim() === label)!;

/** A plan of answers: each axis a different place on the ladder, "not yet" included. */
const plan = () =>
  Object.fromEntries(keys.map((key, i) => [key, i % 4 === 0 ? 'not-yet' : framework.levels[i % framework.levels.length]!.slug]));

describe('<de-self-assessment>', () => {
  it('asks about every dimension, capability and leverage mechanism, a fieldset each, with every level and "not yet"', async () => {
    const element = await assess();
    const fieldsets = parts(element, 'axis');
    expect(fieldsets.map((f) => f.querySelector('legend')!.textContent.trim())).toEqual([
      ...framework.dimensions.map((d) => d.title),
      ...framework.capabilities.map((c) => c.title),
      ...framework.leverageMechanisms.map((m) => m.title),
    ]);
    for (const fieldset of fieldsets) {
      const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      expect(radios.map((r) => r.value)).toEqual(['not-yet', ...framework.levels.map((l) => l.slug)]);
      // Every radio is labelled by its level's title and what the level looks like there.
      for (const radio of radios.slice(1)) expect(radio.closest('label')!.textContent.replace(/\s+/g, ' ').length).toBeGreaterThan(40);
    }
    const judgement = fieldsets.find((f) => f.querySelector('legend')!.textContent.trim() === 'Judgement')!;
    const note = framework.capabilities.find((c) => c.slug === 'judgement')!.atLevel.find((n) => n.level.slug === 'principal')!.text;
    expect(judgement.querySelector('input[value="principal"]')!.closest('label')!.textContent).toContain(note);
    // The default target is the top level.
    expect(part(element, 'heading')!.textContent).toBe(`Self-assessment against ${framework.levels.at(-1)!.title}`);
  });

  it("takes the levels the API serves, an overlay's added one included, and shows hostile strings as text", async () => {
    const hostile = 'Fellow <img src=x onerror="window.__pwned=1">';
    type Answer = { data: { levels: { rank: number }[]; capabilities: { atLevel: unknown[] }[] } };
    const element = await widgetEdited<SelfAssessment, Answer>((answer) => {
      const top = Math.max(...answer.data.levels.map((l) => l.rank));
      answer.data.levels.push({
        slug: 'fellow',
        title: hostile,
        rank: top + 1,
        expectations: [],
        signalsBelow: [{ text: '<script>window.__pwned=2</script>' }],
        locale: 'en',
        fallbacks: [],
      } as never);
      answer.data.capabilities[0]!.atLevel.push({ level: { slug: 'fellow' }, text: '<b>bold?</b>' });
      return answer;
    }, 'de-self-assessment');
    // The added level is the top, so the default target; every axis offers it.
    expect(part(element, 'heading')!.textContent).toBe(`Self-assessment against ${hostile}`);
    for (const fieldset of parts(element, 'axis'))
      expect(fieldset.querySelectorAll('input[type="radio"]')).toHaveLength(framework.levels.length + 2);
    expect(parts(element, 'axis')[framework.dimensions.length]!.textContent).toContain('<b>bold?</b>');
    expect(parts(element, 'chart')[0]!.querySelectorAll('circle.tick')).toHaveLength(framework.levels.length + 2);
    expect(element.shadowRoot!.querySelectorAll('img, script, b')).toHaveLength(0);
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('names the valid levels for an unknown target', async () => {
    const element = await assess('target="fellow"');
    expect(text(part(element, 'error'))).toContain(
      `Unknown target level "fellow". Valid levels: ${framework.levels.map((l) => l.slug).join(', ')}.`,
    );
  });

  it('is filled in with the keyboard alone, keeps the answers in the link, and comes back from it', async () => {
    const element = await assess();
    const first = element.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!;
    // The name field comes first; a space typed at its end survives to begin the next word.
    for (let i = 0; i < 5 && element.shadowRoot!.activeElement !== input(element, 'name'); i++) await userEvent.tab();
    await userEvent.keyboard('Ada Lovelace ');
    expect(input(element, 'name').value).toBe('Ada Lovelace ');
    for (let i = 0; i < 20 && element.shadowRoot!.activeElement !== first; i++) await userEvent.tab();
    expect(element.shadowRoot!.activeElement).toBe(first);
    const wanted = plan();
    for (const key of keys) {
      // Space picks "not yet"; each arrow moves one level up the ladder.
      await userEvent.keyboard('[Space]');
      const steps = wanted[key] === 'not-yet' ? 0 : framework.levels.findIndex((l) => l.slug === wanted[key]) + 1;
      for (let s = 0; s < steps; s++) await userEvent.keyboard('[ArrowDown]');
      await userEvent.tab();
    }
    expect(checked(element)).toEqual(wanted);
    expect(text(part(element, 'progress'))).toContain(`Answered: ${keys.length} of ${keys.length}.`);
    expect(part(element, 'progress')!.getAttribute('aria-live')).toBe('polite');
    // Focus moved on with the keyboard, never pulled away by the results.
    expect(element.shadowRoot!.activeElement?.getAttribute('name')).not.toBe(keys.at(-1));
    expect(readHashAnswers(KEY)).toEqual(assessment(wanted, { name: 'Ada Lovelace' }));

    // A reload (a new element reading the same link) restores every answer and the same results.
    const results = text(element.shadowRoot!.querySelector('.results'));
    cleanup();
    const again = await assess();
    expect(checked(again)).toEqual(wanted);
    expect(input(again, 'name').value).toBe('Ada Lovelace');
    expect(text(again.shadowRoot!.querySelector('.results') as HTMLElement)).toBe(results);

    // Following another link on the same page takes its answers.
    const moved = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    location.hash = hashWithAnswers(KEY, assessment({ [keys[0]!]: 'staff' }), '')!;
    await moved;
    await again.updateComplete;
    expect(checked(again)).toEqual({ [keys[0]!]: 'staff' });
    // An anchor of the page's own leaves the answers alone; a broken link of ours empties them, saying so.
    location.hash = 'top';
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    await again.updateComplete;
    expect(checked(again)).toEqual({ [keys[0]!]: 'staff' });
    location.hash = `${KEY}=broken`;
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    await again.updateComplete;
    expect(checked(again)).toEqual({});
    expect(text(part(again, 'notice'))).toBe('The answers in this link could not be read; the assessment starts empty.');
  });

  it('downloads the answers as JSON and loads them back from the file', async () => {
    linkTo(assessment(plan(), { name: 'Ada Lovelace' }));
    const element = await assess();
    const made: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (made.push(blob as Blob), 'blob:nowhere'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    button(element, 'Download answers').click();
    expect(made).toHaveLength(1);
    const downloaded = JSON.parse(await made[0]!.text()) as unknown;
    expect(downloaded).toEqual(assessment(plan(), { name: 'Ada Lovelace' }));

    button(element, 'Start over').click();
    await element.updateComplete;
    expect(checked(element)).toEqual({});
    expect(location.hash).toBe('');
    expect(text(part(element, 'notice'))).toContain('Started over');

    await pick(element, 'answers-file', file(downloaded, 'ada.json'));
    expect(checked(element)).toEqual(plan());
    expect(input(element, 'name').value).toBe('Ada Lovelace');
    expect(text(part(element, 'notice'))).toContain('Answers loaded from ada.json.');
    expect(readHashAnswers(KEY)).toEqual(downloaded);
  });

  it('shows the gaps largest first with both descriptions, the capabilities to grow, the step attempted and the signs below', async () => {
    const [staff, principal, top] = framework.levels;
    const caps = framework.capabilities.map((c) => `capability:${c.slug}`);
    const answers: Record<string, string> = Object.fromEntries(framework.dimensions.map((d) => [`dimension:${d.slug}`, staff!.slug]));
    answers[caps[0]!] = top!.slug;
    answers[caps[1]!] = 'not-yet';
    answers[caps[2]!] = principal!.slug;
    answers[caps[3]!] = staff!.slug;
    linkTo(assessment(answers));
    const element = await assess();

    const gaps = [...part(element, 'gaps')!.querySelectorAll(':scope > li')];
    const titleOf = (li: Element) => li.querySelector('.axis-name')!.textContent;
    const capTitle = (i: number) => framework.capabilities[i]!.title;
    // "Not yet" is three levels from the top, staff two, principal one; at the top is no gap.
    expect(gaps.map(titleOf)).toEqual([capTitle(1), ...framework.dimensions.map((d) => d.title), capTitle(3), capTitle(2)]);
    const judgementLike = gaps.at(-1)!;
    const notes = framework.capabilities[2]!.atLevel;
    expect(judgementLike.textContent).toContain(notes.find((n) => n.level.slug === principal!.slug)!.text);
    expect(judgementLike.textContent).toContain(notes.find((n) => n.level.slug === top!.slug)!.text);
    expect(text(judgementLike as HTMLElement)).toContain('Levels to go: 1');

    expect([...part(element, 'grow')!.querySelectorAll('li')].map((li) => li.textContent.replace(/ \(.*/, ''))).toEqual([
      capTitle(1),
      capTitle(3),
      capTitle(2),
    ]);
    // Mostly Staff: the step attempted is Staff to Principal.
    expect(text(part(element, 'median'))).toBe(`Your median answer is ${staff!.title}.`);
    const step = framework.transitions.find((t) => t.from.slug === staff!.slug && t.to.slug === principal!.slug)!;
    expect([...part(element, 'stall')!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(step.whyPeopleStall);
    expect([...part(element, 'signals-below')!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(
      staff!.signalsBelow.map((s) => s.text),
    );

    // The profile: a row per axis, its chart a picture hidden from screen readers, the words beside it.
    const rows = [...part(element, 'profile')!.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(keys.length);
    expect(parts(element, 'chart').every((svg) => svg.getAttribute('aria-hidden') === 'true')).toBe(true);
    const row = rows[framework.dimensions.length]!;
    expect(row.querySelector('th')!.textContent).toBe(capTitle(0));
    expect(text(row as HTMLElement)).toContain(`${top!.title} On target`);
    expect(row.querySelectorAll('circle.mine')).toHaveLength(1);

    // A lower target moves the gaps, without asking the API again.
    element.target = principal!.slug;
    await element.updateComplete;
    await vi.waitFor(() => expect(part(element, 'heading')!.textContent).toContain(principal!.title));
    expect([...part(element, 'gaps')!.querySelectorAll(':scope > li')].map(titleOf)).toEqual([
      capTitle(1),
      ...framework.dimensions.map((d) => d.title),
      capTitle(3),
    ]);
  });

  it('compares a second rater side by side, marking differences in words, and removes them', async () => {
    const mine = plan();
    linkTo(assessment(mine));
    const element = await assess();
    const theirs = { ...mine, [keys[0]!]: 'staff', [keys[1]!]: 'not-yet' };
    delete theirs[keys[2]!];
    await pick(element, 'second-rater-file', file(assessment(theirs, { name: 'Grace (manager)' })));
    expect(text(part(element, 'notice'))).toContain("The second rater's answers loaded from answers.json.");
    const header = [...part(element, 'profile')!.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    expect(header).toContain('Grace (manager)');
    const marked = parts(element, 'differs').map((mark) => mark.closest('tr')!.querySelector('th')!.textContent);
    const titles = parts(element, 'axis').map((f) => f.querySelector('legend')!.textContent.trim());
    // An axis only one of them answered is no disagreement.
    expect(marked).toEqual([titles[0], titles[1]]);
    expect(parts(element, 'differs').every((mark) => mark.textContent.includes('differs') && mark.textContent.includes('≠'))).toBe(true);
    expect(text(part(element, 'second-rater'))).toContain("Answers that differ from the second rater's: 2.");
    // Their answers never become mine, nor enter the link.
    expect(checked(element)).toEqual(mine);
    expect(readHashAnswers(KEY)).toEqual(assessment(mine));

    button(element, 'Remove the second rater').click();
    await element.updateComplete;
    expect(parts(element, 'differs')).toEqual([]);
    expect(part(element, 'second-rater')).toBeNull();
  });

  it('prints the summary only, and prints on request', async () => {
    linkTo(assessment(plan()));
    const element = await assess();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    button(element, 'Print').click();
    expect(print).toHaveBeenCalledOnce();
    const shown = (name: string) => getComputedStyle(part(element, name)!).display !== 'none';
    expect(shown('questions') && shown('controls')).toBe(true);
    await devtools().send('Emulation.setEmulatedMedia', { media: 'print' });
    expect(shown('questions')).toBe(false);
    expect(shown('controls')).toBe(false);
    expect(shown('profile') && shown('gaps') && shown('grow')).toBe(true);
  });

  it('sends no answer anywhere: the only request is the persisted query, whatever the reader does', async () => {
    const endpoint = `${altitudeUrl()}?privacy`;
    const sent: string[] = [];
    const realFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((resource, init) => {
      const body = init?.body;
      // A body of any kind is a finding: the widget only ever GETs.
      sent.push(
        `${String(resource instanceof Request ? resource.url : resource)} ${body == null ? '' : typeof body === 'string' ? body : 'a body'}`,
      );
      return realFetch(resource, init);
    });
    const beacon = vi.spyOn(navigator, 'sendBeacon');
    const xhr = vi.spyOn(XMLHttpRequest.prototype, 'open');
    const before = performance.getEntriesByType('resource').length;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    vi.spyOn(window, 'print').mockImplementation(() => undefined);

    const element = await assess('', endpoint);
    for (const radio of element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[value="principal"]')) radio.click();
    const name = input(element, 'name');
    name.value = 'Secret Name';
    name.dispatchEvent(new Event('input'));
    button(element, 'Download answers').click();
    await pick(element, 'answers-file', file(assessment({ [keys[0]!]: 'distinguished' }, { name: 'Secret Name' })));
    await pick(element, 'second-rater-file', file(assessment({ [keys[0]!]: 'staff' }, { name: 'Other Secret' })));
    button(element, 'Print').click();
    button(element, 'Remove the second rater').click();
    button(element, 'Start over').click();
    await element.updateComplete;

    const requests = [
      ...sent,
      ...performance
        .getEntriesByType('resource')
        .slice(before)
        .map((e) => e.name),
    ];
    const altitude = new URL(altitudeUrl()).origin;
    const api = requests.filter((r) => r.startsWith(altitude));
    // The persisted query, with no variables at all (English asks for no locale), by fetch and as a resource.
    expect(api.length).toBeGreaterThan(0);
    for (const request of api) expect(request.trim()).toBe(`${endpoint}&id=${SelfAssessmentOperation}`);
    for (const request of requests)
      expect(request).not.toMatch(/Secret|principal|distinguished|dimension|capability|not-yet|de-self-assessment/);
    expect(beacon).not.toHaveBeenCalled();
    expect(xhr).not.toHaveBeenCalled();
  });

  describe('hostile links and files', () => {
    it.each([
      ['far too long', `#${KEY}=${'A'.repeat(MAX_ANSWER_BYTES * 4)}`],
      ['not base64 JSON', `#${KEY}=%%%not-json`],
      ['another tool', hashWithAnswers(KEY, { v: 1, tool: 'role-health-check', answers: {} }, '')!],
      ['another version', hashWithAnswers(KEY, { v: 2, tool: 'self-assessment', answers: {} }, '')!],
      ['answers as a list', hashWithAnswers(KEY, { v: 1, tool: 'self-assessment', answers: ['staff'] }, '')!],
    ])('refuses a link %s with a visible message, and starts empty', async (_, hash) => {
      history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
      const element = await assess();
      expect(await settled(element)).toBe('load');
      expect(text(part(element, 'notice'))).toBe('The answers in this link could not be read; the assessment starts empty.');
      expect(part(element, 'notice')!.getAttribute('role')).toBe('status');
      expect(checked(element)).toEqual({});
    });

    it('keeps what a link can hold and says how much it left out: unknown keys, unknown levels, wrong types, too many', async () => {
      const entries = [
        `"${keys[0]}": "staff"`,
        `"${keys[1]}": "not-yet"`,
        `"dimension:made-up": "staff"`,
        `"${keys[2]}": "fellow"`,
        `"${keys[3]}": 3`,
        `"${keys[4]}": {"toString": "staff"}`,
        `"__proto__": "staff"`,
        `"constructor": "staff"`,
        `"${'x'.repeat(200)}": "staff"`,
        ...Array.from({ length: 200 }, (_, i) => `"capability:extra-${i}": "staff"`),
      ];
      const name = `  Ada\u0000 ${'L'.repeat(300)}`;
      const raw = `{"v":1,"tool":"self-assessment","name":${JSON.stringify(name)},"answers":{${entries.join(',')}}}`;
      history.replaceState(
        null,
        '',
        `${location.pathname}${location.search}#${KEY}=${btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`,
      );
      const element = await assess();
      expect(await settled(element)).toBe('load');
      expect(checked(element)).toEqual({ [keys[0]!]: 'staff', [keys[1]!]: 'not-yet' });
      expect(text(part(element, 'notice'))).toContain('The name was shortened to 80 characters.');
      expect(text(part(element, 'notice'))).toContain(
        `Entries left out (not questions of this assessment, or not answers to them): ${entries.length - 2}.`,
      );
      expect(input(element, 'name').value).toBe(`Ada ${'L'.repeat(76)}`);
      expect(Object.prototype).not.toHaveProperty('staff');
    });

    it.each([
      ['too large', file('x'.repeat(MAX_ANSWER_BYTES + 1)), 'The file is larger than 16 kB: it cannot be answers from this tool.'],
      ['not JSON', file('{"v": 1,'), 'The file is not JSON: choose a file this tool downloaded.'],
      ['from another tool', file({ v: 1, tool: 'role-health-check', checked: [] }), 'The file holds no self-assessment answers.'],
      ['a bare list', file([1, 2, 3]), 'The file holds no self-assessment answers.'],
      ['null', file('null'), 'The file holds no self-assessment answers.'],
    ])('refuses a file %s, says why, and keeps the answers', async (_, picked, message) => {
      linkTo(assessment({ [keys[0]!]: 'principal' }));
      const element = await assess();
      for (const field of ['answers-file', 'second-rater-file'] as const) {
        await pick(element, field, picked);
        expect(text(part(element, 'notice'))).toBe(message);
        expect(checked(element)).toEqual({ [keys[0]!]: 'principal' });
        expect(parts(element, 'differs')).toEqual([]);
        // Picked again, the same file is read again.
        button(element, 'Start over').click();
        linkTo(assessment({ [keys[0]!]: 'principal' }));
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        await element.updateComplete;
      }
    });
  });

  describe('languages and accessibility', () => {
    it.each([
      ['de', 'Selbsteinschätzung gemessen an'],
      ['ja', 'を目標とした自己評価'],
    ])('speaks %s in its own words', async (lang, heading) => {
      linkTo(assessment(plan()));
      const element = await assess(`lang="${lang}"`);
      expect(part(element, 'heading')!.textContent).toContain(heading);
      expect(text(part(element, 'profile'))).not.toContain('Levels to go');
    });

    it('marks content served from another language with its lang', async () => {
      // The fallback server has no Japanese: the content comes in English, the widget's words in Japanese.
      const element = await assess('lang="ja"', fallbackUrl());
      expect(element.shadowRoot!.querySelector('legend')!.getAttribute('lang')).toBe('en');
      expect(element.shadowRoot!.querySelector('.option .level')!.textContent).toBe('まだ');
    });

    it('runs right to left in ar-XB, its charts mirrored', async () => {
      linkTo(assessment(plan()));
      const element = await assess('lang="ar-XB"');
      expect(part(element, 'base')!.getAttribute('dir')).toBe('rtl');
      expect(getComputedStyle(part(element, 'chart')!).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    });

    it.each(['light', 'dark'])('has no WCAG A/AA violations with answers and a second rater, in the %s theme', async (theme) => {
      linkTo(assessment(plan(), { name: 'Ada' }));
      const element = await assess(`theme="${theme}"`);
      await pick(element, 'second-rater-file', file(assessment({ ...plan(), [keys[0]!]: 'staff' })));
      expect(colours(element).background).toBe(theme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      expect(await axeViolations(element)).toEqual([]);
    });

    it('has no WCAG A/AA violations empty', async () => {
      expect(await axeViolations(await renderWidget('de-self-assessment'))).toEqual([]);
    });
  });
});
