import { afterEach, describe, expect, it, vi } from 'vitest';
import { altitudeUrl, cleanup, mount, nextSettle, part, settled, text } from '../../test/fixture.js';
import '../define.js';
import type { LevelCompare } from '../level-compare/level-compare.js';
import type { FailureModeCard } from '../failure-mode-card/failure-mode-card.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Every unhandled rejection or error while `run` runs. */
async function uncaught(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const onRejection = (e: PromiseRejectionEvent) => seen.push(`rejection: ${String(e.reason)}`);
  const onError = (e: ErrorEvent) => seen.push(`error: ${e.message}`);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
  }
  return seen;
}

const answer = (body: unknown, status = 200) =>
  vi
    .spyOn(window, 'fetch')
    .mockResolvedValue(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );

describe('a widget never throws, whatever the API answers', () => {
  it.each([
    ['data of the wrong shape', { data: {} }],
    ['a null body', 'null'],
    ['errors that are not a list', { errors: 'x' }],
    ['a comparison that is null', { data: { compareLevels: null } }],
  ])('%s becomes a visible error and a de-error event', async (_name, body) => {
    answer(body);
    const problems = await uncaught(async () => {
      const element = mount(
        `<de-level-compare endpoint="https://odd.example/graphql?${Math.random()}" levels="staff principal"></de-level-compare>`,
      );
      expect(await settled(element)).toBe('error');
      expect(text(part(element, 'error')).length).toBeGreaterThan(20);
    });
    expect(problems).toEqual([]);
  });

  it('rich text of the wrong shape or far too large draws what it can, capped, and never throws', async () => {
    const paragraph = (n: number) => ({ style: 'PARAGRAPH', list: null, level: 0, spans: [{ text: `p${n}`, marks: [], href: null }] });
    const huge = { blocks: Array.from({ length: 50_000 }, (_, n) => paragraph(n)) };
    answer({
      data: {
        failureMode: {
          slug: 'x',
          title: 'X',
          basis: 'SOURCED',
          summaryDoc: huge,
          symptomsDoc: [null, 7, { blocks: null }, { blocks: [{ spans: [{ text: null }] }] }],
          consequencesDoc: [{ blocks: 'x' }, { blocks: [null, 'p', { style: 9, spans: [{ text: 'ok', marks: 'EM', href: 5 }] }] }],
          preventedBy: [],
          sources: [],
          locale: 'en',
          fallbacks: [],
        },
        failureModes: [{ slug: 'x' }],
      },
    });
    const problems = await uncaught(async () => {
      const element = mount(`<de-failure-mode-card endpoint="https://odd.example/graphql?rich" mode="x"></de-failure-mode-card>`);
      expect(await settled(element)).toBe('load');
      // Capped: 500 of the 50,000 paragraphs; the odd shapes draw what is usable in them.
      expect(part(element, 'summary')!.querySelectorAll('p')).toHaveLength(500);
      expect(element.shadowRoot!.textContent).toContain('ok');
    });
    expect(problems).toEqual([]);
  });

  it('a card whose lookup list is missing says so instead of hanging', async () => {
    answer({ data: { failureMode: null } });
    const problems = await uncaught(async () => {
      const element = mount(`<de-failure-mode-card endpoint="https://odd.example/graphql?card" mode="x"></de-failure-mode-card>`);
      expect(await settled(element)).toBe('error');
    });
    expect(problems).toEqual([]);
  });

  it('an API that does not answer in time is named in the message', async () => {
    vi.spyOn(window, 'fetch').mockRejectedValue(new DOMException('signal timed out', 'TimeoutError'));
    const element = mount(`<de-leverage-mechanisms endpoint="https://slow.example/graphql"></de-leverage-mechanisms>`);
    expect(await settled(element)).toBe('error');
    expect(text(part(element, 'error'))).toContain('The Altitude API at https://slow.example/graphql did not answer within 15 seconds.');
  });
});

describe('attributes set as properties of any type', () => {
  it('accepts an array of levels and a numeric string heading level', async () => {
    const element = mount<LevelCompare>(`<de-level-compare endpoint="${altitudeUrl()}"></de-level-compare>`);
    await settled(element);
    const next = nextSettle(element);
    (element as unknown as { levels: unknown }).levels = ['staff', 'principal'];
    (element as unknown as { headingLevel: unknown }).headingLevel = '3';
    expect(await next).toBe('load');
    expect(part(element, 'heading')!.tagName).toBe('H3');
  });

  it('turns a number assigned to mode into a lookup, not a crash', async () => {
    const element = mount<FailureModeCard>(`<de-failure-mode-card endpoint="${altitudeUrl()}"></de-failure-mode-card>`);
    await settled(element);
    const next = nextSettle(element);
    (element as unknown as { mode: unknown }).mode = 5;
    expect(await next).toBe('error');
    expect(text(part(element, 'error'))).toContain('Unknown failure mode "5".');
  });

  it('does not write a default heading-level onto the element', async () => {
    const element = mount(`<de-level-card endpoint="${altitudeUrl()}" level="staff"></de-level-card>`);
    await settled(element);
    expect(element.hasAttribute('heading-level')).toBe(false);
    expect(part(element, 'title')!.tagName).toBe('H2');
  });
});

describe('endpoints', () => {
  it.each([
    ['javascript:alert(1)', 'The endpoint "javascript:alert(1)" is not an http(s) URL.'],
    ['ftp://example.com/graphql', 'The endpoint "ftp://example.com/graphql" is not an http(s) URL.'],
  ])('refuses %s', async (endpoint, message) => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const element = mount(`<de-level-card endpoint="${endpoint}" level="staff"></de-level-card>`);
    expect(await settled(element)).toBe('error');
    expect(text(part(element, 'error'))).toContain(message);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('re-reads a changed endpoint', async () => {
    const element = mount(`<de-level-card endpoint="http://127.0.0.1:9/graphql" level="staff"></de-level-card>`);
    expect(await settled(element)).toBe('error');
    const next = nextSettle(element);
    element.setAttribute('endpoint', altitudeUrl());
    expect(await next).toBe('load');
  });
});

describe('after a failure', () => {
  it('tries again when the widget is put back on the page', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch').mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const element = mount(`<de-level-card endpoint="${altitudeUrl()}?retry" level="principal"></de-level-card>`);
    expect(await settled(element)).toBe('error');
    const parent = element.parentElement!;
    element.remove();
    const next = nextSettle(element);
    parent.append(element);
    expect(await next).toBe('load');
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('reports only the latest state when attributes change quickly', async () => {
    const events: string[] = [];
    const element = mount<FailureModeCard>(`<de-failure-mode-card endpoint="${altitudeUrl()}" mode="super-coder"></de-failure-mode-card>`);
    element.addEventListener('de-load', () => events.push(`load ${element.mode}`));
    element.addEventListener('de-error', () => events.push(`error ${element.mode}`));
    element.mode = 'nope';
    await element.updateComplete;
    element.mode = 'floating-advisor';
    await new Promise((resolve) => element.addEventListener('de-load', resolve, { once: true }));
    expect(events).toEqual(['load floating-advisor']);
    expect(part(element, 'title')!.textContent).toBe('The floating advisor');
  });
});
