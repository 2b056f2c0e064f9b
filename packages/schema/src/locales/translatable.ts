import { createHash } from 'node:crypto';
import type { CollectionName } from '../model/index.js';
import { formatFieldPath, type PathSegment } from '../loader/field-path.js';

/** One string of the content a translation can replace. */
export interface TranslatableString {
  /** Where it is in the item, e.g. `['expectations', 'time-horizon', 'headline']`. */
  readonly path: readonly PathSegment[];
  /** The same, as translation files write it: `expectations.time-horizon.headline`, `symptoms[2]`. */
  readonly key: string;
  readonly text: string;
}

const TEXT_FIELDS = ['title', 'summary', 'description', 'interpretation', 'reality'] as const;
const LIST_FIELDS = ['whatChanges', 'whyPeopleStall', 'inPractice', 'symptoms', 'consequences', 'examples'] as const;

/** The fields of a collection's items that translations may give, whether or not an item has them. */
export function translatableFields(collection: CollectionName | 'framework'): readonly string[] {
  if (collection === 'sources') return ['summary'];
  if (collection === 'framework') return ['title', 'summary', 'description'];
  return [...TEXT_FIELDS, ...LIST_FIELDS, 'signalsBelow', 'expectations', 'atLevel'];
}

type Item = Record<string, unknown>;
const isItem = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The strings of an item that are the framework's own words, in a fixed
 * order. Slugs, sources' titles and sections, and quotations stay as they are
 * in every language: they name things, or are the exact words of a source.
 */
export function translatableStrings(collection: CollectionName | 'framework', item: Item): TranslatableString[] {
  const out: TranslatableString[] = [];
  const add = (path: PathSegment[], value: unknown) => {
    if (typeof value === 'string') out.push({ path, key: formatFieldPath(path), text: value });
  };
  if (collection === 'sources') {
    add(['summary'], item.summary);
    return out;
  }
  for (const field of TEXT_FIELDS) {
    if (collection === 'framework' && field !== 'title' && field !== 'summary' && field !== 'description') continue;
    add([field], item[field]);
  }
  if (collection === 'framework') return out;
  for (const field of LIST_FIELDS) {
    const list = item[field];
    if (Array.isArray(list)) list.forEach((text, i) => add([field, i], text));
  }
  if (Array.isArray(item.signalsBelow)) item.signalsBelow.forEach((s, i) => isItem(s) && add(['signalsBelow', i, 'text'], s.text));
  if (isItem(item.expectations))
    for (const [dimension, cell] of Object.entries(item.expectations)) {
      if (!isItem(cell)) continue;
      add(['expectations', dimension, 'headline'], cell.headline);
      add(['expectations', dimension, 'text'], cell.text);
    }
  if (isItem(item.atLevel))
    for (const [level, note] of Object.entries(item.atLevel)) if (isItem(note)) add(['atLevel', level, 'text'], note.text);
  return out;
}

/** Hashes of English strings: every locale, and every reload, asks for the same ones. Emptied when full. */
const hashes = new Map<string, string>();
const MAX_HASHES = 200_000;

/** How a translation names the English it was made from: the first 12 hex digits of its sha256. */
export function sourceHash(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) {
    if (hashes.size >= MAX_HASHES) hashes.clear();
    hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
    hashes.set(text, hash);
  }
  return hash;
}
