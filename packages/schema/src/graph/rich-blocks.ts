import type { Nodes, Root } from 'mdast';
import type { RichBlock, RichBlockStyle, RichListKind, RichMark, RichSpan } from './types.js';

/** Lists nested deeper than this are served at this level: no renderer indents further. */
export const MAX_LIST_LEVEL = 6;

const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL as the URL Standard serialises it when it is http(s) or mailto,
 * else null. The parsed URL is what is checked and what is served, so the
 * tricks that fool a prefix check (` java\tscript:`, `JavaScript:`, entities
 * already decoded by the Markdown parser) cannot pass.
 */
export function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
}

// Marks are a bit set while walking, so a context costs the same at any
// depth; each of the 16 sets has one shared, frozen array in mark order.
const MARK_ORDER: readonly RichMark[] = ['strong', 'em', 'code', 'del'];
const STRONG = 1;
const EM = 2;
const CODE = 4;
const DEL = 8;
const MARK_SETS: readonly (readonly RichMark[])[] = Array.from({ length: 16 }, (_, bits) =>
  Object.freeze(MARK_ORDER.filter((_, index) => bits & (1 << index))),
);

interface Context {
  readonly style: RichBlockStyle;
  readonly list: RichListKind | null;
  readonly level: number;
  readonly marks: number;
  readonly href: string | null;
}

interface OpenBlock {
  readonly style: RichBlockStyle;
  readonly list: RichListKind | null;
  readonly level: number;
  readonly spans: { text: string; readonly marks: number; readonly href: string | null }[];
}

const TOP: Context = { style: 'paragraph', list: null, level: 0, marks: 0, href: null };

// Reference links repeat their definition's URL, so a short document can
// name a long URL thousands of times. Links written inline are never near
// this budget (percent-encoding at most triples a UTF-8 byte); past it, a
// link keeps its text and loses its URL, so the tree stays linear in the
// Markdown's size.
const HREF_BUDGET_BASE = 2048;
const HREF_BUDGET_PER_CHAR = 10;

/** A soft line break is a space; only a hard break (mdast `break`) is served as "\n". */
const softBreaks = (text: string) => text.replace(/\r\n?|\n/g, ' ');

/**
 * The blocks of a parsed Markdown document (remark-parse + remark-gfm):
 * paragraphs, table cells and headings (bold) become paragraphs; quotes and
 * code blocks their styles; list items carry their list's kind and nesting.
 * Raw HTML, images, footnotes, definitions and thematic breaks are dropped,
 * as the widgets' HTML allow-list dropped them; the text around raw HTML
 * tags stays. Walked with an explicit stack: a hostile content file can nest
 * quotes or emphasis thousands deep, and work and output stay linear in the
 * number of nodes. `sourceLength` is the Markdown's length, which sizes the
 * budget for repeated link URLs.
 */
export function richBlocks(root: Root, sourceLength: number): readonly RichBlock[] {
  const definitions = linkDefinitions(root);
  let hrefBudget = HREF_BUDGET_BASE + HREF_BUDGET_PER_CHAR * sourceLength;
  const hrefFor = (url: string | undefined): string | null => {
    const href = url === undefined ? null : safeHref(url);
    if (href === null || href.length > hrefBudget) return null;
    hrefBudget -= href.length;
    return href;
  };

  const blocks: OpenBlock[] = [];
  let current: OpenBlock | undefined;
  const open = (context: Context, style = context.style) => {
    current = { style, list: context.list, level: context.level, spans: [] };
    blocks.push(current);
  };
  const append = (text: string, context: Context) => {
    if (text === '') return;
    if (!current) open(context);
    const spans = current!.spans;
    const last = spans[spans.length - 1];
    if (last && last.marks === context.marks && last.href === context.href) last.text += text;
    else spans.push({ text, marks: context.marks, href: context.href });
  };

  const stack: { node: Nodes; context: Context }[] = [{ node: root, context: TOP }];
  const enter = (node: Nodes, context: Context) => {
    if (!('children' in node)) return;
    const children: readonly Nodes[] = node.children;
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, context });
  };
  const marked = (context: Context, mark: number): Context => ({ ...context, marks: context.marks | mark });

  while (stack.length > 0) {
    const { node, context } = stack.pop()!;
    switch (node.type) {
      case 'root':
      case 'listItem':
      case 'table':
      case 'tableRow':
        enter(node, context);
        break;
      case 'paragraph':
      case 'tableCell':
        open(context);
        enter(node, context);
        break;
      case 'heading':
        open(context);
        enter(node, marked(context, STRONG));
        break;
      case 'blockquote':
        enter(node, { ...context, style: 'quote' });
        break;
      case 'list':
        enter(node, { ...context, list: node.ordered ? 'number' : 'bullet', level: Math.min(context.level + 1, MAX_LIST_LEVEL) });
        break;
      case 'code':
        open(context, 'code');
        append(node.value, { ...context, marks: 0, href: null });
        current = undefined;
        break;
      case 'text':
        append(softBreaks(node.value), context);
        break;
      case 'inlineCode':
        append(softBreaks(node.value), marked(context, CODE));
        break;
      case 'break':
        append('\n', context);
        break;
      case 'emphasis':
        enter(node, marked(context, EM));
        break;
      case 'strong':
        enter(node, marked(context, STRONG));
        break;
      case 'delete':
        enter(node, marked(context, DEL));
        break;
      case 'link':
        enter(node, { ...context, href: hrefFor(node.url) });
        break;
      case 'linkReference':
        enter(node, { ...context, href: hrefFor(definitions.get(node.identifier)) });
        break;
      default:
        // html, image, imageReference, footnoteReference, footnoteDefinition,
        // definition, thematicBreak: nothing a reader sees as text.
        break;
    }
  }

  return Object.freeze(
    blocks
      .filter((block) => block.spans.length > 0)
      .map((block): RichBlock =>
        Object.freeze({
          style: block.style,
          list: block.list,
          level: block.level,
          spans: Object.freeze(
            block.spans.map((span): RichSpan => Object.freeze({ text: span.text, marks: MARK_SETS[span.marks]!, href: span.href })),
          ),
        }),
      ),
  );
}

/** Markdown that could not be parsed, served as written: one paragraph, its lines kept. */
export function plainTextBlocks(text: string): readonly RichBlock[] {
  if (text === '') return Object.freeze([]);
  const span: RichSpan = Object.freeze({ text: text.replace(/\r\n?/g, '\n'), marks: MARK_SETS[0]!, href: null });
  return Object.freeze([Object.freeze({ style: 'paragraph', list: null, level: 0, spans: Object.freeze([span]) } satisfies RichBlock)]);
}

/** The URL of each link reference definition, by identifier; the first definition of an identifier wins, as in CommonMark. */
function linkDefinitions(root: Root): ReadonlyMap<string, string> {
  const urls = new Map<string, string>();
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') {
      if (!urls.has(node.identifier)) urls.set(node.identifier, node.url);
    } else if ('children' in node) {
      // Reversed, so definitions are met in document order.
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
    }
  }
  return urls;
}
