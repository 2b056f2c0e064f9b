// The checklist a leader fills in: every failure mode's symptoms as one list,
// each symptom once, in an order that does not give the answer away. The
// order depends only on slugs and positions (never on the text, the locale or
// chance), so a server render, every reload and every language show the same
// list, and a shared link means the same ticks everywhere.

/** What the checklist needs of a failure mode. */
export interface ModeSymptoms {
  readonly slug: string;
  readonly symptoms: readonly string[];
}

/** One line of the checklist. */
export interface ChecklistItem {
  /** The answer id of its first occurrence: `super-coder.2` (mode slug, symptom index). */
  readonly id: string;
  /** Every occurrence's answer id: a symptom two modes share is one line that counts for both. */
  readonly ids: readonly string[];
  readonly text: string;
  /** Where its text was first found, to mark the language it was served in. */
  readonly mode: string;
  readonly index: number;
  /** The failure modes it is a symptom of, first the one it was first found in. */
  readonly modes: readonly string[];
}

/** The answer id of a mode's symptom. Slugs are kebab-case, so the dot cannot be part of one. */
export const symptomId = (mode: string, index: number) => `${mode}.${index}`;

/**
 * Most symptoms taken from one mode, and most modes (the framework has 4 modes of 2–4 symptoms): bounds the work a
 * hostile endpoint can cause, as spreading the modes apart costs about the square of the list's length.
 */
export const MAX_SYMPTOMS_PER_MODE = 20;
export const MAX_MODES = 20;

/** Equal texts are one symptom: spacing, case and a final full stop do not make a difference. */
const sameText = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。]$/u, '')
    .toLocaleLowerCase('und');

/** FNV-1a (32 bit): a small, stable hash, the same in every browser and in Node. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The checklist: symptoms deduplicated, then shuffled stably with no two neighbours from the same mode where that can be avoided. */
export function buildChecklist(modes: readonly ModeSymptoms[]): ChecklistItem[] {
  const byText = new Map<string, { id: string; ids: string[]; text: string; mode: string; index: number; modes: string[] }>();
  for (const mode of modes.slice(0, MAX_MODES)) {
    mode.symptoms.slice(0, MAX_SYMPTOMS_PER_MODE).forEach((text, index) => {
      const id = symptomId(mode.slug, index);
      const key = sameText(text);
      const known = byText.get(key);
      if (known) {
        known.ids.push(id);
        if (!known.modes.includes(mode.slug)) known.modes.push(mode.slug);
      } else byText.set(key, { id, ids: [id], text, mode: mode.slug, index, modes: [mode.slug] });
    });
  }
  const hashed = [...byText.values()].sort((a, b) => stableHash(`${a.id}`) - stableHash(`${b.id}`) || (a.id < b.id ? -1 : 1));
  return spread(hashed);
}

/**
 * Reorders `items` (already shuffled) so that no two neighbours share a mode,
 * keeping the shuffled order wherever it allows: at each step the first item
 * that differs from the one before and leaves the rest arrangeable. When no
 * arrangement exists (one mode has most of the symptoms) it keeps going with
 * as few neighbours as it can.
 */
function spread(items: readonly ChecklistItem[]): ChecklistItem[] {
  const rest = [...items];
  const out: ChecklistItem[] = [];
  const counts = new Map<string, number>();
  for (const item of rest) counts.set(item.mode, (counts.get(item.mode) ?? 0) + 1);
  let previous: ChecklistItem | undefined;
  while (rest.length > 0) {
    const clashes = (item: ChecklistItem) => previous !== undefined && item.modes.some((m) => previous!.modes.includes(m));
    const arrangeable = (item: ChecklistItem) => {
      // After taking `item`, rest.length - 1 remain and none may start with its mode.
      const left = rest.length - 1;
      for (const [mode, count] of counts) {
        const remaining = count - (mode === item.mode ? 1 : 0);
        const room = mode === item.mode ? Math.floor(left / 2) : Math.ceil(left / 2);
        if (remaining > room) return false;
      }
      return true;
    };
    const at =
      [rest.findIndex((item) => !clashes(item) && arrangeable(item)), rest.findIndex((item) => !clashes(item)), 0].find((i) => i >= 0) ?? 0;
    const [next] = rest.splice(at, 1) as [ChecklistItem];
    counts.set(next.mode, counts.get(next.mode)! - 1);
    out.push(next);
    previous = next;
  }
  return out;
}
