import { CST, Lexer } from 'yaml';

/** No content file needs more than a handful of levels; this leaves room for any sane one. */
export const MAX_YAML_DEPTH = 64;

export type DepthCheck =
  { readonly deep: false; readonly tokens: CST.Token[] } | { readonly deep: true; readonly offset: number; readonly limit: number };

/**
 * Refuses YAML whose collections nest deeper than `limit`, before yaml's
 * composer (which recurses once per level) sees it. Two passes, both without
 * recursion: a lexer scan that stops at the first line nesting too deep (so
 * "[" × 300,000 costs milliseconds, not the parser's seconds), then an exact
 * walk of the parser's tokens, which `parse` makes from the scan's lexemes
 * (the text is lexed once) and the caller composes.
 */
export function collectionTooDeep(text: string, parse: (lexemes: readonly string[]) => CST.Token[], limit = MAX_YAML_DEPTH): DepthCheck {
  const lexed = lexedTooDeep(text, limit);
  if (typeof lexed === 'number') return { deep: true, offset: lexed, limit };
  const tokens = parse(lexed);
  const offset = parsedTooDeep(tokens, limit);
  return offset === undefined ? { deep: false, tokens } : { deep: true, offset, limit };
}

/** The lexer's own markers, which stand for no source text. */
const MARKERS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * A lower bound per line: open flow brackets, plus the block indicators
 * (`-`, `?`, `:`) written on the line outside brackets, each of which opens a
 * level in the compact forms (`- - - x`). Returns where it first passes `limit`,
 * else every lexeme, for the parser.
 */
function lexedTooDeep(text: string, limit: number): number | string[] {
  let offset = 0;
  let flow = 0;
  let indicators = 0;
  const lexemes: string[] = [];
  for (const token of new Lexer().lex(text)) {
    lexemes.push(token);
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
    if (!MARKERS.has(token)) offset += token.length;
  }
  return lexemes;
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
