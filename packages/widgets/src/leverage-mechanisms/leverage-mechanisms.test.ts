import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  axeViolations,
  headingLevel,
  cleanup,
  colours,
  mount,
  part,
  parts,
  settled,
  text,
  unreachableUrl,
  renderWidget,
  isAnnounced,
} from '../../test/fixture.js';
import { ask, type Basis, expectMarkForm, marks, NOTE, withEvery } from '../../test/interpreted.js';
import './define.js';
import type { LeverageMechanisms } from './leverage-mechanisms.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const list = (attributes = '', width?: string) => renderWidget<LeverageMechanisms>('de-leverage-mechanisms', attributes, { width });

describe('<de-leverage-mechanisms>', () => {
  it('shows the four mechanisms as a list of cards with what each looks like in practice', async () => {
    const element = await list();
    expect(part(element, 'list')!.tagName).toBe('UL');
    expect(parts(element, 'title').map((t) => t.textContent)).toEqual([
      'Technical direction setting',
      'Decision quality amplification',
      'Technical risk identification',
      'Talent multiplication',
    ]);
    expect(parts(element, 'in-practice').every((ul) => ul.querySelectorAll('li').length >= 2)).toBe(true);
    expect(text(part(element, 'sources'))).toContain('How DEs create organizational leverage');
  });

  it('uses one column when narrow and several when wide', async () => {
    const columnsOf = (element: LeverageMechanisms) =>
      new Set(parts(element, 'card').map((c) => Math.round(c.getBoundingClientRect().left))).size;
    expect(columnsOf(await list('', '1200px'))).toBe(4);
    expect(columnsOf(await list('', '360px'))).toBe(1);
  });

  it('follows heading-level and theme changes', async () => {
    const element = await list('heading-level="2" theme="light"');
    element.headingLevel = 5;
    element.theme = 'dark';
    await element.updateComplete;
    expect(element.getAttribute('heading-level')).toBe('5');
    expect(headingLevel(part(element, 'heading'))).toBe(5);
    expect(headingLevel(parts(element, 'title')[0]!)).toBe(6);
    expect(colours(element).background).toBe('rgb(13, 17, 23)');
  });

  it('names an unreachable endpoint', async () => {
    const element = mount(`<de-leverage-mechanisms endpoint="${unreachableUrl}"></de-leverage-mechanisms>`);
    expect(await settled(element)).toBe('error');
    expect(isAnnounced(part(element, 'error'))).toBe(true);
    expect(text(part(element, 'error'))).toContain(unreachableUrl);
  });

  it('marks interpreted mechanisms with a dagger, explained once beside the sources', async () => {
    const { leverageMechanisms } = await ask<{ leverageMechanisms: { basis: Basis }[] }>('{ leverageMechanisms { basis } }');
    const element = await list();
    expect(parts(element, 'title').map((t) => marks(t).length)).toEqual(leverageMechanisms.map((m) => (m.basis === 'INTERPRETED' ? 1 : 0)));
    const legend = parts(element, 'interpreted-legend');
    expect(legend).toHaveLength(leverageMechanisms.some((m) => m.basis === 'INTERPRETED') ? 1 : 0);
    if (legend.length) expect(legend[0]!.previousElementSibling).toBe(part(element, 'sources'));
  });

  it('puts the dagger after an interpreted title, keeps the card named by the title alone, and shows nothing when sourced', async () => {
    const marked = await withEvery<LeverageMechanisms>('INTERPRETED', 'de-leverage-mechanisms');
    const title = parts(marked, 'title')[0]!;
    const mark = marks(title)[0]!;
    expect(title.textContent).toBe("Technical direction setting† (the framework's reading)");
    expect(title.lastElementChild).toBe(mark);
    expectMarkForm(mark);
    expect(parts(marked, 'card')[0]!.getAttribute('aria-label')).toBe('Technical direction setting');
    expect(parts(marked, 'title').every((t) => marks(t).length === 1)).toBe(true);
    const legend = parts(marked, 'interpreted-legend');
    expect(legend).toHaveLength(1);
    expect(legend[0]!.textContent).toBe(`† ${NOTE}`);
    expect(legend[0]!.previousElementSibling).toBe(part(marked, 'sources'));

    const sourced = await withEvery<LeverageMechanisms>('SOURCED', 'de-leverage-mechanisms');
    expect(marks(sourced.shadowRoot)).toEqual([]);
    expect(part(sourced, 'interpreted-legend')).toBeNull();
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations with every mechanism marked, in the %s theme', async (theme) => {
    const element = await withEvery<LeverageMechanisms>('INTERPRETED', 'de-leverage-mechanisms', `theme="${theme}"`);
    expect(await axeViolations(element)).toEqual([]);
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme', async (theme) => {
    expect(await axeViolations(await list(`theme="${theme}"`))).toEqual([]);
  });
});
