import {
  closest,
  collectionNames,
  type ContentError,
  type TranslationItem,
  type TranslationString,
  type TranslationWrite,
} from '@altitude/schema';
import { HEADER_FILE, SOURCE_HASH_ATTRIBUTE, unitId } from './xliff-ids.js';
import type { ReadUnit, ReadXliff } from './xliff-read.js';
import { withTrailingBreak } from './xliff-text.js';

const HASH = /^[0-9a-f]{12}$/;

/** A string to write, and the unit it came from. */
export type PlannedWrite = TranslationWrite & { readonly unit: ReadUnit };

/** What importing a vendor's file would do, and what stops it. */
export interface ImportPlan {
  readonly writes: readonly PlannedWrite[];
  readonly unchanged: number;
  /** Units with no target, or a blank one: left as they are. */
  readonly empty: number;
  /** Strings translated from English that has changed since: not written. */
  readonly refused: readonly ContentError[];
  /** Anything wrong with the file: nothing is written while there is one. */
  readonly errors: readonly ContentError[];
}

/**
 * Checks every unit of a vendor's file against the items it translates —
 * its file, item and field must exist (with did-you-mean), it must record the
 * hash of the English it was exported with, and its target must be text —
 * and sorts the strings into those to write, those unchanged and those whose
 * English has changed since the export (refused, unless `acceptStale`).
 */
export function planImport(xliff: ReadXliff, items: readonly TranslationItem[], options: { readonly acceptStale: boolean }): ImportPlan {
  const byCollection = new Map<string, Map<string, TranslationItem>>();
  for (const item of items) {
    const slugs = byCollection.get(item.collection) ?? new Map<string, TranslationItem>();
    slugs.set(item.slug ?? '', item);
    byCollection.set(item.collection, slugs);
  }
  const errors: ContentError[] = [];
  const refused: ContentError[] = [];
  const writes: PlannedWrite[] = [];
  const seen = new Map<string, ReadUnit>();
  const unknownFiles = new Set<string>();
  let unchanged = 0;
  let empty = 0;

  for (const unit of xliff.units) {
    const located = (field: string, message: string): ContentError => ({
      file: xliff.file,
      line: unit.line,
      column: unit.column,
      field,
      message,
    });
    const found = stringOf(unit, byCollection);
    if ('problem' in found) {
      // One error for a <file> whose id names nothing, not one per unit in it.
      if (!byCollection.has(unit.fileId) && unknownFiles.has(unit.fileId)) continue;
      if (!byCollection.has(unit.fileId)) unknownFiles.add(unit.fileId);
      errors.push(located(found.field, found.problem));
      continue;
    }
    const { item, string } = found;
    const field = item.slug === undefined ? `framework ${string.key}` : `${item.collection}/${item.slug} ${string.key}`;
    const id = `${item.collection}/${item.slug ?? ''} ${string.key}`;
    const earlier = seen.get(id);
    if (earlier) {
      errors.push(located(field, `translated twice in this file (also at line ${earlier.line}); keep one`));
      continue;
    }
    seen.set(id, unit);
    const target = unit.target;
    if (target === undefined || (typeof target === 'string' && target.trim() === '')) {
      empty++;
      continue;
    }
    if (typeof target !== 'string') {
      errors.push(
        located(
          field,
          'the target holds inline codes (<ph>, <pc>, …); Altitude strings are Markdown text: write the markup as the source has it, as plain text',
        ),
      );
      continue;
    }
    if (unit.sourceHash === undefined || !HASH.test(unit.sourceHash)) {
      errors.push(
        located(
          field,
          unit.sourceHash === undefined
            ? `the unit has no ${SOURCE_HASH_ATTRIBUTE}, so which English it translates is unknown; translate a file that \`altitude locales export\` wrote`
            : `${SOURCE_HASH_ATTRIBUTE} must be the 12 hex digits the export wrote, got ${JSON.stringify(unit.sourceHash.slice(0, 20))}`,
        ),
      );
      continue;
    }
    if (unit.sourceHash !== string.hash && !options.acceptStale) {
      refused.push(
        located(
          field,
          `not written: the English has changed since the file was exported (from ${unit.sourceHash}, now ${string.hash}); export again and translate the new English, or pass --accept-stale to record this as a translation of the English as it is now`,
        ),
      );
      continue;
    }
    const text = withTrailingBreak(target, string.translation?.text ?? string.source);
    if (string.translation?.text === text && string.translation.from === string.hash) {
      unchanged++;
      continue;
    }
    writes.push({ item, string, text, hash: string.hash, unit });
  }
  errors.push(...listGaps(writes, xliff.file));
  return { writes, unchanged, empty, refused, errors };
}

/** The item and string a unit names, or what is wrong with its ids. */
function stringOf(
  unit: ReadUnit,
  byCollection: ReadonlyMap<string, ReadonlyMap<string, TranslationItem>>,
): { item: TranslationItem; string: TranslationString } | { field: string; problem: string } {
  const field = `${unit.fileId}/${unit.unitId}`;
  const slugs = byCollection.get(unit.fileId);
  if (!slugs) {
    const suggestion = closest(unit.fileId, [HEADER_FILE, ...collectionNames]);
    return {
      field,
      problem: `unknown file "${unit.fileId}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; a <file> id names a collection (${collectionNames.join(', ')}) or ${HEADER_FILE}; none of its units is read`,
    };
  }
  const header = unit.fileId === HEADER_FILE;
  const dot = unit.unitId.indexOf('.');
  if (!header && dot < 0) return { field, problem: `unit id "${unit.unitId}" must be the item's slug, a dot, and the field: staff.title` };
  const slug = header ? '' : unit.unitId.slice(0, dot);
  if (unit.groupId !== undefined && unit.groupId !== slug)
    return { field, problem: `the unit is in group "${unit.groupId}" but its id names item "${slug}"; a group holds one item's units` };
  const item = slugs.get(slug);
  if (!item) {
    const suggestion = closest(slug, [...slugs.keys()]);
    return {
      field,
      problem: `there is no ${unit.fileId} item "${slug}" to translate${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
    };
  }
  const string = item.strings.find((s) => unitId(item.slug, s.key) === unit.unitId);
  if (!string) {
    const fields = item.strings.map((s) => unitId(undefined, s.key));
    const name = header ? unit.unitId : unit.unitId.slice(dot + 1);
    const suggestion = closest(name, fields);
    return {
      field: header ? `framework ${name}` : `${unit.fileId}/${slug} ${name}`,
      problem: `${header ? 'the framework' : `${unit.fileId} "${slug}"`} has no string "${name}" to translate${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
    };
  }
  return { item, string };
}

/**
 * A translation file's list holds a prefix of the English list (`symptoms`
 * translated up to some entry): an entry written after an untranslated one
 * would leave a hole the file cannot hold.
 */
function listGaps(writes: readonly PlannedWrite[], file: string): ContentError[] {
  const errors: ContentError[] = [];
  const lists = new Map<string, { item: TranslationItem; field: string; writes: PlannedWrite[] }>();
  for (const write of writes) {
    const [field, index] = write.string.path;
    if (typeof index !== 'number') continue;
    const key = `${write.item.collection}/${write.item.slug ?? ''} ${String(field)}`;
    const list = lists.get(key) ?? { item: write.item, field: String(field), writes: [] };
    list.writes.push(write);
    lists.set(key, list);
  }
  for (const { item, field, writes: listWrites } of lists.values()) {
    const held = new Set<number>();
    for (const s of item.strings) if (s.path[0] === field && s.translation) held.add(s.path[1] as number);
    for (const w of listWrites) held.add(w.string.path[1] as number);
    const last = Math.max(...held);
    const hole = [...Array(last + 1).keys()].find((i) => !held.has(i));
    if (hole === undefined) continue;
    for (const w of listWrites.filter((w) => (w.string.path[1] as number) > hole))
      errors.push({
        file,
        line: w.unit.line,
        column: w.unit.column,
        field: `${item.collection}/${item.slug} ${w.string.key}`,
        message: `cannot be written while ${field}[${hole}] has no translation: a translated list has no gaps; translate ${field}[${hole}] too`,
      });
  }
  return errors;
}
