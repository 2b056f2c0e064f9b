import { afterEach, describe, expect, it } from 'vitest';
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
import './define.js';
import type { LeverageMechanisms } from './leverage-mechanisms.js';

afterEach(cleanup);

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

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme', async (theme) => {
    expect(await axeViolations(await list(`theme="${theme}"`))).toEqual([]);
  });
});
