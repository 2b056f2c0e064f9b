import { afterEach, describe, expect, it, vi } from 'vitest';
import {
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
} from '../../test/fixture.js';
import { ask, type Basis, expectMarkForm, marks, NOTE, withEvery } from '../../test/interpreted.js';
import './define.js';
import type { LevelCard } from './level-card.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const card = (attributes: string, width?: string) => renderWidget<LevelCard>('de-level-card', attributes, { width });

interface Marked {
  basis: Basis;
}
/** What the card shows that can be interpreted. */
interface LevelBases extends Marked {
  expectations: Marked[];
  signalsBelow: Marked[];
  transitionsIn: Marked[];
  transitionsOut: Marked[];
}
const interpreted = (items: Marked[]) => items.filter((item) => item.basis === 'INTERPRETED').length;

/** A level's bases, asked of the test server directly. */
async function bases(slug: string): Promise<LevelBases> {
  return (
    await ask<{ level: LevelBases }>(
      `{ level(slug: "${slug}") { basis expectations { basis } signalsBelow { basis } transitionsIn { basis } transitionsOut { basis } } }`,
    )
  ).level;
}

/** A level's expectations, one per dimension in the framework's order, asked of the test server directly. */
async function expectations(slug: string): Promise<{ headline: string; dimension: { title: string } }[]> {
  return (
    await ask<{ level: { expectations: { headline: string; dimension: { title: string } }[] } }>(
      `{ level(slug: "${slug}") { expectations { headline dimension { title } } } }`,
    )
  ).level.expectations;
}

describe('<de-level-card>', () => {
  it('shows the level, every dimension with its expectation, and the steps in and out', async () => {
    const expected = await expectations('principal');
    const element = await card('level="principal"');
    expect(part(element, 'title')!.textContent).toBe('Principal Engineer');
    const terms = [...part(element, 'expectations')!.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(expected.map((e) => e.dimension.title));
    expect(terms[0]).toBe('Operating scope');
    // Each description leads with its headline (read here without a dagger's words; the marks have tests of their own).
    const headlines = [...part(element, 'expectations')!.querySelectorAll<HTMLElement>('dd .headline')].map((headline) => {
      const copy = headline.cloneNode(true) as HTMLElement;
      for (const mark of marks(copy)) mark.remove();
      return copy.textContent;
    });
    expect(headlines).toEqual(expected.map((e) => e.headline));
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

  it('lists the signs of operating below the level', async () => {
    const level = await bases('principal');
    const element = await card('level="principal"');
    const headings = parts(element, 'section-heading').map((h) => h.textContent);
    expect(headings).toContain('Signs of operating below this level');
    expect(headings.indexOf('Signs of operating below this level')).toBe(headings.indexOf('What the level expects') + 1);
    const signs = part(element, 'signals-below')!;
    expect(signs.tagName).toBe('UL');
    expect(signs.querySelectorAll(':scope > li')).toHaveLength(level.signalsBelow.length);
    expect(text(signs).length).toBeGreaterThan(40);
  });

  it.each(['staff', 'principal', 'distinguished'])(
    'marks what is interpreted on the %s card with a dagger, explained once beside the sources',
    async (slug) => {
      const level = await bases(slug);
      const element = await card(`level="${slug}"`);
      expect(marks(part(element, 'title'))).toHaveLength(interpreted([level]));
      expect(marks(part(element, 'expectations'))).toHaveLength(interpreted(level.expectations));
      // On the headline, so it is read with it.
      expect(marks(part(element, 'expectations')).every((mark) => mark.parentElement?.classList.contains('headline'))).toBe(true);
      expect(marks(part(element, 'signals-below'))).toHaveLength(interpreted(level.signalsBelow));
      expect(marks(part(element, 'transitions'))).toHaveLength(interpreted([...level.transitionsIn, ...level.transitionsOut]));
      const all = [level, ...level.expectations, ...level.signalsBelow, ...level.transitionsIn, ...level.transitionsOut];
      const legend = parts(element, 'interpreted-legend');
      expect(legend).toHaveLength(interpreted(all) > 0 ? 1 : 0);
      if (legend.length) {
        expect(legend[0]!.textContent).toBe(`† ${NOTE}`);
        expect(legend[0]!.previousElementSibling).toBe(part(element, 'sources'));
      }
    },
  );

  it('marks every item the same way when all are interpreted, and none when all are sourced', async () => {
    const all = await withEvery<LevelCard>('INTERPRETED', 'de-level-card', 'level="principal"');
    const signs = part(all, 'signals-below')!.querySelectorAll(':scope > li');
    expect(marks(part(all, 'signals-below'))).toHaveLength(signs.length);
    expect(marks(part(all, 'expectations'))).toHaveLength(part(all, 'expectations')!.querySelectorAll('dd').length);
    for (const mark of marks(all.shadowRoot)) {
      expectMarkForm(mark);
    }
    // A sign's dagger follows its last word, on the same line.
    const sign = signs[0]!;
    const lines = sign.querySelector('.rich')!.getClientRects();
    expect(sign.querySelector('[part~="interpreted"]')!.getBoundingClientRect().top).toBeLessThan(lines[lines.length - 1]!.bottom);
    expect(parts(all, 'interpreted-legend')).toHaveLength(1);

    const none = await withEvery<LevelCard>('SOURCED', 'de-level-card', 'level="principal"');
    expect(marks(none.shadowRoot)).toEqual([]);
    expect(part(none, 'interpreted-legend')).toBeNull();
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations with every item marked, in the %s theme', async (theme) => {
    expect(await axeViolations(await withEvery<LevelCard>('INTERPRETED', 'de-level-card', `level="principal" theme="${theme}"`))).toEqual(
      [],
    );
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme', async (theme) => {
    expect(await axeViolations(await card(`level="distinguished" theme="${theme}"`))).toEqual([]);
  });
});
