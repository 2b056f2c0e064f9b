import { afterEach, describe, expect, it, vi } from 'vitest';
import { altitudeUrl, cleanup, mount, settled } from '../../test/fixture.js';
import '../define.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Holds every request until `release()`, so the loading state can be looked at. */
function holdRequests() {
  const realFetch = window.fetch.bind(window);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.spyOn(window, 'fetch').mockImplementation(async (...args) => {
    await gate;
    return realFetch(...args);
  });
  return release;
}

const cases = [
  ['de-level-compare', 'levels="staff principal distinguished"'],
  ['de-level-card', 'level="principal"'],
  ['de-failure-mode-card', 'mode="floating-advisor"'],
  ['de-failure-mode-grid', ''],
  ['de-leverage-mechanisms', ''],
] as const;

let run = 0;

describe('loading state', () => {
  it.each(cases)('%s reserves about the space its content takes, and says it is loading', async (tag, attributes) => {
    for (const width of ['320px', '380px', '700px', '900px', '1200px']) {
      const release = holdRequests();
      // A fresh endpoint URL each time, so the page-wide client has no answer cached.
      const element = mount<HTMLElement>(`<${tag} endpoint="${altitudeUrl()}?run=${run++}" ${attributes}></${tag}>`, { width });
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(element.shadowRoot!.querySelector('[aria-busy]')?.getAttribute('aria-busy')).toBe('true');
      expect(element.shadowRoot!.querySelector('[role="status"]')?.textContent).toMatch(/^Loading .+…$/);
      const loading = element.getBoundingClientRect().height;

      release();
      expect(await settled(element)).toBe('load');
      expect(element.shadowRoot!.querySelector('[aria-busy]')?.getAttribute('aria-busy')).toBe('false');
      expect(element.shadowRoot!.querySelector('[role="status"]')?.textContent).toBe('');
      const loaded = element.getBoundingClientRect().height;
      // Placeholders are shaped like the content, so what follows the widget barely moves.
      expect(loaded / loading, `${width}: ${Math.round(loading)}px while loading, ${Math.round(loaded)}px loaded`).toBeGreaterThan(0.85);
      expect(loaded / loading, `${width}: ${Math.round(loading)}px while loading, ${Math.round(loaded)}px loaded`).toBeLessThan(1.2);
      vi.restoreAllMocks();
      cleanup();
    }
  });
});
