// A leader's answers as they travel: in the link's fragment and in a file.
// Both come from whoever sent the link or the file, so everything read back is
// checked here: the version, the tool, the type of every field, the number and
// the form of the ids. What cannot be used is dropped and counted, so the
// widget can say so; nothing here throws.

/** The tag, which names the answers in the fragment. */
export const ANSWERS_KEY = 'de-role-health-check';
export const TOOL = 'role-health-check';
export const VERSION = 1;

/** More ticks than any checklist has lines: more is someone else's file, trimmed. */
export const MAX_CHECKED = 200;
/** A symptom id: a kebab-case slug, a dot, an index. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.\d{1,3}$/;
const MAX_ID_LENGTH = 120;

/** The answers as stored. */
export interface Answers {
  readonly v: typeof VERSION;
  readonly tool: typeof TOOL;
  readonly checked: readonly string[];
}

export const answersOf = (checked: Iterable<string>): Answers => ({ v: VERSION, tool: TOOL, checked: [...checked].sort() });

/** What was wrong with answers read back, as the widget reports it. */
export type AnswersProblem =
  | { kind: 'not-answers' }
  | { kind: 'other-version'; version: string }
  | { kind: 'trimmed'; count: number }
  | { kind: 'ignored'; count: number };

export interface ReadAnswers {
  /** The usable ids, at most MAX_CHECKED, each once; empty when nothing could be used. */
  readonly checked: string[];
  readonly problems: AnswersProblem[];
}

/**
 * The ids in `value` (a parsed hash or file), checked for shape only: which
 * ids the checklist knows is decided once it has loaded (see `keepKnown`).
 */
export function readAnswers(value: unknown): ReadAnswers {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { checked: [], problems: [{ kind: 'not-answers' }] };
  const { v, tool, checked } = value as Record<string, unknown>;
  if (tool !== undefined && tool !== TOOL) return { checked: [], problems: [{ kind: 'not-answers' }] };
  if (v !== VERSION) {
    const version = typeof v === 'number' || typeof v === 'string' ? String(v).slice(0, 20) : '?';
    return { checked: [], problems: [v === undefined ? { kind: 'not-answers' } : { kind: 'other-version', version }] };
  }
  if (!Array.isArray(checked)) return { checked: [], problems: [{ kind: 'not-answers' }] };
  const problems: AnswersProblem[] = [];
  const ids = new Set<string>();
  let ignored = 0;
  // Looks at no more entries than a file within the size bound could hold; the rest count as trimmed.
  const looked = checked.slice(0, MAX_CHECKED * 10);
  let trimmed = checked.length - looked.length;
  for (const id of looked) {
    if (typeof id !== 'string' || id.length > MAX_ID_LENGTH || !ID.test(id)) ignored++;
    else if (ids.has(id)) continue;
    else if (ids.size < MAX_CHECKED) ids.add(id);
    else trimmed++;
  }
  if (trimmed > 0) problems.push({ kind: 'trimmed', count: trimmed });
  if (ignored > 0) problems.push({ kind: 'ignored', count: ignored });
  return { checked: [...ids], problems };
}

/** The ids the checklist has; the others are counted as ignored. */
export function keepKnown(checked: readonly string[], known: ReadonlySet<string>): { kept: string[]; unknown: number } {
  const kept = checked.filter((id) => known.has(id));
  return { kept, unknown: checked.length - kept.length };
}

/** Whether the fragment carries answers under our key at all (so an unreadable part can be reported, not ignored). */
export function hashMentionsAnswers(hash: string): boolean {
  return hash
    .replace(/^#/, '')
    .split('&')
    .some((part) => part.startsWith(`${ANSWERS_KEY}=`));
}
