import { GraphQLError } from 'graphql';
import { ArgumentError, type ArgumentProblem } from '../graph/argument-error.js';
import { listTooLong } from '../graph/compare-levels.js';

/**
 * A list whose size the client chooses: the most it may ask for, the size
 * it gets when it does not say, and the error beyond the maximum. The
 * field's resolver refuses more than `max`; the server reads the same limit
 * from the schema (the field's `listLimits` extension) to refuse it before
 * anything runs and to count the list in the query's cost, whether the size
 * came as a literal or as a variable.
 */
export interface ListLimit {
  /** The argument's name, reported in the error's extensions. */
  readonly argument: string;
  /** The most items the argument may ask for: its value for `first`, its length for a list. */
  readonly max: number;
  /**
   * How many items the field gives when the argument is omitted or null. A
   * filter (a list of slugs that narrows a list the content decides) has
   * none: it is checked but does not multiply the field's cost.
   */
  readonly omitted: number | 'filter';
  /** The BAD_USER_INPUT message for a size over `max`: the argument, the maximum and the size sent. */
  readonly tooMany: (size: number) => string;
}

/** The name of the field extension the server reads. */
export const LIST_LIMITS_EXTENSION = 'listLimits';

/** Field extensions declaring the list limits of a field's arguments, by argument name. */
export const listLimits = (limits: Record<string, ListLimit>) => ({ [LIST_LIMITS_EXTENSION]: limits });

/** A list argument of at most `max` items, each answered (`omitted` 0) or narrowing a list ('filter'). */
export function listArgument(argument: string, what: string, max: number, omitted: 0 | 'filter'): ListLimit {
  return { argument, max, omitted, tooMany: (size) => listTooLong(argument, what, max, size) };
}

// More than the framework has entities; each ID is fetched and answered in full.
export const MAX_NODE_IDS = 100;
export const NODE_IDS = listArgument('ids', 'IDs', MAX_NODE_IDS, 0);

/** The error for a bad argument, with what is wrong as data beside the message. */
export const badInput = (message: string, problem: ArgumentProblem) =>
  new GraphQLError(message, { extensions: badInputExtensions(problem) });

export const badInputExtensions = (problem: ArgumentProblem) => ({
  code: 'BAD_USER_INPUT',
  argument: problem.argument,
  value: problem.value,
  ...(problem.validValues ? { validValues: problem.validValues } : {}),
});

/** Refuses a client's list longer than its limit. */
export function checkListLength(limit: ListLimit, list: readonly unknown[] | null | undefined): void {
  if (list && list.length > limit.max) throw badInput(limit.tooMany(list.length), { argument: limit.argument, value: list.length });
}

/** Runs `work`; an ArgumentError (the request asked for something the framework cannot answer) becomes BAD_USER_INPUT. */
export function asBadInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ArgumentError) throw badInput(error.message, error.problem);
    throw error;
  }
}
