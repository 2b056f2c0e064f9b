import { afterEach, describe, expect, it } from 'vitest';
import {
  axeViolations,
  cleanup,
  colours,
  mount,
  nextSettle,
  part,
  settled,
  text,
  unreachableUrl,
  renderWidget,
} from '../../test/fixture.js';
import './define.js';
import type { LevelCard } from './level-card.js';

afterEach(cleanup);

const card = (attributes: string, width?: string) => renderWidget<LevelCard>('de-level-card', attributes, { width });

describe('<de-level-card>', () => {
  it('shows the level, every dimension with its expectation, and the steps in and out', async () => {
    const element = await card('level="principal"');
    expect(part(element, 'title')!.textContent).toBe('Principal Engineer');
    const terms = [...part(element, 'expectations')!.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toHaveLength(7);
    expect(terms[0]).toBe('Operating scope');
    expect(part(element, 'expectations')!.querySelector('dd .headline')!.textContent).toBe('An organisation or product area');
    expect(text(part(element, 'transitions'))).toMatch(/From Staff Engineer.*On to Distinguished Engineer/);
    expect(text(part(element, 'sources'))).toContain('Staff versus Principal versus Distinguished');
  });

  it('has only the steps that exist at the ends of the ladder', async () => {
    const element = await card('level="distinguished"');
    expect(text(part(element, 'transitions'))).toContain('From Principal Engineer');
    expect(text(part(element, 'transitions'))).not.toContain('On to');
  });

  it('re-renders when level changes', async () => {
    const element = await card('level="staff"');
    const next = nextSettle(element);
    element.level = 'distinguished';
    expect(await next).toBe('load');
    expect(part(element, 'title')!.textContent).toBe('Distinguished Engineer');
    expect(element.getAttribute('level')).toBe('distinguished');
  });

  it('lists the valid levels for an unknown one, and names an unreachable endpoint', async () => {
    const unknown = await card('level="junior"');
    expect(text(part(unknown, 'error'))).toContain('Unknown level "junior". Valid levels: staff, principal, distinguished.');
    const broken = mount(`<de-level-card endpoint="${unreachableUrl}" level="staff"></de-level-card>`);
    expect(await settled(broken)).toBe('error');
    expect(text(part(broken, 'error'))).toContain(unreachableUrl);
  });

  it('stacks terms above descriptions in a narrow container', async () => {
    const element = await card('level="staff"', '360px');
    const dl = part(element, 'expectations')!;
    const [dt, dd] = [dl.querySelector('dt')!, dl.querySelector('dd')!];
    expect(dd.getBoundingClientRect().top).toBeGreaterThanOrEqual(dt.getBoundingClientRect().bottom - 1);
    const wide = await card('level="staff"', '900px');
    const wideDl = part(wide, 'expectations')!;
    expect(Math.round(wideDl.querySelector('dd')!.getBoundingClientRect().top)).toBe(
      Math.round(wideDl.querySelector('dt')!.getBoundingClientRect().top),
    );
  });

  it('switches theme', async () => {
    const element = await card('level="staff" theme="dark"');
    expect(colours(element).background).toBe('rgb(13, 17, 23)');
    element.theme = 'light';
    await element.updateComplete;
    expect(colours(element).background).toBe('rgb(255, 255, 255)');
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme', async (theme) => {
    expect(await axeViolations(await card(`level="distinguished" theme="${theme}"`))).toEqual([]);
  });
});
