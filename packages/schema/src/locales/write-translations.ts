import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type ToStringOptions } from 'yaml';
import type { PathSegment } from '../loader/field-path.js';
import type { CollectionName } from '../model/index.js';

/** One translated string to record in a translation file, with the hash of the English it translates. */
export interface TranslationEdit {
  readonly collection: CollectionName | 'framework';
  /** Undefined for the framework header. */
  readonly slug: string | undefined;
  /** Where the string is inside its entry. */
  readonly path: readonly PathSegment[];
  /** Its `translatedFrom` key. */
  readonly key: string;
  readonly text: string;
  readonly hash: string;
}

/** An edit the file cannot take as it stands: a list entry past the end of the translated list. */
export class TranslationEditError extends Error {}

/** The width the shipped translation files are wrapped at. */
const LINE_WIDTH = 100;
/** Longer strings are written as folded blocks (`>-`), as the shipped files write them. */
const FOLD_OVER = 60;

type NodePath = readonly PathSegment[];

/** What changed in the document, at the smallest scale the original text can be patched at. */
interface Changes {
  /** Existing scalars given a new value. */
  readonly scalars: NodePath[];
  /** New nodes (a key, a list item, an entry, a collection) whose parent the original has. */
  readonly added: NodePath[];
}

/**
 * A translation file's text with the edits recorded: each string set where
 * its entry (found by slug, or created) keeps it, and its hash set in the
 * entry's `translatedFrom`. The file is patched rather than rewritten:
 * comments, key order, wrapping and every entry not edited stay byte for byte
 * as they were. Only when a patch would not read back as the edited document
 * (an unusual layout) is the whole file written out again, comments kept.
 * `original` undefined makes a new file that starts with `heading`.
 */
export function mergeTranslations(original: string | undefined, edits: readonly TranslationEdit[], heading: string): string {
  const doc = original === undefined ? new Document(new YAMLMap()) : parseDocument(original);
  if (doc.errors.length > 0) throw new Error(`cannot edit a translation file with YAML errors: ${doc.errors[0]!.message}`);
  if (original === undefined) doc.commentBefore = ` ${heading}`;
  if (doc.contents === null) doc.contents = new YAMLMap();
  if (!isMap(doc.contents)) throw new TranslationEditError('the file is not a mapping of collections');
  const changes: Changes = { scalars: [], added: [] };
  for (const edit of edits) {
    const entry = entryFor(doc, edit, changes);
    setString(doc, entry, edit.path, edit.text, changes);
    setString(doc, entry, ['translatedFrom', edit.key], edit.hash, changes);
  }
  const options: ToStringOptions = { lineWidth: LINE_WIDTH, indentSeq: original === undefined || indentsSequences(doc, original) };
  const rendered = doc.toString(options);
  if (original === undefined) return rendered;
  const patched = patch(original, doc, rendered, changes);
  const expected: unknown = doc.toJS();
  const reread = patched === undefined ? undefined : parseDocument(patched);
  return reread && reread.errors.length === 0 && isDeepStrictEqual(reread.toJS(), expected) ? patched! : rendered;
}

/** The path of the entry an edit goes in, made when the file lacks it. */
function entryFor(doc: Document, edit: TranslationEdit, changes: Changes): NodePath {
  const root = doc.contents as YAMLMap;
  if (edit.collection === 'framework') {
    if (!root.has('framework')) add(root, ['framework'], new YAMLMap(), changes);
    if (!isMap(root.get('framework', true))) throw new TranslationEditError('framework is not a mapping');
    return ['framework'];
  }
  if (!root.has(edit.collection)) add(root, [edit.collection], new YAMLSeq(), changes);
  const list = root.get(edit.collection, true);
  if (!isSeq(list)) throw new TranslationEditError(`${edit.collection} is not a list of entries`);
  let index = list.items.findIndex((item) => isMap(item) && item.get('slug') === edit.slug);
  if (index < 0) {
    const entry = new YAMLMap();
    entry.set('slug', edit.slug);
    index = list.items.length;
    add(list, [edit.collection, index], entry, changes);
  }
  return [edit.collection, index];
}

function setString(doc: Document, entry: NodePath, at: NodePath, text: string, changes: Changes): void {
  const full = [...entry, ...at];
  const existing = doc.getIn(full, true);
  if (isScalar(existing)) {
    if (existing.value === text) return;
    existing.value = text;
    changes.scalars.push(full);
    return;
  }
  if (existing !== undefined) throw new TranslationEditError(`${at.join('.')} holds a list or mapping, not the text`);
  let parent = doc.getIn(entry, true) as YAMLMap | YAMLSeq;
  for (const [i, segment] of at.entries()) {
    const last = i === at.length - 1;
    let child = last ? undefined : (parent.get(segment, true) as Node | undefined);
    if (child === undefined) {
      child = last ? scalarFor(text) : typeof at[i + 1] === 'number' ? new YAMLSeq() : new YAMLMap();
      add(parent, full.slice(0, entry.length + i + 1), child, changes, i === 0);
    }
    parent = child as YAMLMap | YAMLSeq;
  }
}

/**
 * Puts a new node in a list (only at its end: a translated list has no gaps)
 * or a mapping (before translatedFrom, which ends an entry), and records it
 * when its parent is from the original text: a node under a new one goes in
 * with it.
 */
function add(parent: YAMLMap | YAMLSeq, at: NodePath, node: Node, changes: Changes, inEntry = false): void {
  const key = at.at(-1)!;
  if (isSeq(parent)) {
    if (key !== parent.items.length)
      throw new TranslationEditError(`cannot translate entry ${key} of a list whose translation has ${parent.items.length} entries`);
    parent.items.push(node);
  } else {
    const pair = new Pair(new Scalar(key), node);
    const before = inEntry ? parent.items.findIndex((p) => isScalar(p.key) && p.key.value === 'translatedFrom') : -1;
    if (before >= 0) parent.items.splice(before, 0, pair);
    else parent.items.push(pair);
  }
  if (parent.range) changes.added.push(at);
}

function scalarFor(text: string): Scalar {
  const scalar = new Scalar(text);
  if (text.includes('\n')) scalar.type = Scalar.BLOCK_LITERAL;
  else if (text.length > FOLD_OVER) scalar.type = Scalar.BLOCK_FOLDED;
  return scalar;
}

/** Whether the file indents a list's dashes under its key (`levels:\n  - slug:`), as the yaml library does by default. */
function indentsSequences(doc: Document, original: string): boolean {
  for (const pair of (doc.contents as YAMLMap).items) {
    const list = pair.value;
    if (isSeq(list) && list.range && !list.flow) return list.range[0] > lineStart(original, list.range[0]);
  }
  return true;
}

/** The offset at which the line holding `offset` begins. */
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

interface Splice {
  readonly at: number;
  readonly end: number;
  readonly text: string;
  /** How deep the parent of a new node is: at one point, what closes a deeper mapping goes first. */
  readonly depth: number;
}

type Ranged = { readonly range?: readonly [number, number, number] | null };
const rangeOf = (node: unknown) => (node && typeof node === 'object' ? ((node as Ranged).range ?? undefined) : undefined);

/**
 * The original text with each change copied in from the rendered document: a
 * changed scalar's value in place of the old one, and each new node's lines
 * where it goes (before the pair that follows it, or after its parent's last
 * item). Undefined when a change has no such place (a flow-style `{}`, say).
 */
function patch(original: string, doc: Document, rendered: string, changes: Changes): string | undefined {
  const after = parseDocument(rendered);
  const splices: Splice[] = [];
  for (const p of changes.scalars) {
    const [from, to] = [rangeOf(doc.getIn(p, true)), rangeOf(after.getIn(p, true))];
    if (!from || !to) return undefined;
    const text = rendered.slice(to[0], to[1]);
    // A value that ended its line must still end it, and one that did not must not.
    if (original.slice(from[0], from[1]).endsWith('\n') !== text.endsWith('\n')) return undefined;
    splices.push({ at: from[0], end: from[1], text, depth: p.length });
  }
  for (const p of changes.added) {
    const parent = p.length === 1 ? doc.contents : doc.getIn(p.slice(0, -1), true);
    const renderedParent = p.length === 1 ? after.contents : after.getIn(p.slice(0, -1), true);
    const at = insertionPoint(original, parent, p.at(-1)!);
    const lines = linesOf(rendered, renderedParent, p.at(-1)!);
    if (at === undefined || lines === undefined) return undefined;
    splices.push({ at, end: at, text: (at === 0 || original[at - 1] === '\n' ? '' : '\n') + lines, depth: p.length });
  }
  let text = original;
  // From the end, so earlier offsets hold. New nodes at one point end up deepest first (the end of
  // `expectations` before a key that follows it), then in the order they were added.
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.at - a.at || a.depth - b.depth || b.i - a.i);
  for (const splice of ordered) text = text.slice(0, splice.at) + splice.text + text.slice(splice.end);
  return text;
}

/** Where a new node of `parent` goes in the original: at the line of the pair after it, or after the last item. */
function insertionPoint(original: string, parent: unknown, key: PathSegment): number | undefined {
  if ((!isMap(parent) && !isSeq(parent)) || parent.flow) return undefined;
  const items = parent.items as unknown[];
  const index = isSeq(parent) ? (key as number) : parent.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  const next = items.slice(index + 1).find((item) => rangeOf(isMap(parent) ? (item as Pair).key : item));
  if (next) return lineStart(original, rangeOf(isMap(parent) ? (next as Pair).key : next)![0]);
  const previous = items
    .slice(0, index)
    .reverse()
    .find((item) => rangeOf(isMap(parent) ? (item as Pair).value : item));
  return previous ? rangeOf(isMap(parent) ? (previous as Pair).value : previous)![2] : undefined;
}

/** A new node's whole lines in the rendered text: its key (or list dash) to the end of its value. */
function linesOf(rendered: string, parent: unknown, key: PathSegment): string | undefined {
  if (!isMap(parent) && !isSeq(parent)) return undefined;
  let first, last;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    [first, last] = [rangeOf(pair?.key), rangeOf(pair?.value)];
  } else first = last = rangeOf(parent.items[key as number]);
  if (!first || !last) return undefined;
  const end = rendered[last[2] - 1] === '\n' ? last[2] : rendered.indexOf('\n', last[2]) + 1 || rendered.length;
  return rendered.slice(lineStart(rendered, first[0]), end);
}
