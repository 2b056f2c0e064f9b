import { afterEach, describe, expect, it } from 'vitest';
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
import './define.js';
import type { FailureModeGrid } from './failure-mode-grid.js';

afterEach(cleanup);

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

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme', async (theme) => {
    expect(await axeViolations(await grid(`theme="${theme}"`))).toEqual([]);
  });
});
