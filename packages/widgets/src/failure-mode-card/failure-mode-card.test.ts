import { afterEach, describe, expect, it } from 'vitest';
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
import './define.js';
import type { FailureModeCard } from './failure-mode-card.js';

afterEach(cleanup);

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

  it.each(['light', 'dark'])('has no WCAG A/AA violations in the %s theme', async (theme) => {
    expect(await axeViolations(await card(`mode="title-without-the-role" theme="${theme}"`))).toEqual([]);
  });
});
