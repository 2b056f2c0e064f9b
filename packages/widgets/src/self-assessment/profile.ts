import { NOT_YET, type Answers } from './answers.js';
import type { Axis, Ladder, LadderLevel, Step } from './axes.js';

/**
 * Where an answer sits on the ladder: 0 for "not yet", 1 for the lowest
 * level and so on; undefined when the axis is not answered.
 */
export function positionOf(ladder: Ladder, answer: string | undefined): number | undefined {
  if (answer === undefined) return undefined;
  if (answer === NOT_YET) return 0;
  const index = ladder.levels.findIndex((l) => l.slug === answer);
  return index < 0 ? undefined : index + 1;
}

/** The level at a position; undefined for "not yet". */
export const levelAt = (ladder: Ladder, position: number): LadderLevel | undefined => ladder.levels[position - 1];

export interface Gap {
  readonly axis: Axis;
  /** Where the person is (0: not yet). */
  readonly position: number;
  /** How many levels below the target. */
  readonly size: number;
}

/**
 * The answered axes below the target, largest gap first; equal gaps keep the
 * framework's order, so the list reads the same on every reload.
 */
export function gapsTo(ladder: Ladder, answers: Answers, target: number): Gap[] {
  const gaps: Gap[] = [];
  for (const axis of ladder.axes) {
    const position = positionOf(ladder, answers.get(axis.key));
    if (position !== undefined && position < target) gaps.push({ axis, position, size: target - position });
  }
  // Array.prototype.sort is stable.
  return gaps.sort((a, b) => b.size - a.size);
}

/**
 * The level the person operates at overall: the median of their answered
 * positions (the lower of the two middle ones for an even count, so a
 * profile split between two levels is read at the one already reached).
 * A median rather than the most common answer: it moves one step at a time
 * as answers change, and no tie needs breaking. Undefined when nothing is
 * answered.
 */
export function medianPosition(ladder: Ladder, answers: Answers): number | undefined {
  const positions = ladder.axes
    .map((axis) => positionOf(ladder, answers.get(axis.key)))
    .filter((p): p is number => p !== undefined)
    .sort((a, b) => a - b);
  return positions.length ? positions[Math.floor((positions.length - 1) / 2)] : undefined;
}

/**
 * The step the person is attempting: from the level they operate at to the
 * one above it. None when they operate at the top, or below the lowest
 * level (no step leads into it).
 */
export function attemptedStep(ladder: Ladder, median: number | undefined): Step | undefined {
  if (median === undefined || median < 1) return undefined;
  const from = levelAt(ladder, median)?.slug;
  const to = levelAt(ladder, median + 1)?.slug;
  return ladder.steps.find((s) => s.from === from && s.to === to) ?? ladder.steps.find((s) => s.from === from);
}

/** The axes both raters answered, differently (an axis one of them left open is no disagreement). */
export function differences(ladder: Ladder, mine: Answers, theirs: Answers): Set<string> {
  return new Set(
    ladder.axes.filter((a) => mine.has(a.key) && theirs.has(a.key) && mine.get(a.key) !== theirs.get(a.key)).map((a) => a.key),
  );
}
