// The answers of one rater, and the checks that keep hostile ones out. A hash
// or a file is input from anyone who sends a link: nothing in it is trusted
// until it has been read into this shape, bounded, and matched against the
// framework the widget was served.

/** The answer for an axis the person does not reach at the lowest level yet. */
export const NOT_YET = 'not-yet';

/** Most entries read from a hash or file; the framework has at most 20 dimensions and 50 of each of the others. */
export const MAX_ENTRIES = 120;
/** Longest name kept, in characters. */
export const MAX_NAME = 80;
/** Longest key or answer considered: `capability:` and a slug. */
const MAX_TOKEN = 120;

/** What the person picked per axis: `dimension:<slug>` → a level slug or `not-yet`. */
export type Answers = ReadonlyMap<string, string>;

/** One rater's assessment, as the hash and the downloaded file hold it. */
export interface Assessment {
  readonly name: string;
  readonly answers: Answers;
}

/** What reading left out, so the widget can say so rather than lose answers silently. */
export interface ReadNotes {
  /** Entries not kept: wrong types, too many, or naming nothing this framework has. */
  readonly dropped: number;
  /** The name was cut to MAX_NAME. */
  readonly nameCut: boolean;
}

export type ReadResult = { ok: true; assessment: Assessment; notes: ReadNotes } | { ok: false; problem: 'not-ours' };

/**
 * Reads `{ v: 1, tool: 'self-assessment', name?, answers }` from anything:
 * refused unless it is that kind of object; within it, every entry that is
 * not a short string pair is dropped and counted, and at most MAX_ENTRIES
 * are looked at. Never throws (no getters run: JSON.parse made the input).
 */
export function readAssessment(raw: unknown): ReadResult {
  if (!isRecord(raw) || raw['v'] !== 1 || raw['tool'] !== 'self-assessment' || !isRecord(raw['answers']))
    return { ok: false, problem: 'not-ours' };
  const answers = new Map<string, string>();
  let dropped = 0;
  let seen = 0;
  for (const key in raw['answers']) {
    if (!Object.hasOwn(raw['answers'], key)) continue;
    if (++seen > MAX_ENTRIES) {
      dropped++;
      continue;
    }
    const value = raw['answers'][key];
    if (typeof value === 'string' && key.length <= MAX_TOKEN && value.length <= MAX_TOKEN) answers.set(key, value);
    else dropped++;
  }
  // Cut means longer than kept once tidied: folding spaces is not cutting.
  const tidied = tidyName(typeof raw['name'] === 'string' ? raw['name'] : '');
  return { ok: true, assessment: { name: keptName(tidied), answers }, notes: { dropped, nameCut: tidied.length > MAX_NAME } };
}

/**
 * A name as kept: no control characters, at most MAX_NAME characters, and
 * unless `typing`, whitespace folded and trimmed (while typing, a space at
 * the end is the start of the next word).
 */
export function cleanName(name: string, typing = false): string {
  return keptName(tidyName(name, typing));
}

/** A name's characters (code points) with control characters made spaces and, unless `typing`, whitespace folded and trimmed. */
function tidyName(name: string, typing = false): string[] {
  const plain = name.replace(/\p{Cc}/gu, ' ');
  return [...(typing ? plain : plain.replace(/\s+/g, ' ').trim())];
}

/** The first MAX_NAME of a tidied name's characters. */
const keptName = (characters: readonly string[]) => characters.slice(0, MAX_NAME).join('');

/** The axes a framework asks about: each key with the level slugs it may take. */
export type Questions = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The answers this framework can hold, in its order: keys it asks about,
 * with a level it has or `not-yet`. The rest is dropped and counted (an old
 * file, another company's overlay, or a crafted one).
 */
export function fitAnswers(answers: Answers, questions: Questions): { answers: Map<string, string>; dropped: number } {
  const kept = new Map<string, string>();
  for (const [key, levels] of questions) {
    const value = answers.get(key);
    if (value !== undefined && (value === NOT_YET || levels.has(value))) kept.set(key, value);
  }
  return { answers: kept, dropped: answers.size - kept.size };
}

/** The JSON a rater downloads and the hash holds: the answers in the framework's order, the name only when given. */
export function assessmentJson({ name, answers }: Assessment): object {
  return { v: 1, tool: 'self-assessment', ...(name ? { name } : {}), answers: Object.fromEntries(answers) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
