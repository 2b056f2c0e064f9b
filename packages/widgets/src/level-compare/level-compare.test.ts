import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  altitudeUrl,
  axeViolations,
  cleanup,
  colours,
  mount,
  nextSettle,
  part,
  parts,
  settled,
  text,
  unreachableUrl,
  renderWidget,
  isAnnounced,
  headingLevel,
} from '../../test/fixture.js';
import { ask, type Basis, expectMarkForm, marks, NOTE, widgetEdited } from '../../test/interpreted.js';
import { clientFor } from '../client/graphql-client.js';
import './define.js';
import type { LevelCompare } from './level-compare.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const compare = (attributes: string, width?: string) => renderWidget<LevelCompare>('de-level-compare', attributes, { width });

/** The framework's dimensions, in order, asked of the test server directly. */
async function dimensionTitles(): Promise<string[]> {
  const { dimensions } = await ask<{ dimensions: { title: string }[] }>('{ dimensions { title } }');
  return dimensions.map((d) => d.title);
}

/** The API's answer as the widget gets it: rows of cells, transitions. */
interface Answer {
  data: { compareLevels: { rows: { dimension: { slug: string }; cells: { basis: Basis }[] }[]; transitions: { basis: Basis }[] } };
}
/** Every cell and transition of the answer given `basis`. */
const every = (basis: Basis) => (answer: Answer) => {
  for (const item of [...answer.data.compareLevels.rows.flatMap((row) => row.cells), ...answer.data.compareLevels.transitions])
    item.basis = basis;
  return answer;
};

/** A comparison from the real API, its answer changed by `edit`. */
const compareEdited = (edit: (answer: Answer) => Answer, attributes: string, width?: string) =>
  widgetEdited<LevelCompare, Answer>(edit, 'de-level-compare', attributes, width);

describe('<de-level-compare>', () => {
  it('renders one column per level and one row per dimension from the real API', async () => {
    const dimensions = await dimensionTitles();
    const element = await compare('levels="staff principal distinguished"');
    expect(parts(element, 'column-header').map((th) => th.textContent?.trim())).toEqual([
      'Dimension',
      'Staff Engineer',
      'Principal Engineer',
      'Distinguished Engineer',
    ]);
    const rows = parts(element, 'row-header').map((th) => th.textContent?.trim());
    expect(rows).toEqual(dimensions);
    expect(rows[0]).toBe('Operating scope');
    expect(parts(element, 'cell')).toHaveLength(3 * dimensions.length);
    // A real table with row and column headers.
    const table = part(element, 'table')!;
    expect(table.tagName).toBe('TABLE');
    expect(table.querySelectorAll('th[scope="col"]')).toHaveLength(4);
    expect(table.querySelectorAll('th[scope="row"]')).toHaveLength(dimensions.length);
  });

  it('makes the step between neighbouring levels visible in each row', async () => {
    const { compareLevels } = await ask<{ compareLevels: { rows: { cells: { headline: string }[] }[] } }>(
      '{ compareLevels(slugs: ["staff", "principal", "distinguished"]) { rows { cells { headline } } } }',
    );
    const [staff, principal, distinguished] = compareLevels.rows[0]!.cells.map((cell) => cell.headline);
    const element = await compare('levels="staff principal distinguished"');
    const firstRow = parts(element, 'headline').slice(0, 3);
    // What each headline reads, without a dagger's words (the marks have tests of their own).
    const words = (headline: HTMLElement) => {
      const copy = headline.cloneNode(true) as HTMLElement;
      for (const mark of marks(copy)) mark.remove();
      return copy.textContent?.replace(/\s+/g, ' ').trim();
    };
    expect(firstRow.map(words)).toEqual([staff, `Up from Staff Engineer: ${principal}`, `Up from Principal Engineer: ${distinguished}`]);
    expect(firstRow[1]!.classList.contains('step')).toBe(true);
    expect(firstRow[0]!.classList.contains('step')).toBe(false);
  });

  it('lists the transitions between the compared levels and the sources', async () => {
    const element = await compare('levels="staff distinguished"');
    expect(parts(element, 'transition').map((t) => t.querySelector('.name')?.textContent)).toEqual([
      'Staff Engineer → Principal Engineer',
      'Principal Engineer → Distinguished Engineer',
    ]);
    expect(text(part(element, 'sources'))).toContain('What Distinguished Engineers Actually Do');
  });

  it('shows only the dimensions asked for, in framework order', async () => {
    const element = await compare('levels="staff principal" dimensions="time-horizon operating-scope"');
    expect(parts(element, 'row-header').map((th) => th.textContent?.trim())).toEqual(['Operating scope', 'Time horizon']);
  });

  it('re-renders when an attribute or property changes', async () => {
    const element = await compare('levels="staff principal"');
    expect(parts(element, 'column-header')).toHaveLength(3);
    const next = nextSettle(element);
    element.levels = 'principal distinguished staff';
    await element.updateComplete;
    expect(element.getAttribute('levels')).toBe('principal distinguished staff');
    expect(await next).toBe('load');
    expect(parts(element, 'column-header').map((th) => th.textContent?.trim())).toEqual([
      'Dimension',
      'Principal Engineer',
      'Distinguished Engineer',
      'Staff Engineer',
    ]);
    // Out of rank order, each step says which way it goes.
    expect(
      parts(element, 'headline')
        .slice(0, 3)
        .map((h) => h.querySelector('.visually-hidden')?.textContent ?? ''),
    ).toEqual(['', 'Up from Principal Engineer: ', 'Down from Distinguished Engineer: ']);

    const again = nextSettle(element);
    element.setAttribute('dimensions', 'primary-output');
    expect(await again).toBe('load');
    expect(parts(element, 'row-header').map((th) => th.textContent?.trim())).toEqual(['Primary output']);
    expect(parts(element, 'column-header')).toHaveLength(4);
  });

  it('chooses dimensions from one cached answer: the same request whatever the dimensions', async () => {
    const endpoint = `${altitudeUrl()}?dimensions-share`;
    const all = mount<LevelCompare>(`<de-level-compare endpoint="${endpoint}" levels="staff principal"></de-level-compare>`);
    const some = mount<LevelCompare>(
      `<de-level-compare endpoint="${endpoint}" levels="staff principal" dimensions="time-horizon"></de-level-compare>`,
    );
    expect([await settled(all), await settled(some)]).toEqual(['load', 'load']);
    expect(parts(some, 'row-header').map((th) => th.textContent?.trim())).toEqual(['Time horizon']);
    expect(parts(all, 'row-header').map((th) => th.textContent?.trim())).toEqual(await dimensionTitles());
    expect(clientFor(endpoint).requestCount).toBe(1);
  });

  it('names an unknown dimension and lists the valid ones', async () => {
    const element = await compare('levels="staff principal" dimensions="time-horizon charisma"');
    expect(text(part(element, 'error'))).toContain('Unknown dimension slug "charisma". Valid dimension slugs: ');
    expect(text(part(element, 'error'))).toContain('time-horizon');
  });

  it('says which slug is unknown and lists the valid ones, in an announced alert', async () => {
    const element = await compare('levels="staff senior"');
    const error = part(element, 'error')!;
    expect(isAnnounced(error)).toBe(true);
    expect(error.textContent).toContain('Unknown level slug "senior". Valid level slugs: staff, principal, distinguished.');
  });

  it('names the endpoint it could not reach', async () => {
    const element = mount<LevelCompare>(`<de-level-compare endpoint="${unreachableUrl}" levels="staff principal"></de-level-compare>`);
    expect(await settled(element)).toBe('error');
    expect(text(part(element, 'error'))).toContain(`Could not reach the Altitude API at ${unreachableUrl}.`);
  });

  it('turns bad attributes into a visible message, never an exception', async () => {
    for (const attributes of [
      'theme="purple" levels="staff principal"',
      'heading-level="9" levels="staff principal"',
      '',
      'levels="staff" endpoint="http://[bad"',
    ]) {
      const element = mount<LevelCompare>(
        `<de-level-compare ${attributes.includes('endpoint') ? '' : `endpoint="${altitudeUrl()}"`} ${attributes}></de-level-compare>`,
      );
      expect(await settled(element), attributes).toBe('error');
      expect(part(element, 'error')?.textContent?.length, attributes).toBeGreaterThan(20);
    }
  });

  it('becomes one card per dimension in a narrow container', async () => {
    const dimensions = await dimensionTitles();
    const element = await compare('levels="staff principal distinguished"', '380px');
    expect(getComputedStyle(part(element, 'table')!.parentElement!).display).toBe('none');
    const cards = parts(element, 'card');
    expect(cards).toHaveLength(dimensions.length);
    expect(getComputedStyle(cards[0]!).display).not.toBe('none');
    expect(cards[0]!.querySelectorAll('dt')).toHaveLength(3);
  });

  it('switches theme with the theme attribute', async () => {
    const element = await compare('levels="staff principal" theme="light"');
    const light = colours(element);
    element.theme = 'dark';
    await element.updateComplete;
    const dark = colours(element);
    expect(light.background).toBe('rgb(255, 255, 255)');
    expect(dark.background).toBe('rgb(13, 17, 23)');
    expect(dark.color).not.toBe(light.color);
  });

  it('is a labelled region, and a tab stop only when the table has to scroll', async () => {
    const element = await compare('levels="staff principal distinguished"', '900px');
    const region = part(element, 'table')!.parentElement!;
    expect(region.getAttribute('role')).toBe('region');
    expect(element.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'Staff Engineer, Principal Engineer and Distinguished Engineer compared',
    );
    expect(region.tabIndex).toBe(-1);

    // A page that widens the table (here through ::part) makes it scroll: keyboard users can then reach it.
    const style = document.createElement('style');
    style.textContent = 'de-level-compare::part(table) { min-width: 1500px; }';
    document.head.append(style);
    try {
      // Set once the element has measured the wider table (a resize observer, then an update).
      await expect.poll(() => region.tabIndex, { timeout: 5_000 }).toBe(0);
    } finally {
      style.remove();
    }
  });

  it('uses the heading level it is given', async () => {
    const element = await compare('levels="staff principal" heading-level="4"');
    expect(headingLevel(part(element, 'heading'))).toBe(4);
    expect(part(element, 'heading')!.textContent).toBe('Staff Engineer and Principal Engineer compared');
  });

  it('marks each interpreted cell and transition with a dagger, explained once beside the sources', async () => {
    const { compareLevels } = await ask<{ compareLevels: { rows: { cells: { basis: string }[] }[]; transitions: { basis: string }[] } }>(
      '{ compareLevels(slugs: ["staff", "principal", "distinguished"]) { rows { cells { basis } } transitions { basis } } }',
    );
    const interpretedCells = compareLevels.rows.flatMap((row) => row.cells).filter((c) => c.basis === 'INTERPRETED').length;
    const interpretedSteps = compareLevels.transitions.filter((t) => t.basis === 'INTERPRETED').length;
    const element = await compare('levels="staff principal distinguished"');
    // The same mark in the table and in the narrow layout's cards; on the headline, so it is read with it.
    expect(parts(element, 'cell').filter((cell) => marks(cell).length > 0)).toHaveLength(interpretedCells);
    expect(marks(part(element, 'table'))).toHaveLength(interpretedCells);
    expect(marks(element.shadowRoot!.querySelector('.cards'))).toHaveLength(interpretedCells);
    expect(marks(part(element, 'table')).every((mark) => mark.parentElement?.getAttribute('part') === 'headline')).toBe(true);
    expect(marks(part(element, 'transitions'))).toHaveLength(interpretedSteps);
    const legend = parts(element, 'interpreted-legend');
    expect(legend).toHaveLength(interpretedCells + interpretedSteps > 0 ? 1 : 0);
    if (legend.length) {
      expect(legend[0]!.textContent).toBe(`† ${NOTE}`);
      // Right after the sources footer.
      expect(legend[0]!.previousElementSibling).toBe(part(element, 'sources'));
    }
  });

  it('draws the mark as a small dagger with a tooltip, read by screen readers as words', async () => {
    const element = await compareEdited(every('INTERPRETED'), 'levels="staff principal"');
    const mark = marks(part(element, 'table'))[0]!;
    expectMarkForm(mark);
    expect(parseFloat(getComputedStyle(mark).fontSize)).toBeLessThan(parseFloat(getComputedStyle(mark.parentElement!).fontSize));
    // Every cell and transition shown is marked; the legend comes once.
    expect(marks(part(element, 'table'))).toHaveLength(parts(element, 'cell').length);
    expect(marks(part(element, 'transitions'))).toHaveLength(parts(element, 'transition').length);
    expect(parts(element, 'interpreted-legend')).toHaveLength(1);
  });

  it('shows neither mark nor legend when everything shown is sourced', async () => {
    const element = await compareEdited(every('SOURCED'), 'levels="staff principal distinguished"');
    expect(marks(element.shadowRoot)).toEqual([]);
    expect(part(element, 'interpreted-legend')).toBeNull();
  });

  it('explains the dagger only when a row shown carries it', async () => {
    const onlyTimeHorizon = (answer: Answer) => {
      every('SOURCED')(answer);
      for (const row of answer.data.compareLevels.rows) if (row.dimension.slug === 'time-horizon') row.cells[0]!.basis = 'INTERPRETED';
      return answer;
    };
    const marked = await compareEdited(onlyTimeHorizon, 'levels="staff principal" dimensions="time-horizon operating-scope"');
    expect(parts(marked, 'cell').map((cell) => marks(cell).length)).toEqual([0, 0, 1, 0]);
    expect(parts(marked, 'interpreted-legend')).toHaveLength(1);
    const unmarked = await compareEdited(onlyTimeHorizon, 'levels="staff principal" dimensions="operating-scope"');
    expect(marks(unmarked.shadowRoot)).toEqual([]);
    expect(part(unmarked, 'interpreted-legend')).toBeNull();
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations with every item marked, in the %s theme', async (theme) => {
    const wide = await compareEdited(every('INTERPRETED'), `levels="staff principal distinguished" theme="${theme}"`);
    const narrow = await compareEdited(every('INTERPRETED'), `levels="staff principal distinguished" theme="${theme}"`, '380px');
    expect(await axeViolations(wide)).toEqual([]);
    expect(await axeViolations(narrow)).toEqual([]);
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme (wide and narrow)', async (theme) => {
    const wide = await compare(`levels="staff principal distinguished" theme="${theme}"`);
    const narrow = await compare(`levels="staff principal distinguished" theme="${theme}"`, '380px');
    expect(await axeViolations(wide)).toEqual([]);
    expect(await axeViolations(narrow)).toEqual([]);
  });
});
