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
  isAnnounced,
  headingLevel,
} from '../../test/fixture.js';
import { ask, type Basis, expectMarkForm, marks, NOTE, withEvery } from '../../test/interpreted.js';
import './define.js';
import type { FailureModeCard } from './failure-mode-card.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const card = (attributes: string, width?: string) => renderWidget<FailureModeCard>('de-failure-mode-card', attributes, { width });

describe('<de-failure-mode-card>', () => {
  it('shows the failure mode, symptoms, consequences, preventing practices and sources', async () => {
    const element = await card('mode="super-coder"');
    expect(part(element, 'title')!.textContent).toBe('The super-coder');
    expect(part(element, 'symptoms')!.querySelectorAll('li').length).toBeGreaterThanOrEqual(2);
    expect(part(element, 'consequences')!.querySelectorAll('li').length).toBeGreaterThanOrEqual(2);
    expect(text(part(element, 'practices'))).toContain('Evaluation on organisational impact');
    expect(text(part(element, 'sources'))).toContain('What Distinguished Engineers Actually Do: Why most companies get the role wrong');
    expect(parts(element, 'section-heading').map((h) => h.textContent)).toEqual(['Symptoms', 'Consequences', 'What prevents it']);
  });

  it('re-renders when mode changes', async () => {
    const element = await card('mode="super-coder"');
    const next = nextSettle(element);
    element.setAttribute('mode', 'floating-advisor');
    expect(await next).toBe('load');
    expect(part(element, 'title')!.textContent).toBe('The floating advisor');
    expect(element.mode).toBe('floating-advisor');
  });

  it('lists the valid modes for an unknown or missing mode', async () => {
    const unknown = await card('mode="hero-coder"');
    expect(isAnnounced(part(unknown, 'error'))).toBe(true);
    expect(text(part(unknown, 'error'))).toContain(
      'Unknown failure mode "hero-coder". Valid failure modes: super-coder, floating-advisor, management-substitute, title-without-the-role.',
    );
    const missing = await card('');
    expect(text(part(missing, 'error'))).toContain('Set the mode attribute to a failure mode. Valid failure modes: super-coder');
  });

  it('names an unreachable endpoint', async () => {
    const element = mount(`<de-failure-mode-card endpoint="${unreachableUrl}" mode="super-coder"></de-failure-mode-card>`);
    expect(await settled(element)).toBe('error');
    expect(text(part(element, 'error'))).toContain(unreachableUrl);
  });

  it('switches theme and heading level', async () => {
    const element = await card('mode="super-coder" theme="dark" heading-level="3"');
    expect(colours(element).background).toBe('rgb(13, 17, 23)');
    expect(headingLevel(part(element, 'title'))).toBe(3);
    expect(headingLevel(parts(element, 'section-heading')[0]!)).toBe(4);
    element.theme = 'light';
    await element.updateComplete;
    expect(colours(element).background).toBe('rgb(255, 255, 255)');
  });

  it('fits a narrow container', async () => {
    const element = await card('mode="management-substitute"', '320px');
    // Nothing sticks out sideways: every line wraps inside the card.
    const box = part(element, 'card')!;
    expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    for (const item of box.querySelectorAll('li'))
      expect(item.getBoundingClientRect().right).toBeLessThanOrEqual(box.getBoundingClientRect().right);
  });

  it.each(['super-coder', 'floating-advisor', 'management-substitute', 'title-without-the-role'])(
    'marks %s and its practices with a dagger where interpreted, explained beside the sources',
    async (slug) => {
      const { failureMode } = await ask<{ failureMode: { basis: Basis; preventedBy: { basis: Basis }[] } }>(
        `{ failureMode(slug: "${slug}") { basis preventedBy { basis } } }`,
      );
      const element = await card(`mode="${slug}"`);
      expect(marks(part(element, 'title'))).toHaveLength(failureMode.basis === 'INTERPRETED' ? 1 : 0);
      const practices = failureMode.preventedBy.filter((p) => p.basis === 'INTERPRETED').length;
      expect(marks(part(element, 'practices'))).toHaveLength(practices);
      const legend = parts(element, 'interpreted-legend');
      expect(legend).toHaveLength(failureMode.basis === 'INTERPRETED' || practices > 0 ? 1 : 0);
      if (legend.length) {
        expect(legend[0]!.textContent).toBe(`† ${NOTE}`);
        // Inside the card, right after its sources.
        expect(legend[0]!.previousElementSibling).toBe(part(element, 'sources'));
        expect(legend[0]!.parentElement).toBe(part(element, 'card'));
      }
    },
  );

  it('puts the dagger after the title of an interpreted failure mode, and nothing on a sourced one', async () => {
    const marked = await withEvery<FailureModeCard>('INTERPRETED', 'de-failure-mode-card', 'mode="super-coder"');
    const title = part(marked, 'title')!;
    const mark = marks(title)[0]!;
    expect(title.textContent).toBe("The super-coder† (the framework's reading)");
    expect(title.lastElementChild).toBe(mark);
    expectMarkForm(mark);
    expect(marks(part(marked, 'practices'))).toHaveLength(part(marked, 'practices')!.querySelectorAll('li').length);
    expect(parts(marked, 'interpreted-legend')).toHaveLength(1);

    const sourced = await withEvery<FailureModeCard>('SOURCED', 'de-failure-mode-card', 'mode="super-coder"');
    expect(part(sourced, 'title')!.textContent).toBe('The super-coder');
    expect(marks(sourced.shadowRoot)).toEqual([]);
    expect(part(sourced, 'interpreted-legend')).toBeNull();
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations with the mode and its practices marked, in the %s theme', async (theme) => {
    const element = await withEvery<FailureModeCard>('INTERPRETED', 'de-failure-mode-card', `mode="super-coder" theme="${theme}"`);
    expect(await axeViolations(element)).toEqual([]);
  });

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme', async (theme) => {
    expect(await axeViolations(await card(`mode="title-without-the-role" theme="${theme}"`))).toEqual([]);
  });
});
