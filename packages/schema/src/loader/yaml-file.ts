import { Composer, LineCounter, Parser, YAMLParseError, isMap, isScalar, visit, type Document, type Node } from 'yaml';
import { collectionTooDeep } from './yaml-depth.js';
import type { ContentError } from './content-error.js';
import { formatFieldPath, type PathSegment } from './field-path.js';

/** A parsed content file that can say where any path in it was written. */
export interface YamlFile {
  readonly file: string;
  readonly data: unknown;
  /** Position of the value at `path`, or of its nearest ancestor that exists. */
  positionOf(path: readonly PathSegment[]): { line: number; column: number };
  /** Position of the key naming `path`'s last segment in its map (for unknown or duplicate keys). */
  keyPositionOf(path: readonly PathSegment[]): { line: number; column: number };
  /** A located error at `path`. */
  errorAt(path: readonly PathSegment[], message: string, at?: 'key' | 'value'): ContentError;
}

export type ParseResult = { ok: true; yaml: YamlFile } | { ok: false; errors: ContentError[] };

export function parseYamlFile(file: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // What yaml's parseDocument does, with a depth check between its two
  // stages: the parser keeps its own stack, but the composer recurses once
  // per level, and "[" × 20,000 would overflow the call stack.
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0); // what Parser#parse does first, which this feeds lexeme by lexeme instead
  const tooDeep = collectionTooDeep(text, parser);
  if (tooDeep.deep) {
    return {
      ok: false,
      errors: [
        {
          file,
          ...positionIn(text, tooDeep.offset),
          field: '',
          message: `YAML nested deeper than ${tooDeep.limit} levels; content needs only a few`,
        },
      ],
    };
  }
  const doc = composeOne(tooDeep.tokens, text.length);

  if (doc.errors.length > 0) {
    // Only the first: one broken bracket makes the parser report a cascade of
    // follow-on errors that vanish once it is fixed.
    const first = doc.errors[0]!;
    return { ok: false, errors: [{ file, ...at(first.pos[0]), field: '', message: `YAML syntax error: ${firstLine(first.message)}` }] };
  }

  const nodeAt = (path: readonly PathSegment[]): { node: Node | null; depth: number } => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? (doc.contents as Node | null) : (doc.getIn(path.slice(0, depth), true) as Node | null);
      if (node && typeof node === 'object' && 'range' in node && node.range) return { node, depth };
    }
    return { node: null, depth: 0 };
  };

  const positionOf = (path: readonly PathSegment[]) => {
    const { node } = nodeAt(path);
    return node?.range ? at(node.range[0]) : { line: 1, column: 1 };
  };

  const keyPositionOf = (path: readonly PathSegment[]) => {
    const key = path[path.length - 1];
    const parent = path.slice(0, -1);
    const container = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
    if (isMap(container)) {
      const pair = container.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
    }
    return positionOf(path);
  };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Aliases are resolved only here: an alias to no anchor, or too many
    // (a "billion laughs" file), is reported where the first alias sits.
    let where = { line: 1, column: 1 };
    visit(doc, {
      Alias(_key, node) {
        if (node.range) where = at(node.range[0]);
        return visit.BREAK;
      },
    });
    return {
      ok: false,
      errors: [{ file, ...where, field: '', message: `YAML could not be read: ${firstLine((error as Error).message)}` }],
    };
  }

  const yaml: YamlFile = {
    file,
    data,
    positionOf,
    keyPositionOf,
    errorAt: (path, message, where = 'value') => ({
      file,
      ...(where === 'key' ? keyPositionOf(path) : positionOf(path)),
      field: formatFieldPath(path),
      message,
    }),
  };
  return { ok: true, yaml };
}

/** Line and column of `offset`, for an error found before the parser (which fills the LineCounter) ran. */
function positionIn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The first document, with an error if more follow (as yaml's parseDocument does). */
function composeOne(tokens: Parameters<Composer['compose']>[0], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer({ uniqueKeys: true }).compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc!;
}

/** yaml's messages carry a trailing "at line x, column y" and code excerpt; we print our own position. */
function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

export type { Document };

/**
 * Each file's top-level mapping, in order, for the readers of content,
 * overlays and translations alike: a file that does not parse, or holds
 * anything but a mapping, is a located error (`holds` says what it should
 * hold: "a content file must be a mapping of …"); an empty file holds
 * nothing, which is fine.
 */
export function* mappingFiles(
  files: readonly { readonly file: string; readonly text: string }[],
  errors: ContentError[],
  holds: string,
): Generator<{ readonly yaml: YamlFile; readonly data: Record<string, unknown> }> {
  for (const { file, text } of files) {
    const parsed = parseYamlFile(file, text);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const { yaml } = parsed;
    const data = yaml.data;
    if (data === null || data === undefined) continue;
    if (typeof data !== 'object' || Array.isArray(data)) {
      errors.push(yaml.errorAt([], `${holds}, not ${Array.isArray(data) ? 'a list' : 'a single value'}`));
      continue;
    }
    yield { yaml, data: data as Record<string, unknown> };
  }
}
