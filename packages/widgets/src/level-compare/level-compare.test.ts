import { afterEach, describe, expect, it } from 'vitest';
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
import { clientFor } from '../client/graphql-client.js';
import './define.js';
import type { LevelCompare } from './level-compare.js';

afterEach(cleanup);

const compare = (attributes: string, width?: string) => renderWidget<LevelCompare>('de-level-compare', attributes, { width });

describe('<de-level-compare>', () => {
  it('renders one column per level and one row per dimension from the real API', async () => {
    const element = await compare('levels="staff principal distinguished"');
    expect(parts(element, 'column-header').map((th) => th.textContent?.trim())).toEqual([
      'Dimension',
      'Staff Engineer',
      'Principal Engineer',
      'Distinguished Engineer',
    ]);
    const rows = parts(element, 'row-header').map((th) => th.textContent?.trim());
    expect(rows).toHaveLength(7);
    expect(rows[0]).toBe('Operating scope');
    expect(parts(element, 'cell')).toHaveLength(21);
    // A real table with row and column headers.
    const table = part(element, 'table')!;
    expect(table.tagName).toBe('TABLE');
    expect(table.querySelectorAll('th[scope="col"]')).toHaveLength(4);
    expect(table.querySelectorAll('th[scope="row"]')).toHaveLength(7);
  });

  it('makes the step between neighbouring levels visible in each row', async () => {
    const element = await compare('levels="staff principal distinguished"');
    const firstRow = parts(element, 'headline').slice(0, 3);
    expect(firstRow.map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'A team or a few teams',
      'Up from Staff Engineer: An organisation or product area',
      'Up from Principal Engineer: The whole company',
    ]);
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
    expect(parts(all, 'row-header')).toHaveLength(7);
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
    const element = await compare('levels="staff principal distinguished"', '380px');
    expect(getComputedStyle(part(element, 'table')!.parentElement!).display).toBe('none');
    const cards = parts(element, 'card');
    expect(cards).toHaveLength(7);
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
      await expect.poll(() => region.tabIndex).toBe(0);
    } finally {
      style.remove();
    }
  });

  it('uses the heading level it is given', async () => {
    const element = await compare('levels="staff principal" heading-level="4"');
    expect(headingLevel(part(element, 'heading'))).toBe(4);
    expect(part(element, 'heading')!.textContent).toBe('Staff Engineer and Principal Engineer compared');
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme (wide and narrow)', async (theme) => {
    const wide = await compare(`levels="staff principal distinguished" theme="${theme}"`);
    const narrow = await compare(`levels="staff principal distinguished" theme="${theme}"`, '380px');
    expect(await axeViolations(wide)).toEqual([]);
    expect(await axeViolations(narrow)).toEqual([]);
  });
});
