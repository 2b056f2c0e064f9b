import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { altitudeUrl, axeViolations, cleanup, fallbackUrl, mount, part, parts, settled, text } from '../../test/fixture.js';
import '../define.js';
import { de } from './locales/de.js';
import { ja } from './locales/ja.js';
import { pseudoCatalogue } from './locales/pseudo.js';
import { say, type Catalogue, type Message } from './messages.js';

// Every widget in every language the widgets have words for, at a phone's
// width and a desktop's: mounted once per language and looked at in many ways.

const WIDGETS = [
  ['de-level-compare', 'levels="staff principal distinguished"'],
  ['de-level-card', 'level="staff"'],
  ['de-failure-mode-card', 'mode="super-coder"'],
  ['de-failure-mode-grid', ''],
  ['de-leverage-mechanisms', ''],
] as const;
type Tag = (typeof WIDGETS)[number][0];

const CATALOGUES: Record<string, Catalogue> = { de, ja, 'en-XA': pseudoCatalogue('en-XA'), 'ar-XB': pseudoCatalogue('ar-XB') };
const WIDTHS = ['320px', '1200px'] as const;

/** A message as the widgets say it in `locale`; never the English (else the test would prove nothing). */
function inLocale(locale: string, key: Message): string {
  const said = say(CATALOGUES[locale], { key });
  expect(said, `${locale}: "${key}"`).not.toBe(key);
  return said;
}

/** What the API serves in a locale, asked directly: what the widgets must show. */
async function content(locale: string, endpoint = altitudeUrl()) {
  const query = `{
    dimensions(locale: "${locale}") { title }
    level(slug: "staff", locale: "${locale}") { title expectations { headline } }
    failureMode(slug: "super-coder", locale: "${locale}") { title summary(format: TEXT) fallbacks { field locale } }
    failureModes(locale: "${locale}") { title }
    leverageMechanisms(locale: "${locale}") { title }
  }`;
  const response = await fetch(`${endpoint}?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json' } });
  return (
    (await response.json()) as {
      data: {
        dimensions: { title: string }[];
        level: { title: string; expectations: { headline: string }[] };
        failureMode: { title: string; summary: string; fallbacks: { field: string; locale: string }[] };
        failureModes: { title: string }[];
        leverageMechanisms: { title: string }[];
      };
    }
  ).data;
}

/** Every widget, in a container of each width carrying `lang`, all settled. */
async function mountAll(lang: string, endpoint = altitudeUrl()): Promise<Record<(typeof WIDTHS)[number], Record<Tag, HTMLElement>>> {
  const at = {} as Record<(typeof WIDTHS)[number], Record<Tag, HTMLElement>>;
  for (const width of WIDTHS) {
    const container = mount<HTMLElement>(
      `<div lang="${lang}">${WIDGETS.map(([tag, attributes]) => `<${tag} endpoint="${endpoint}" ${attributes}></${tag}>`).join('')}</div>`,
      { width },
    );
    at[width] = Object.fromEntries(WIDGETS.map(([tag], i) => [tag, container.children[i] as HTMLElement])) as Record<Tag, HTMLElement>;
  }
  const all = WIDTHS.flatMap((width) => Object.values(at[width]));
  expect(await Promise.all(all.map((element) => settled(element)))).toEqual(all.map(() => 'load'));
  return at;
}

/** The widget and each of its parts that is wider inside than its box. */
function overflowing(element: HTMLElement): string[] {
  const root = element.shadowRoot!;
  const boxes = [element, ...root.querySelectorAll<HTMLElement>('[part], .table-wrap, .card, li, dd, td, th')];
  return boxes
    .filter((box) => box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${element.localName} ${box.localName}[part=${box.getAttribute('part') ?? ''}]: ${box.scrollWidth} > ${box.clientWidth}`);
}

/** Where a block's text starts: at its left or right edge. */
function textSide(block: HTMLElement): 'left' | 'right' {
  const range = document.createRange();
  range.selectNodeContents(block);
  const textBox = range.getBoundingClientRect();
  const box = block.getBoundingClientRect();
  return textBox.left - box.left < box.right - textBox.right ? 'left' : 'right';
}

const titles = (element: HTMLElement) => parts(element, 'title').map((t) => t.textContent?.replace(/\s+/g, ' ').trim() ?? '');

describe.each(['de', 'ja', 'en-XA', 'ar-XB'])('the widgets in %s', (locale) => {
  let at: Awaited<ReturnType<typeof mountAll>>;
  let served: Awaited<ReturnType<typeof content>>;
  let english: Awaited<ReturnType<typeof content>>;

  beforeAll(async () => {
    [served, english] = await Promise.all([content(locale), content('en')]);
    at = await mountAll(locale);
  });
  afterAll(cleanup);

  it('show the content the API serves in the language', () => {
    // Else the checks below could pass on English.
    expect(served.failureMode.title).not.toBe(english.failureMode.title);
    for (const width of WIDTHS) {
      const { 'de-level-compare': compare, 'de-level-card': card } = at[width];
      const { 'de-failure-mode-card': mode, 'de-failure-mode-grid': grid, 'de-leverage-mechanisms': leverage } = at[width];
      expect(parts(compare, 'row-header').map((th) => th.textContent?.trim())).toEqual(served.dimensions.map((d) => d.title));
      expect(parts(compare, 'card-heading').map((h) => h.textContent?.trim())).toEqual(served.dimensions.map((d) => d.title));
      expect(titles(card)[0]).toContain(served.level.title);
      expect(text(card)).toContain(served.level.expectations[0]!.headline);
      expect(titles(mode)[0]).toContain(served.failureMode.title);
      expect(titles(grid).map((t, i) => t.startsWith(served.failureModes[i]!.title))).toEqual(served.failureModes.map(() => true));
      expect(titles(leverage).map((t, i) => t.startsWith(served.leverageMechanisms[i]!.title))).toEqual(
        served.leverageMechanisms.map(() => true),
      );
    }
  });

  it('say their own words in the language', () => {
    const t = (key: Message) => inLocale(locale, key);
    const { 'de-level-compare': compare, 'de-level-card': card } = at['1200px'];
    const { 'de-failure-mode-card': mode, 'de-failure-mode-grid': grid, 'de-leverage-mechanisms': leverage } = at['1200px'];
    expect(part(compare, 'transitions-heading')!.textContent).toBe(t('Moving between these levels'));
    expect(compare.shadowRoot!.querySelector('caption')!.textContent?.trim()).toBe(t('What each level expects on each dimension'));
    // The step from the column before, for screen readers, in the language too.
    const step = parts(compare, 'headline')[1]!.querySelector('.visually-hidden')!.textContent;
    expect(step).toBe(say(CATALOGUES[locale], { key: 'Up from {level}: ', values: { level: served.level.title } }));
    expect(parts(card, 'section-heading').map((h) => h.textContent)).toEqual([
      t('What the level expects'),
      t('Signs of operating below this level'),
      t('Steps in and out'),
    ]);
    expect(parts(mode, 'section-heading').map((h) => h.textContent)).toEqual([t('Symptoms'), t('Consequences'), t('What prevents it')]);
    expect(part(grid, 'heading')!.textContent).toBe(t('How companies get the role wrong'));
    expect(part(leverage, 'heading')!.textContent).toBe(t('How Distinguished Engineers create leverage'));
    for (const element of [compare, card, mode, leverage]) {
      expect(part(element, 'sources')!.querySelector('#sources-label')!.textContent).toBe(t('Sources'));
    }
  });

  it('fit their box at 320px and 1200px: nothing is wider inside than out', () => {
    for (const width of WIDTHS) {
      const problems = Object.values(at[width]).flatMap(overflowing);
      expect(problems, width).toEqual([]);
      for (const element of Object.values(at[width])) {
        expect(element.getBoundingClientRect().width, `${element.localName} at ${width}`).toBeLessThanOrEqual(parseInt(width, 10));
      }
    }
  });

  it('have no WCAG 2 A or AA violation', async () => {
    expect(await axeViolations(at['1200px']['de-level-compare'].parentElement!)).toEqual([]);
  });

  it(`run ${locale === 'ar-XB' ? 'right to left, mirrored' : 'left to right'}`, () => {
    const rtl = locale === 'ar-XB';
    for (const element of Object.values(at['1200px'])) {
      expect(getComputedStyle(part(element, 'base')!).direction, element.localName).toBe(rtl ? 'rtl' : 'ltr');
      expect(textSide(part(element, 'heading') ?? part(element, 'title')!), element.localName).toBe(rtl ? 'right' : 'left');
    }
    const compare = at['1200px']['de-level-compare'];
    // The first column, the dimensions', is at the start: the right under RTL.
    const table = part(compare, 'table')!.getBoundingClientRect();
    const corner = part(compare, 'corner')!.getBoundingClientRect();
    expect(Math.abs((rtl ? table.right : table.left) - (rtl ? corner.right : corner.left))).toBeLessThan(2);
    // The accent on each transition is on its start side.
    const transition = getComputedStyle(part(compare, 'transition')!);
    expect([transition.borderLeftWidth, transition.borderRightWidth]).toEqual(rtl ? ['0px', '4px'] : ['4px', '0px']);
    // The arrow between two levels points the way the text runs.
    expect(part(compare, 'transition')!.querySelector('.name')!.textContent).toContain(rtl ? '←' : '→');
    // Lists are indented at their start.
    const symptoms = getComputedStyle(part(at['1200px']['de-failure-mode-card'], 'symptoms')!);
    expect(parseFloat(rtl ? symptoms.paddingRight : symptoms.paddingLeft)).toBeGreaterThan(10);
    expect(parseFloat(rtl ? symptoms.paddingLeft : symptoms.paddingRight)).toBe(0);
  });
});

describe('text the API served in another language', () => {
  afterAll(cleanup);

  it('carries that language: a stale or missing German string is marked as the English it is', async () => {
    const served = await content('de', fallbackUrl());
    // The fallback server's German lacks these (tests/support/altitude-servers.ts): else this would test nothing.
    expect(served.failureMode.fallbacks).toEqual(
      expect.arrayContaining([
        { field: 'title', locale: 'en' },
        { field: 'summary', locale: 'en' },
      ]),
    );
    const { '1200px': wide } = await mountAll('de', fallbackUrl());
    const mode = wide['de-failure-mode-card'];
    const title = part(mode, 'title')!.querySelector('[lang]')!;
    expect([title.getAttribute('lang'), title.textContent]).toEqual(['en', served.failureMode.title]);
    const summary = part(mode, 'summary')!.querySelector('[lang]')!;
    expect([summary.getAttribute('lang'), summary.textContent?.trim()]).toEqual(['en', served.failureMode.summary]);
    // Only those: the translated symptoms and the widget's own German words carry no lang of their own.
    expect(part(mode, 'symptoms')!.querySelector('[lang]')).toBeNull();
    expect(mode.shadowRoot!.querySelectorAll('[lang]')).toHaveLength(2);
    expect(part(mode, 'base')!.hasAttribute('lang')).toBe(false);
    // The stale headline of Staff's first cell in the comparison, and in the level card.
    const cell = parts(wide['de-level-compare'], 'headline')[0]!.querySelector('[lang]')!;
    expect([cell.getAttribute('lang'), cell.textContent]).toEqual(['en', served.level.expectations[0]!.headline]);
    const card = wide['de-level-card'].shadowRoot!.querySelector('dd .headline [lang]')!;
    expect([card.getAttribute('lang'), card.textContent]).toEqual(['en', served.level.expectations[0]!.headline]);
  });

  it('carries that language when the API has none of the language: Japanese words around English content', async () => {
    const served = await content('ja', fallbackUrl());
    const { '320px': narrow } = await mountAll('ja', fallbackUrl());
    const mode = narrow['de-failure-mode-card'];
    expect(parts(mode, 'section-heading')[0]!.textContent).toBe(ja.Symptoms);
    expect(part(mode, 'title')!.querySelector('[lang="en"]')!.textContent).toBe(served.failureMode.title);
    for (const item of part(mode, 'symptoms')!.querySelectorAll('li')) expect(item.querySelector('.rich')!.getAttribute('lang')).toBe('en');
    // The Japanese words are in the widget's language: nothing says otherwise about them.
    expect(part(mode, 'base')!.hasAttribute('lang')).toBe(false);
    expect(parts(narrow['de-level-compare'], 'card-heading').map((h) => h.querySelector('[lang]')?.getAttribute('lang'))).toEqual(
      served.dimensions.map(() => 'en'),
    );
    // Every widget's titles: each is English, and says so.
    for (const element of [narrow['de-level-card'], narrow['de-failure-mode-grid'], narrow['de-leverage-mechanisms']]) {
      const marked = parts(element, 'title').map((title) => title.querySelector('[lang]')?.getAttribute('lang'));
      expect(marked.length, element.localName).toBeGreaterThan(0);
      expect(marked, element.localName).toEqual(marked.map(() => 'en'));
    }
  });
});
