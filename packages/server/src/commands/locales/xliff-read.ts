import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { readPlainFile, type ContentError } from '@altitude/schema';
import { xliff2js, type XliffUnit, type XliffValue } from './xliff-library.js';
import { SOURCE_HASH_ATTRIBUTE } from './xliff-ids.js';

/** The largest XLIFF file read: a complete translation of the framework is about 300 KiB. */
export const MAX_XLIFF_BYTES = 10 * 1024 * 1024;
/** The most units read: the framework has a few hundred strings, a large overlay a few thousand. */
export const MAX_XLIFF_UNITS = 20_000;
/** The deepest element nesting read: an export nests five deep (xliff, file, group, unit, segment, target). */
export const MAX_XLIFF_DEPTH = 32;

/** One <unit> as read, and where it is in the file. */
export interface ReadUnit {
  readonly fileId: string;
  /** Its <group>'s id, when it is in one. */
  readonly groupId: string | undefined;
  readonly unitId: string;
  readonly target: XliffValue | undefined;
  /** The hash of the English it was exported with, when the unit records it. */
  readonly sourceHash: string | undefined;
  readonly line: number;
  readonly column: number;
}

export interface ReadXliff {
  readonly file: string;
  /** As written, not yet checked. */
  readonly srcLang: string | undefined;
  readonly trgLang: string | undefined;
  /** Where the <xliff> element is, for errors about its attributes. */
  readonly line: number;
  readonly column: number;
  readonly units: readonly ReadUnit[];
}

export type ReadXliffResult = { readonly ok: true; readonly xliff: ReadXliff } | { readonly ok: false; readonly errors: ContentError[] };

/** Reads an XLIFF file a user names: a regular file of at most MAX_XLIFF_BYTES (a pipe or device would hang the reader). */
export async function readXliffFile(file: string): Promise<ReadXliffResult> {
  const at = { file, line: 1, column: 1, field: '' };
  let text: string | { refused: string };
  try {
    text = await readPlainFile(file, await realpath(path.dirname(file)), MAX_XLIFF_BYTES);
  } catch (error) {
    text = { refused: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  if (typeof text !== 'string' && text.refused.includes('ENOENT')) text = { refused: 'no such file' };
  if (typeof text !== 'string') return { ok: false, errors: [{ ...at, message: text.refused }] };
  return parseXliff(text, file);
}

/**
 * An XLIFF 2.x document's units, read with the xliff library once the text
 * is known to be safe to give it: no DOCTYPE or entity declarations (the
 * XML parser under it does not expand them, but nothing an XLIFF file needs
 * uses them, and "billion laughs" and external entities are how such files
 * attack), at most MAX_XLIFF_UNITS units, nested at most MAX_XLIFF_DEPTH deep
 * (the library reads groups recursively). Every unit is read or the file is
 * refused: the library skips a unit without an id and keeps one of two with
 * the same id, so the units it returns are counted against those written.
 */
export async function parseXliff(raw: string, file: string): Promise<ReadXliffResult> {
  const text = raw.replace(/^\uFEFF/, '');
  const lines = lineStarts(text);
  const error = (offset: number, message: string, field = ''): ContentError => ({ file, ...position(lines, offset), field, message });

  const declaration = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (declaration)
    return {
      ok: false,
      errors: [
        error(
          declaration.index,
          `<!${declaration[1]!.toUpperCase()}> is refused: an XLIFF file needs no DOCTYPE or entity declarations, and they are how XML files attack their readers (entity expansion, external entities)`,
        ),
      ],
    };
  const markup = withoutCommentsAndCdata(text);
  const tags = scanTags(markup);
  if (tags.deepest.depth > MAX_XLIFF_DEPTH)
    return { ok: false, errors: [error(tags.deepest.offset, `elements nest more than ${MAX_XLIFF_DEPTH} deep; an XLIFF export nests 6`)] };
  if (tags.units.length > MAX_XLIFF_UNITS)
    return {
      ok: false,
      errors: [
        error(
          tags.units[MAX_XLIFF_UNITS]!.offset,
          `more than ${MAX_XLIFF_UNITS} units; split the file (the framework has a few hundred strings)`,
        ),
      ],
    };

  let document;
  try {
    document = await xliff2js(text);
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    // sax's messages end "Line: 3\nColumn: 14\nChar: x", counted from 0.
    const where = /Line: (\d+)\s+Column: (\d+)/.exec(message);
    if (!where) return { ok: false, errors: [error(0, `could not be read as XLIFF 2.0 (${message}); is every <unit> given a <segment>?`)] };
    const offset = (lines[Number(where[1])] ?? 0) + Number(where[2]);
    return { ok: false, errors: [error(offset, `not well-formed XML: ${message.split('\n')[0]}`)] };
  }
  const root = /<xliff\b/.exec(markup)?.index ?? 0;
  if (!document.resources)
    return {
      ok: false,
      errors: [
        error(
          root,
          'not an XLIFF 2.0 document: expected <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="…">, as `altitude locales export` writes',
        ),
      ],
    };

  const located = new Map(tags.units.map((u) => [`${u.fileId} ${u.unitId}`, u.offset]));
  const units: ReadUnit[] = [];
  const errors: ContentError[] = [];
  for (const [fileId, entries] of Object.entries(document.resources)) {
    for (const [id, entry] of Object.entries(entries)) {
      // Elements the library does not know (<mda:metadata>, say) are kept under this key.
      if (id === '_additionalElements') continue;
      if (!entry || !('groupUnits' in entry)) {
        units.push(unitRead(fileId, undefined, id, entry));
        continue;
      }
      for (const [unitId, unit] of Object.entries(entry.groupUnits)) {
        if (unit && typeof unit === 'object' && 'groupUnits' in unit) {
          const offset = tags.groups.find((g) => g.fileId === fileId && g.id === unitId)?.offset ?? root;
          errors.push(error(offset, `group "${unitId}" is inside group "${id}"; Altitude's files have one level of groups, one per item`));
        } else if (unitId !== '_additionalElements') units.push(unitRead(fileId, id, unitId, unit));
      }
    }
  }
  if (units.length + errors.length < tags.units.length)
    errors.push(
      error(
        root,
        `the file has ${tags.units.length} <unit> elements but only ${units.length} distinct ones: every unit needs an id of its own within its <file>`,
      ),
    );
  if (errors.length > 0) return { ok: false, errors };
  const [line, column] = [position(lines, root).line, position(lines, root).column];
  return { ok: true, xliff: { file, srcLang: document.sourceLanguage, trgLang: document.targetLanguage, line, column, units } };

  function unitRead(fileId: string, groupId: string | undefined, unitId: string, unit: XliffUnit | undefined): ReadUnit {
    const hash = unit?.additionalAttributes?.[SOURCE_HASH_ATTRIBUTE] ?? sourceHashOf(unit?.additionalAttributes);
    return {
      fileId,
      groupId,
      unitId,
      target: unit?.target,
      sourceHash: hash === undefined ? undefined : String(hash),
      ...position(lines, located.get(`${fileId} ${unitId}`) ?? root),
    };
  }
}

/** The hash under another prefix, for a tool that rewrote the namespace prefix (XML allows any). */
function sourceHashOf(attributes: Record<string, string | number> | undefined): string | number | undefined {
  return Object.entries(attributes ?? {}).find(([name]) => name.endsWith(':sourceHash'))?.[1];
}

/**
 * The text with comments and CDATA sections blanked (not cut, so offsets
 * still match), in one pass: a regex would rescan the rest of the text from
 * every unterminated `<!--`.
 */
function withoutCommentsAndCdata(text: string): string {
  const parts: string[] = [];
  let from = 0;
  // Each search runs again only once passed, so the text is scanned a bounded number of times.
  let comment = text.indexOf('<!--');
  let cdata = text.indexOf('<![CDATA[');
  while (comment >= 0 || cdata >= 0) {
    const isComment = cdata < 0 || (comment >= 0 && comment < cdata);
    const start = isComment ? comment : cdata;
    const close = isComment ? '-->' : ']]>';
    const end = text.indexOf(close, start + 4);
    const stop = end < 0 ? text.length : end + close.length;
    parts.push(text.slice(from, start), text.slice(start, stop).replace(/[^\n]/g, ' '));
    from = stop;
    if (comment >= 0 && comment < from) comment = text.indexOf('<!--', from);
    if (cdata >= 0 && cdata < from) cdata = text.indexOf('<![CDATA[', from);
  }
  parts.push(text.slice(from));
  return parts.join('');
}

interface Tag {
  readonly fileId: string;
  readonly id: string;
  readonly offset: number;
}

/**
 * One pass over the tags: how deep elements nest, and where each <unit> and
 * <group> is (by its <file>'s id and its own), to locate errors by line.
 */
function scanTags(markup: string) {
  const units: (Tag & { unitId: string })[] = [];
  const groups: Tag[] = [];
  let depth = 0;
  let deepest = { depth: 0, offset: 0 };
  let fileId = '';
  // No part of a tag may hold "<" (nor may well-formed XML), so each match stops at the next tag: linear time.
  for (const match of markup.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*?)(\/?)>/g)) {
    const [, closing, name, attributes, selfClosing] = match;
    if (closing) {
      depth--;
      continue;
    }
    if (!selfClosing && ++depth > deepest.depth) deepest = { depth, offset: match.index };
    const local = name!.slice(name!.indexOf(':') + 1);
    if (local !== 'file' && local !== 'unit' && local !== 'group') continue;
    const id = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes!);
    const value = id?.[1] ?? id?.[2] ?? '';
    if (local === 'file') fileId = value;
    else if (local === 'unit') units.push({ fileId, id: value, unitId: value, offset: match.index });
    else groups.push({ fileId, id: value, offset: match.index });
  }
  return { units, groups, deepest };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
