import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  axeViolations,
  cleanup,
  colours,
  mount,
  part,
  parts,
  settled,
  text,
  unreachableUrl,
  renderWidget,
  headingLevel,
} from '../../test/fixture.js';
import { NOTE, ask, marks, withEvery, type Basis } from '../../test/interpreted.js';
import './define.js';
import type { FailureModeGrid } from './failure-mode-grid.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const grid = (attributes = '', width?: string) => renderWidget<FailureModeGrid>('de-failure-mode-grid', attributes, { width });

describe('<de-failure-mode-grid>', () => {
  it('shows every failure mode as a card', async () => {
    const element = await grid();
    expect(parts(element, 'title').map((t) => t.textContent)).toEqual([
      'The super-coder',
      'The floating advisor',
      'The management substitute',
      'The title without the role',
    ]);
    expect(part(element, 'heading')!.textContent).toBe('How companies get the role wrong');
  });

  it('lays cards out in columns when wide and in one column when narrow', async () => {
    const columnsOf = (element: FailureModeGrid) =>
      new Set(parts(element, 'card').map((c) => Math.round(c.getBoundingClientRect().left))).size;
    expect(columnsOf(await grid('', '1100px'))).toBeGreaterThan(1);
    expect(columnsOf(await grid('', '360px'))).toBe(1);
  });

  it('nests card headings under its own heading level', async () => {
    const element = await grid('heading-level="3"');
    expect(headingLevel(part(element, 'heading'))).toBe(3);
    expect(parts(element, 'title').every((t) => headingLevel(t) === 4)).toBe(true);
  });

  it('re-renders on a theme change and reports an unreachable endpoint', async () => {
    const element = await grid('theme="light"');
    element.setAttribute('theme', 'dark');
    await element.updateComplete;
    expect(colours(element).background).toBe('rgb(13, 17, 23)');
    const broken = mount(`<de-failure-mode-grid endpoint="${unreachableUrl}"></de-failure-mode-grid>`);
    expect(await settled(broken)).toBe('error');
    expect(text(part(broken, 'error'))).toContain(`Could not reach the Altitude API at ${unreachableUrl}`);
  });

  it('marks interpreted failure modes and practices with a dagger, explained once below the grid', async () => {
    const { failureModes } = await ask<{ failureModes: { basis: Basis; preventedBy: { basis: Basis }[] }[] }>(
      '{ failureModes { basis preventedBy { basis } } }',
    );
    const element = await grid();
    const cards = parts(element, 'card');
    expect(cards.map((c) => marks(c.querySelector('[part~="title"]')).length)).toEqual(
      failureModes.map((m) => (m.basis === 'INTERPRETED' ? 1 : 0)),
    );
    expect(cards.map((c) => marks(c.querySelector('[part~="practices"]')).length)).toEqual(
      failureModes.map((m) => m.preventedBy.filter((p) => p.basis === 'INTERPRETED').length),
    );
    const any = failureModes.some((m) => [m, ...m.preventedBy].some((item) => item.basis === 'INTERPRETED'));
    const legend = parts(element, 'interpreted-legend');
    expect(legend).toHaveLength(any ? 1 : 0);
    if (legend.length) {
      expect(legend[0]!.textContent).toBe(`† ${NOTE}`);
      // Once, after the grid, not in every card.
      expect(legend[0]!.previousElementSibling).toBe(part(element, 'grid'));
    }
  });

  it('marks every card the same way, with one legend for all, and none when all are sourced', async () => {
    const marked = await withEvery<FailureModeGrid>('INTERPRETED', 'de-failure-mode-grid');
    expect(parts(marked, 'title').every((t) => marks(t).length === 1)).toBe(true);
    expect(parts(marked, 'title')[0]!.textContent).toBe("The super-coder† (the framework's reading)");
    expect(parts(marked, 'interpreted-legend')).toHaveLength(1);
    const sourced = await withEvery<FailureModeGrid>('SOURCED', 'de-failure-mode-grid');
    expect(marks(sourced.shadowRoot)).toEqual([]);
    expect(part(sourced, 'interpreted-legend')).toBeNull();
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations with every item marked, in the %s theme', async (theme) => {
    expect(await axeViolations(await withEvery<FailureModeGrid>('INTERPRETED', 'de-failure-mode-grid', `theme="${theme}"`))).toEqual([]);
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme', async (theme) => {
    expect(await axeViolations(await grid(`theme="${theme}"`))).toEqual([]);
  });
});
