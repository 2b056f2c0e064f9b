import type { Page } from 'playwright';

/** Every Altitude element. */
export const TAGS = [
  'de-level-compare',
  'de-level-card',
  'de-failure-mode-card',
  'de-failure-mode-grid',
  'de-leverage-mechanisms',
  'de-self-assessment',
  'de-role-health-check',
];

/**
 * Waits until the page holds `count` Altitude elements and every one has rendered data (no loading, no error):
 * the tools too, whose base part holds their form.
 */
export async function allRendered(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ({ tags, count }) => {
      const elements = [...document.querySelectorAll(tags.join(','))];
      return (
        elements.length === count &&
        elements.every(
          (e) => e.shadowRoot?.querySelector('[part~="base"]') && !e.shadowRoot.querySelector('[part~="loading"], [part~="error"]'),
        )
      );
    },
    { tags: TAGS, count },
    { timeout: 15_000 },
  );
}
