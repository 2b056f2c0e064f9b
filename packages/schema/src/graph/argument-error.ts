/**
 * A request argument the framework cannot answer: which argument, the value
 * at fault, and the values that would have been accepted when there is a
 * closed set of them. The API reports all three as data (the extensions of a
 * BAD_USER_INPUT error), so clients never have to parse the message.
 */
export interface ArgumentProblem {
  readonly argument: string;
  /** The slug, cursor or number at fault; for a text or a list over its limit, its length. */
  readonly value: string | number;
  readonly validValues?: readonly string[];
}

export class ArgumentError extends Error {
  override readonly name: string = 'ArgumentError';
  constructor(
    message: string,
    readonly problem: ArgumentProblem,
  ) {
    super(message);
  }
}
