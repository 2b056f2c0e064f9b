// How strongly the organisation shows each failure mode, from the ticks.
//
// Thresholds, per mode, over its own symptoms (a symptom two modes share
// counts for both):
// - none:   no symptom ticked;
// - some:   at least one, but no more than half (1 of 2, 1–2 of 4);
// - strong: more than half (2 of 2, 3–4 of 4).
// "More than half" rather than "half or more" so that one tick out of two, a
// single observation, is never called strong.

import type { ChecklistItem } from './checklist.js';

export type Strength = 'none' | 'some' | 'strong';

export interface ModeResult {
  readonly slug: string;
  readonly checked: number;
  readonly total: number;
  readonly strength: Strength;
}

export function strengthOf(checked: number, total: number): Strength {
  if (checked <= 0 || total <= 0) return 'none';
  return checked * 2 > total ? 'strong' : 'some';
}

const RANK: Record<Strength, number> = { strong: 0, some: 1, none: 2 };

/**
 * Every mode's result, strongest first (then by the share ticked, then in the
 * API's order), so the modes the organisation shows lead the list.
 */
export function modeResults(modeSlugs: readonly string[], items: readonly ChecklistItem[], ticked: ReadonlySet<string>): ModeResult[] {
  const results = modeSlugs.map((slug) => {
    const own = items.filter((item) => item.modes.includes(slug));
    const checked = own.filter((item) => ticked.has(item.id)).length;
    return { slug, checked, total: own.length, strength: strengthOf(checked, own.length) };
  });
  return results
    .map((result, order) => ({ result, order }))
    .sort(
      (a, b) =>
        RANK[a.result.strength] - RANK[b.result.strength] ||
        b.result.checked / Math.max(1, b.result.total) - a.result.checked / Math.max(1, a.result.total) ||
        a.order - b.order,
    )
    .map(({ result }) => result);
}
