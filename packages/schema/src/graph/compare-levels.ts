import { ArgumentError } from './argument-error.js';
import type { Dimension, Expectation, Framework, Level, Transition } from './types.js';

export interface LevelComparison {
  readonly levels: readonly Level[];
  readonly rows: readonly { readonly dimension: Dimension; readonly cells: readonly Expectation[] }[];
  readonly transitions: readonly Transition[];
}

export class ComparisonError extends ArgumentError {
  override readonly name = 'ComparisonError';
}

// Far more than any ladder has, and small enough that checking a client's
// lists (for unknown and repeated slugs) is no work at all.
export const MAX_COMPARED_LEVELS = 20;
export const MAX_DIMENSION_SLUGS = 20;

/** The message for a client's list over its maximum. */
export const listTooLong = (argument: string, what: string, max: number, size: number) =>
  `${argument} takes at most ${max} ${what}, got ${size}.`;

function checkLength(argument: string, what: string, max: number, list: readonly string[] | undefined): void {
  if (list && list.length > max) throw new ComparisonError(listTooLong(argument, what, max, list.length), { argument, value: list.length });
}

/**
 * Every slug of a filter names a dimension, and there is at least one: the
 * same rule wherever a list of dimension slugs narrows what is returned.
 */
export function checkDimensionSlugs(framework: Framework, argument: string, slugs: readonly string[]): void {
  const validValues = framework.dimensions.map((d) => d.slug);
  for (const slug of slugs) {
    if (!framework.find('Dimension', slug))
      throw new ComparisonError(`Unknown dimension slug "${slug}". Valid dimension slugs: ${validValues.join(', ')}.`, {
        argument,
        value: slug,
        validValues,
      });
  }
  if (slugs.length === 0)
    throw new ComparisonError(
      `${argument} must name at least one dimension when given. Valid dimension slugs: ${validValues.join(', ')}.`,
      {
        argument,
        value: 0,
        validValues,
      },
    );
}

/**
 * Lines levels up side by side. Rows follow dimension order, cells follow the
 * order the caller gave, and the transitions are every step on the ladder
 * between the lowest and the highest compared level.
 */
export function compareLevels(framework: Framework, slugs: readonly string[], dimensionSlugs?: readonly string[]): LevelComparison {
  checkLength('slugs', 'level slugs', MAX_COMPARED_LEVELS, slugs);
  checkLength('dimensions', 'dimension slugs', MAX_DIMENSION_SLUGS, dimensionSlugs);
  const validValues = framework.levels.map((l) => l.slug);
  const validLevels = validValues.join(', ');
  if (slugs.length < 2) {
    throw new ComparisonError(
      `compareLevels needs at least two level slugs, got ${slugs.length}${slugs.length ? ` (${slugs.join(', ')})` : ''}. Valid level slugs: ${validLevels}.`,
      { argument: 'slugs', value: slugs.length, validValues },
    );
  }
  const levels = slugs.map((slug) => {
    const level = framework.find('Level', slug);
    if (!level)
      throw new ComparisonError(`Unknown level slug "${slug}". Valid level slugs: ${validLevels}.`, {
        argument: 'slugs',
        value: slug,
        validValues,
      });
    return level;
  });
  const repeated = slugs.find((slug, i) => slugs.indexOf(slug) !== i);
  if (repeated)
    throw new ComparisonError(`Level slug "${repeated}" is listed more than once. Valid level slugs: ${validLevels}.`, {
      argument: 'slugs',
      value: repeated,
      validValues,
    });

  let dimensions = framework.dimensions;
  if (dimensionSlugs) {
    checkDimensionSlugs(framework, 'dimensions', dimensionSlugs);
    dimensions = framework.dimensions.filter((d) => dimensionSlugs.includes(d.slug));
  }

  const lowest = Math.min(...levels.map((l) => l.rank));
  const highest = Math.max(...levels.map((l) => l.rank));
  return {
    levels,
    rows: dimensions.map((dimension) => ({ dimension, cells: levels.map((level) => level.expectations[dimension.position]!) })),
    transitions: framework.transitions.filter((t) => t.from.rank >= lowest && t.to.rank <= highest),
  };
}
