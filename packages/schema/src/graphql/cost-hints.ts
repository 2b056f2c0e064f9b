import type { Framework } from '../graph/types.js';

/**
 * What the server's query-cost check cannot see in a field's type: that a
 * text is long, or that a list the content decides can be long. Read from the
 * `costHints` field extension; a field without hints counts as one plain
 * value, or one item for a list. Kept rough on purpose: the cost has to
 * keep the largest legal answer well under the response size limit, not
 * predict it.
 */
export interface CostHints {
  /** A value worth more than a plain one (a slug, a title): how many plain values it counts as. */
  readonly weight?: number;
  /** A list the content sizes: how long it is at most in the framework being served. */
  readonly items?: (framework: Framework) => number;
}

export const COST_HINTS_EXTENSION = 'costHints';

export const costHints = (hints: CostHints) => ({ [COST_HINTS_EXTENSION]: hints });

// Markdown items run to about 600 characters; a list of them to about five
// items; an entity's canonical JSON to about 3 kB. A plain value is ~60 bytes.
export const RICH_TEXT = costHints({ weight: 5 });
export const RICH_TEXT_LIST = costHints({ weight: 10 });
export const ENTITY_JSON = costHints({ weight: 10 });

/** One item per dimension. */
export const PER_DIMENSION = costHints({ items: (framework) => framework.dimensions.length });
