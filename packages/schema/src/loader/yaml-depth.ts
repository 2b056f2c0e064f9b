import { CST, Lexer } from 'yaml';

/** No content file needs more than a handful of levels; this leaves room for any sane one. */
export const MAX_YAML_DEPTH = 64;

export type DepthCheck =
  { readonly deep: false; readonly tokens: CST.Token[] } | { readonly deep: true; readonly offset: number; readonly limit: number };

/** What the depth check feeds: yaml's Parser, one lexeme at a time. */
export interface LexemeParser {
  next(lexeme: string): Iterable<CST.Token>;
  end(): Iterable<CST.Token>;
}

/**
 * Refuses YAML whose collections nest deeper than `limit`, before yaml's
 * composer (which recurses once per level) sees it. Two checks, both without
 * recursion: while the text is lexed, once, and each lexeme handed to the
 * parser, a scan that stops at the first line nesting too deep (so
 * "[" × 300,000 costs milliseconds, not the parser's seconds); then an exact
 * walk of the parser's tokens, which the caller composes.
 */
export function collectionTooDeep(text: string, parser: LexemeParser, limit = MAX_YAML_DEPTH): DepthCheck {
  const tokens: CST.Token[] = [];
  const lexed = lexedTooDeep(text, limit, (lexeme) => {
    for (const token of parser.next(lexeme)) tokens.push(token);
  });
  if (lexed !== undefined) return { deep: true, offset: lexed, limit };
  for (const token of parser.end()) tokens.push(token);
  const offset = parsedTooDeep(tokens, limit);
  return offset === undefined ? { deep: false, tokens } : { deep: true, offset, limit };
}

/** The lexer's own markers, which stand for no source text. */
const MARKERS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * A lower bound per line: open flow brackets, plus the block indicators
 * (`-`, `?`, `:`) written on the line outside brackets, each of which opens a
 * level in the compact forms (`- - - x`). Hands each lexeme on, and returns
 * where the text first passes `limit`, if it does.
 */
function lexedTooDeep(text: string, limit: number, each: (lexeme: string) => void): number | undefined {
  let offset = 0;
  let flow = 0;
  let indicators = 0;
  for (const token of new Lexer().lex(text)) {
    switch (CST.tokenType(token)) {
      case 'flow-map-start':
      case 'flow-seq-start':
        flow++;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        if (flow === 0) indicators++;
        break;
      case 'newline':
        indicators = 0;
        break;
    }
    if (flow + indicators > limit) return offset;
    each(token);
    if (!MARKERS.has(token)) offset += token.length;
  }
  return undefined;
}

/** The exact depth of every collection, block or flow, walked with an explicit stack. */
function parsedTooDeep(tokens: readonly CST.Token[], limit: number): number | undefined {
  const pending: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [token, depth] = next;
    if (token.type === 'document' && token.value) pending.push([token.value, depth]);
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limit) return token.offset;
      for (const item of token.items as CST.CollectionItem[]) {
        if (item.key) pending.push([item.key, depth + 1]);
        if (item.value) pending.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}
