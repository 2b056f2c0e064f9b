import { GraphQLError } from 'graphql';

/**
 * A list whose size the client chooses: the most it may ask for, and the
 * size it gets when it does not say. The field's resolver refuses more than
 * `max`; the server reads the same figures from the schema (the field's
 * `listLimits` extension) to count the list in a query's cost before
 * anything runs, whether the size came as a literal or as a variable.
 */
export interface ListLimit {
  /** The most items the argument may ask for: its value for `first`, its length for a list. */
  readonly max: number;
  /**
   * How many items the field gives when the argument is omitted or null. A
   * filter (a list of slugs that narrows a list the content decides) has
   * none: it is checked but does not multiply the field's cost.
   */
  readonly omitted: number | 'filter';
}

/** The name of the field extension the server's cost check reads. */
export const LIST_LIMITS_EXTENSION = 'listLimits';

/** Field extensions declaring the list limits of a field's arguments, by argument name. */
export const listLimits = (limits: Record<string, ListLimit>) => ({ [LIST_LIMITS_EXTENSION]: limits });

// More than the framework has entities; each ID is fetched and answered in full.
export const MAX_NODE_IDS = 100;

export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** Refuses a client's list longer than `max`, naming the argument, the maximum and the length sent. */
export function checkListLength(argument: string, what: string, max: number, list: readonly unknown[] | null | undefined): void {
  if (list && list.length > max) throw badInput(`${argument} takes at most ${max} ${what}, got ${list.length}.`);
}
