import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { altitudeUrl, axeViolations, cleanup, colours, fallbackUrl, mount, part, parts, settled, text } from '../../test/fixture.js';
import { ask } from '../../test/interpreted.js';
import { de } from '../i18n/locales/de.js';
import { ja } from '../i18n/locales/ja.js';
import { FailureModeCardOperation, RoleHealthCheckOperation } from '../queries/generated.js';
import { hashWithAnswers, MAX_ANSWER_BYTES } from '../shared/private-answers.js';
import { ANSWERS_KEY } from './answers.js';
import { MAX_SYMPTOMS_PER_MODE } from './checklist.js';
import './define.js';
import type { RoleHealthCheck } from './role-health-check.js';

interface Mode {
  slug: string;
  title: string;
  symptoms: string[];
  consequences: string[];
  preventedBy: { title: string }[];
}

/** The failure modes as the API serves them, asked directly: what the checklist must hold. */
const modes = async (locale = 'en', endpoint = altitudeUrl()) =>
  (
    await (
      await fetch(
        `${endpoint}?query=${encodeURIComponent(`{ failureModes(locale: "${locale}") { slug title symptoms(format: TEXT) consequences(format: TEXT) preventedBy { title } fallbacks { field locale } } }`)}`,
        { headers: { accept: 'application/json' } },
      )
    ).json()
  ).data.failureModes as (Mode & { fallbacks: { field: string; locale: string }[] })[];

const clearHash = () => history.replaceState(null, '', `${location.pathname}${location.search}`);
const setHash = (answers: unknown) =>
  history.replaceState(null, '', `${location.pathname}${location.search}${hashWithAnswers(ANSWERS_KEY, answers, '')}`);
/** Our part of the fragment, decoded. */
const hashAnswers = () => {
  const part = location.hash
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.startsWith(`${ANSWERS_KEY}=`));
  if (!part) return undefined;
  const b64 = part
    .slice(ANSWERS_KEY.length + 1)
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)))) as { v: number; checked: string[] };
};

beforeEach(clearHash);
afterEach(() => {
  cleanup();
  clearHash();
  vi.restoreAllMocks();
});

async function check(attributes = '', options: { width?: string; endpoint?: string } = {}): Promise<RoleHealthCheck> {
  const element = mount<RoleHealthCheck>(
    `<de-role-health-check endpoint="${options.endpoint ?? altitudeUrl()}" ${attributes}></de-role-health-check>`,
    options,
  );
  expect(await settled(element)).toBe('load');
  await element.updateComplete;
  return element;
}

const boxes = (element: HTMLElement) => [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
const labelOf = (element: HTMLElement, box: HTMLInputElement) =>
  element.shadowRoot!.querySelector(`label[for="${box.id}"]`)!.textContent.replace(/\s+/g, ' ').trim();
/** The checkbox of a mode's symptom, by the API's text. */
const boxFor = (element: HTMLElement, symptom: string) => boxes(element).find((box) => labelOf(element, box) === symptom)!;
const modeOf = (element: HTMLElement, slug: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part~="mode"][data-mode="${slug}"]`)!;
const strength = (element: HTMLElement, slug: string) => text(modeOf(element, slug).querySelector('[part~="strength"]'));
const notices = (element: HTMLElement) => parts(element, 'notice').map((n) => n.textContent.trim());
const tick = async (element: RoleHealthCheck, box: HTMLInputElement) => {
  box.click();
  await element.updateComplete;
};
/** Waits for a re-render the hash or a file caused. */
const rendered = async (element: RoleHealthCheck) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
  await element.updateComplete;
};

describe('<de-role-health-check>', () => {
  it('lists every symptom once, as a native checkbox in a fieldset with a legend, mixing the modes', async () => {
    const served = await modes();
    const element = await check();
    const fieldset = part(element, 'checklist')!;
    expect(fieldset.tagName).toBe('FIELDSET');
    expect(fieldset.querySelector('legend')!.textContent.trim()).toBe('What do you see in your organisation?');
    const distinct = new Set(served.flatMap((m) => m.symptoms.map((s) => s.trim())));
    const labels = boxes(element).map((box) => labelOf(element, box));
    expect(labels.sort()).toEqual([...distinct].sort());
    expect(boxes(element).every((box) => fieldset.contains(box))).toBe(true);
    // No two neighbours come from the same mode, and the list does not follow the API's order.
    const modeOfText = new Map(served.flatMap((m) => m.symptoms.map((s) => [s.trim(), m.slug] as const)));
    const order = boxes(element).map((box) => modeOfText.get(labelOf(element, box)));
    for (let i = 1; i < order.length; i++) expect(order[i], `${i}`).not.toBe(order[i - 1]);
    expect(boxes(element).map((box) => labelOf(element, box))).not.toEqual(served.flatMap((m) => m.symptoms.map((s) => s.trim())));
  });

  it('keeps the same order on every load and in every language', async () => {
    const first = boxes(await check()).map((box) => box.value);
    cleanup();
    const again = boxes(await check()).map((box) => box.value);
    const german = boxes(await check('lang="de"')).map((box) => box.value);
    const japanese = boxes(await check('lang="ja"')).map((box) => box.value);
    expect(again).toEqual(first);
    expect(german).toEqual(first);
    expect(japanese).toEqual(first);
    expect(first.every((id) => /^[a-z-]+\.\d+$/.test(id))).toBe(true);
  });

  it('names the failure modes shown and how strongly, with consequences and the practices that prevent them', async () => {
    const served = await modes();
    const coder = served.find((m) => m.slug === 'super-coder')!;
    const title = served.find((m) => m.slug === 'title-without-the-role')!;
    const element = await check();
    expect(text(part(element, 'result-summary'))).toBe('Tick the statements that fit to see which failure modes your organisation shows.');
    expect(strength(element, 'super-coder')).toBe(`No signs · 0 of ${coder.symptoms.length} symptoms`);
    // Nothing of a mode not shown but its name and strength.
    expect(modeOf(element, 'super-coder').querySelector('[part~="consequences"]')).toBeNull();

    // Three of the super-coder's four: more than half, strong.
    for (const symptom of coder.symptoms.slice(0, 3)) await tick(element, boxFor(element, symptom.trim()));
    // One of the title's two: half, some.
    await tick(element, boxFor(element, title.symptoms[0]!.trim()));
    expect(strength(element, 'super-coder')).toBe(`Strong signs · 3 of ${coder.symptoms.length} symptoms`);
    expect(strength(element, 'title-without-the-role')).toBe(`Some signs · 1 of ${title.symptoms.length} symptoms`);
    expect(strength(element, 'floating-advisor')).toMatch(/^No signs · 0 of \d+ symptoms$/);
    expect(text(part(element, 'result-summary'))).toBe(`Strong signs of ${coder.title}. Some signs of ${title.title}.`);
    // Strongest first.
    expect(parts(element, 'mode').map((m) => m.dataset.mode)).toEqual([
      'super-coder',
      'title-without-the-role',
      ...served.map((m) => m.slug).filter((s) => s !== 'super-coder' && s !== 'title-without-the-role'),
    ]);
    const shown = modeOf(element, 'super-coder');
    expect([...shown.querySelector('[part~="consequences"]')!.querySelectorAll('li')].map((li) => li.textContent.trim())).toEqual(
      coder.consequences.map((c) => c.trim()),
    );
    expect(text(shown.querySelector('[part~="practices"]'))).toContain(coder.preventedBy[0]!.title);
    expect(text(part(element, 'sources'))).toContain('What Distinguished Engineers Actually Do');

    // All of the title's: strong too; unticking everything: back to the prompt.
    await tick(element, boxFor(element, title.symptoms[1]!.trim()));
    expect(strength(element, 'title-without-the-role')).toBe(`Strong signs · 2 of 2 symptoms`);
    for (const box of boxes(element).filter((b) => b.checked)) await tick(element, box);
    expect(parts(element, 'mode').every((m) => m.matches('.none'))).toBe(true);
    expect(text(part(element, 'result-summary'))).toBe('Tick the statements that fit to see which failure modes your organisation shows.');
  });

  it('announces the result politely, without taking focus from the checkbox', async () => {
    const element = await check();
    const summary = part(element, 'result-summary')!;
    expect(summary.getAttribute('aria-live')).toBe('polite');
    const box = boxes(element)[0]!;
    box.focus();
    await tick(element, box);
    expect(element.shadowRoot!.activeElement).toBe(box);
    expect(part(element, 'result-summary')).toBe(summary);
    expect(summary.textContent).toMatch(/^Some signs of /);
    expect(part(element, 'notices')!.getAttribute('role')).toBe('status');
  });

  it('is filled in with the keyboard alone, reloads from the link, downloads, starts over and uploads again', async () => {
    const before = mount<HTMLButtonElement>('<button>before</button>');
    const element = await check();
    before.focus();
    // Tab into the checklist, Space to tick, Tab to the next, Space again.
    await userEvent.keyboard('{Tab}');
    expect(element.shadowRoot!.activeElement).toBe(boxes(element)[0]);
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard(' ');
    await element.updateComplete;
    const ticked = boxes(element).filter((b) => b.checked);
    expect(ticked.map((b) => b.value)).toEqual([boxes(element)[0]!.value, boxes(element)[2]!.value]);
    const ids = ticked.map((b) => b.value).sort();
    expect(hashAnswers()).toEqual({ v: 1, tool: 'role-health-check', checked: ids });

    // A reload: a new widget on the same address shows the same ticks and result.
    const result = text(part(element, 'result-summary'));
    cleanup();
    const reloaded = await check();
    await rendered(reloaded);
    expect(
      boxes(reloaded)
        .filter((b) => b.checked)
        .map((b) => b.value)
        .sort(),
    ).toEqual(ids);
    expect(text(part(reloaded, 'result-summary'))).toBe(result);

    // Download, with the keyboard: the file is made in the page.
    const blobs: Blob[] = [];
    const create = URL.createObjectURL.bind(URL);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return create(blob);
    });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('role-health-check.json');
    });
    (part(reloaded, 'download') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    expect(clicked).toHaveBeenCalledOnce();
    const file = JSON.parse(await blobs[0]!.text()) as unknown;
    expect(file).toEqual({ v: 1, tool: 'role-health-check', checked: ids });

    // Start over, with the keyboard: no ticks, and the link holds none.
    (part(reloaded, 'start-over') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await reloaded.updateComplete;
    expect(boxes(reloaded).some((b) => b.checked)).toBe(false);
    expect(location.hash).toBe('');
    expect(notices(reloaded)).toEqual(['Started over: every tick is cleared.']);

    // Upload the downloaded file again.
    await upload(reloaded, new File([blobs[0]!], 'mine.json', { type: 'application/json' }));
    expect(
      boxes(reloaded)
        .filter((b) => b.checked)
        .map((b) => b.value)
        .sort(),
    ).toEqual(ids);
    expect(notices(reloaded)).toEqual(['Answers loaded from mine.json.']);
    expect(hashAnswers()!.checked).toEqual(ids);
  });

  it('follows a pasted link (hashchange), and keeps its ticks when the page follows an anchor of its own', async () => {
    const element = await check();
    const [a, b] = boxes(element).map((box) => box.value);
    location.hash = hashWithAnswers(ANSWERS_KEY, { v: 1, tool: 'role-health-check', checked: [a, b] }, '')!;
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    await rendered(element);
    expect(
      boxes(element)
        .filter((box) => box.checked)
        .map((box) => box.value)
        .sort(),
    ).toEqual([a, b].sort());
    location.hash = '#top';
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    await rendered(element);
    expect(boxes(element).filter((box) => box.checked)).toHaveLength(2);
    // The page's anchor is its own: the answers stay on screen and out of it, so its navigation keeps working.
    expect(location.hash).toBe('#top');
    await tick(
      element,
      boxes(element).find((box) => !box.checked)!,
    );
    expect(location.hash).toBe('#top');
    expect(notices(element)).toContain(
      'This page keeps its own place in its address, so the answers stay out of the link; download them to keep them.',
    );
  });

  it('prints: a Print button calls window.print, and paper hides the controls and shows what was ticked', async () => {
    const printed = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const element = await check();
    await tick(element, boxes(element)[0]!);
    (part(element, 'print') as HTMLButtonElement).click();
    expect(printed).toHaveBeenCalledOnce();
    const rules = element.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const print = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.media.mediaText === 'print').map((r) => r.cssText);
    const hidden = print.join('\n');
    for (const selector of ['.checklist-form', '.controls', 'details.card']) expect(hidden).toContain(selector);
    // What was ticked is in the result, for paper, and only there.
    expect(text(part(element, 'ticked'))).toContain(labelOf(element, boxes(element)[0]!));
    expect(getComputedStyle(part(element, 'ticked')!).display).toBe('none');
  });

  it('opens the failure-mode card in place, with the same endpoint, language and theme, fetched only once opened', async () => {
    const served = await modes('de');
    const element = await check('lang="de" theme="dark"');
    await tick(element, boxes(element)[0]!);
    const mode = parts(element, 'mode')[0]!;
    const details = mode.querySelector<HTMLDetailsElement>('[part~="card"]')!;
    expect(details.tagName).toBe('DETAILS');
    expect(details.querySelector('de-failure-mode-card')).toBeNull();
    details.querySelector('summary')!.click();
    await new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
    await element.updateComplete;
    const card = details.querySelector('de-failure-mode-card')!;
    expect(card.getAttribute('mode')).toBe(mode.dataset.mode);
    expect([card.getAttribute('endpoint'), card.getAttribute('lang'), card.getAttribute('theme')]).toEqual([altitudeUrl(), 'de', 'dark']);
    expect(await settled(card)).toBe('load');
    expect(part(card, 'title')!.textContent).toContain(served.find((m) => m.slug === mode.dataset.mode)!.title);
  });

  it('links each result to the card from a card-href template, encoded, http(s) or relative only', async () => {
    const element = await check('card-href="/wiki/failure-modes#{slug}"');
    await tick(element, boxes(element)[0]!);
    const mode = parts(element, 'mode')[0]!;
    const link = mode.querySelector<HTMLAnchorElement>('[part~="card-link"]')!;
    expect(link.getAttribute('href')).toBe(`/wiki/failure-modes#${mode.dataset.mode}`);
    expect(mode.querySelector('details')).toBeNull();
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'java\tscript:x', '']) {
      const refused = mount<RoleHealthCheck>(`<de-role-health-check endpoint="${altitudeUrl()}"></de-role-health-check>`);
      refused.setAttribute('card-href', bad);
      expect(await settled(refused), bad).toBe('error');
      expect(text(part(refused, 'error'))).toContain('card-href must be an http(s) or relative URL');
    }
  });

  it('says its own words in German and Japanese, and marks content served in another language', async () => {
    const german = await check('lang="de"');
    expect(part(german, 'legend')!.textContent.trim()).toBe(de['What do you see in your organisation?']);
    expect(part(german, 'print')!.textContent.trim()).toBe(de.Print);
    const japanese = await check('lang="ja"');
    expect(part(japanese, 'heading')!.textContent.trim()).toBe(ja['Is the organisation getting the role wrong?']);
    await tick(japanese, boxes(japanese)[0]!);
    expect(text(parts(japanese, 'mode')[0]!.querySelector('[part~="strength"]'))).toContain(ja['Some signs']);

    // The fallback server's German lacks some strings: those carry lang="en", nothing else does.
    const served = await modes('de', fallbackUrl());
    const fallbacks = served.flatMap((m) => m.fallbacks.filter((f) => f.field.startsWith('symptoms[')));
    const marked = await check('lang="de"', { endpoint: fallbackUrl() });
    const englishLabels = [...marked.shadowRoot!.querySelectorAll('label [lang="en"]')];
    expect(englishLabels).toHaveLength(fallbacks.length);
    expect(part(marked, 'base')!.hasAttribute('lang')).toBe(false);
  });

  it('runs right to left in ar-XB', async () => {
    const element = await check('lang="ar-XB"');
    expect(part(element, 'base')!.getAttribute('dir')).toBe('rtl');
    const label = element.shadowRoot!.querySelector('label')!;
    const box = boxes(element)[0]!;
    // The checkbox stands at the line's start, which is on the right.
    expect(box.getBoundingClientRect().left).toBeGreaterThan(label.getBoundingClientRect().left);
  });

  it('fits a phone-width container', async () => {
    const element = await check('', { width: '320px' });
    await tick(element, boxes(element)[0]!);
    for (const box of element.shadowRoot!.querySelectorAll<HTMLElement>('[part], li, label'))
      if (box.clientWidth > 0) expect(box.scrollWidth, box.getAttribute('part') ?? box.localName).toBeLessThanOrEqual(box.clientWidth + 1);
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme, with results, a notice and an open card', async (theme) => {
    const element = await check(`theme="${theme}"`);
    expect(colours(element).background).toBe(theme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
    for (const box of boxes(element).slice(0, 4)) await tick(element, box);
    (part(element, 'start-over') as HTMLButtonElement).click();
    await element.updateComplete;
    for (const box of boxes(element).slice(0, 4)) await tick(element, box);
    await upload(element, new File(['nope'], 'x.json'));
    const details = element.shadowRoot!.querySelector<HTMLDetailsElement>('details')!;
    details.open = true;
    await new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
    await element.updateComplete;
    expect(await settled(details.querySelector('de-failure-mode-card')!)).toBe('load');
    expect(await axeViolations(element)).toEqual([]);
  });
});

/** Picks `file` in the widget's file input, as a reader would, and waits for it to be read. */
async function upload(element: RoleHealthCheck, file: File): Promise<void> {
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  // Every upload, taken or refused, ends by setting new notices; reading the
  // file is asynchronous and takes longer on a busy machine.
  const before = noticesOf(element);
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await vi.waitFor(() => expect(noticesOf(element)).not.toBe(before), { timeout: 5_000 });
  await element.updateComplete;
}

const noticesOf = (element: RoleHealthCheck) => (element as unknown as { notices: unknown }).notices;

describe('<de-role-health-check> answers are private', () => {
  it('makes no request but the persisted queries while filling in, sharing, downloading, uploading and starting over', async () => {
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) requests.push(entry.name);
    });
    observer.observe({ type: 'resource', buffered: false });
    const fetched: string[] = [];
    const realFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      const body = init?.body == null ? '' : typeof init.body === 'string' ? init.body : '(a body)';
      fetched.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : String(input)} ${body}`);
      return realFetch(input, init);
    });
    const beacon = vi.spyOn(navigator, 'sendBeacon');

    // A fresh endpoint address, so nothing cached is reused and every request is seen.
    const endpoint = `${altitudeUrl()}?private-${Date.now()}`;
    const element = await check('', { endpoint });
    for (const box of boxes(element).slice(0, 5)) await tick(element, box);
    const answers = hashAnswers()!;
    expect(answers.checked).toHaveLength(5);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    (part(element, 'download') as HTMLButtonElement).click();
    cleanup();
    const reloaded = await check('', { endpoint });
    await rendered(reloaded);
    await upload(reloaded, new File([JSON.stringify({ v: 1, tool: 'role-health-check', checked: answers.checked.slice(0, 2) })], 'a.json'));
    (part(reloaded, 'start-over') as HTMLButtonElement).click();
    // Opening a card fetches that card's content, by its persisted query: still no answer.
    await tick(reloaded, boxes(reloaded)[0]!);
    const details = reloaded.shadowRoot!.querySelector<HTMLDetailsElement>('details')!;
    details.open = true;
    await new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
    await reloaded.updateComplete;
    expect(await settled(details.querySelector('de-failure-mode-card')!)).toBe('load');
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();

    expect(beacon).not.toHaveBeenCalled();
    const ours = fetched.filter((f) => !f.includes('/@') && !f.includes('/node_modules/'));
    expect(ours.length).toBeGreaterThanOrEqual(2);
    for (const request of ours) {
      expect(request).toMatch(/^GET /);
      const url = new URL(request.split(' ')[1]!);
      expect(`${url.origin}${url.pathname}`).toBe(altitudeUrl());
      expect([RoleHealthCheckOperation, FailureModeCardOperation]).toContain(url.searchParams.get('id'));
      expect(request.split(' ')[2]).toBe('');
    }
    // Whatever the page requested (scripts, the API), nothing carries an answer or the fragment.
    const encoded = location.hash.replace(/^#/, '');
    for (const url of [...requests, ...fetched]) {
      for (const id of answers.checked) expect(decodeURIComponent(url)).not.toContain(id);
      if (encoded) expect(url).not.toContain(encoded);
      expect(url).not.toContain(ANSWERS_KEY);
    }
  });
});

describe('<de-role-health-check> hostile answers', () => {
  it('refuses a link too large to hold answers, with a visible message, and starts empty', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `super-coder.${i % 1000}`);
    const encoded = btoa(JSON.stringify({ v: 1, tool: 'role-health-check', checked: ids })).replace(/=+$/, '');
    history.replaceState(null, '', `${location.pathname}#${ANSWERS_KEY}=${encoded}`);
    expect(encoded.length).toBeGreaterThan(MAX_ANSWER_BYTES);
    const element = await check();
    await rendered(element);
    expect(boxes(element).some((b) => b.checked)).toBe(false);
    expect(notices(element)).toEqual(['The answers in this link could not be read; the checklist starts empty.']);
    // The unreadable part is gone from the link: sharing it now shares nothing broken.
    expect(location.hash).toBe('');
  });

  it('trims a link with too many ids, drops unknown ones and wrong types, and says how many', async () => {
    const element0 = await check();
    const known = boxes(element0).map((b) => b.value);
    cleanup();
    const many = Array.from({ length: 600 }, (_, i) => `made-up-mode.${i}`);
    setHash({ v: 1, tool: 'role-health-check', checked: [known[0], 42, null, { id: known[1] }, 'UPPER.1', known[2], ...many] });
    const element = await check();
    await rendered(element);
    expect(
      boxes(element)
        .filter((b) => b.checked)
        .map((b) => b.value)
        .sort(),
    ).toEqual([known[0], known[2]].sort());
    // 602 well-formed ids: the first 200 are kept for checking, 402 trimmed; of the 200, 198 unknown, plus 4 of the wrong form.
    expect(notices(element)).toEqual([
      'Entries left out (more than the checklist holds): 402.',
      'Entries ignored (not symptoms on this checklist): 202.',
    ]);
    expect(hashAnswers()!.checked).toEqual([known[0], known[2]].sort());
  });

  it.each([
    ['an array', [1, 2, 3]],
    ['a string', 'super-coder.0'],
    ['another tool', { v: 1, tool: 'self-assessment', checked: ['super-coder.0'] }],
    ['no version', { checked: ['super-coder.0'] }],
    ['checked not a list', { v: 1, checked: 'super-coder.0' }],
  ])('ignores a link holding %s, with a visible message', async (_, value) => {
    setHash(value);
    const element = await check();
    await rendered(element);
    expect(boxes(element).some((b) => b.checked)).toBe(false);
    expect(notices(element)).toEqual(['The answers in this link could not be read; the checklist starts empty.']);
  });

  it('says a link from another version cannot be read', async () => {
    setHash({ v: 7, tool: 'role-health-check', checked: ['super-coder.0'] });
    const element = await check();
    await rendered(element);
    expect(notices(element)).toEqual(['These answers are in version 7, which this tool cannot read.']);
  });

  it('reports a non-base64 or non-JSON fragment', async () => {
    history.replaceState(null, '', `${location.pathname}#${ANSWERS_KEY}=%%%not-base64`);
    const element = await check();
    await rendered(element);
    expect(notices(element)).toEqual(['The answers in this link could not be read; the checklist starts empty.']);
  });

  it.each([
    [
      'a 10 MB file',
      () => new File([new Uint8Array(10 * 1024 * 1024).fill(32)], 'big.json'),
      'The file is larger than 16 kB: it cannot be answers from this tool.',
    ],
    [
      'a file that is not JSON',
      () => new File(['{ v: 1, checked'], 'bad.json'),
      'The file is not JSON: choose a file this tool downloaded.',
    ],
    [
      'another tool’s file',
      () => new File([JSON.stringify({ v: 1, tool: 'self-assessment', checked: [] })], 'o.json'),
      'The file holds no role health check answers.',
    ],
    [
      'a newer version',
      () => new File([JSON.stringify({ v: 2, tool: 'role-health-check', checked: [] })], 'n.json'),
      'These answers are in version 2, which this tool cannot read.',
    ],
    ['JSON null', () => new File(['null'], 'null.json'), 'The file holds no role health check answers.'],
  ])('refuses %s with a clear message, keeping the ticks', async (_, file, message) => {
    const element = await check();
    await tick(element, boxes(element)[0]!);
    await upload(element, file());
    expect(notices(element)).toEqual([message]);
    expect(boxes(element).filter((b) => b.checked)).toHaveLength(1);
    expect(part(element, 'error')).toBeNull();
  });

  it('drops unknown ids from a file, saying how many', async () => {
    const element = await check();
    const known = boxes(element)[3]!.value;
    await upload(
      element,
      new File([JSON.stringify({ v: 1, tool: 'role-health-check', checked: [known, 'no-such-mode.0', 'super-coder.99'] })], 'f.json'),
    );
    expect(
      boxes(element)
        .filter((b) => b.checked)
        .map((b) => b.value),
    ).toEqual([known]);
    expect(notices(element)).toEqual(['Answers loaded from f.json.', 'Entries ignored (not symptoms on this checklist): 2.']);
  });
});

describe('the checklist from a hostile endpoint', () => {
  it('stays bounded and never throws on symptoms that repeat, are huge or many', async () => {
    const served = await modes();
    const realFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation(async (...args) => {
      const response = await realFetch(...args);
      const answer = (await response.json()) as { data: { failureModes: Mode[] } };
      const [first, second] = answer.data.failureModes;
      // A symptom repeated in another mode (spaced and cased differently) is one line that counts for both.
      second!.symptoms = [...second!.symptoms, `  ${first!.symptoms[0]!.toUpperCase()}  `];
      first!.symptoms = [...first!.symptoms, ...Array.from({ length: 5000 }, (_, i) => `x${i}`)];
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    });
    const element = await check('', { endpoint: `${altitudeUrl()}?hostile-${Date.now()}` });
    // MAX_SYMPTOMS_PER_MODE from the first mode at most, and the shared symptom once.
    const others = served.slice(1).reduce((n, m) => n + m.symptoms.length, 0);
    expect(boxes(element)).toHaveLength(MAX_SYMPTOMS_PER_MODE + others);
    await tick(element, boxFor(element, served[0]!.symptoms[0]!.trim()));
    expect(strength(element, served[1]!.slug)).toBe(`Some signs · 1 of ${served[1]!.symptoms.length + 1} symptoms`);
    expect(hashAnswers()!.checked).toEqual([`${served[0]!.slug}.0`, `${served[1]!.slug}.${served[1]!.symptoms.length}`].sort());
  });
});

// Kept apart so the count of modes is the API's, not a copy.
describe('the content the checklist is made from', () => {
  it('has symptoms for every failure mode', async () => {
    const { failureModes } = await ask<{ failureModes: { symptoms: string[] }[] }>('{ failureModes { symptoms(format: TEXT) } }');
    expect(failureModes.length).toBeGreaterThanOrEqual(4);
    expect(failureModes.every((m) => m.symptoms.length > 0)).toBe(true);
  });
});
