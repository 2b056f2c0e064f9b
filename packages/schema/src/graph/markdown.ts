import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { markdownProblem } from '../model/markdown-bounds.js';
import { plainTextBlocks, richBlocks } from './rich-blocks.js';
import type { RichBlock, RichText } from './types.js';

// remark-rehype drops raw HTML (it is not asked to keep it) and rehype-sanitize
// applies GitHub's allow-list on top, so hostile markup and javascript: links
// never reach the HTML we serve.
const parser = unified().use(remarkParse).use(remarkGfm);
const transformer = unified().use(remarkRehype).use(rehypeSanitize);
const stringifier = unified().use(rehypeStringify);

/**
 * The Markdown as written, with its HTML, plain text and blocks rendered on
 * first read and kept (text beyond the bounds of markdown-bounds.ts is
 * served as one plain paragraph of itself, never parsed): rendering is most of what loading costs, and most
 * strings are never asked for as HTML (a framework 100 times this one loads
 * in about a tenth of the time it took when every string was rendered up
 * front). Blocks parse the Markdown again rather than keep its syntax tree:
 * a client reads one form or the other, and a tree kept for every string
 * read would cost more memory than a second parse of the few read both ways.
 */
export function renderMarkdown(markdown: string): RichText {
  let rendered: { html: string; text: string } | undefined;
  let blocks: readonly RichBlock[] | undefined;
  let unbounded: boolean | undefined;
  // The loader refuses such text; checked here too, on first read, so a
  // caller that skipped validation cannot make a read cost seconds.
  const beyondBounds = () => (unbounded ??= markdownProblem(markdown) !== undefined);
  const render = () => {
    if (!rendered && beyondBounds()) rendered = { html: `<p>${escapeHtml(markdown)}</p>`, text: markdown };
    if (!rendered) {
      const mdast = parse(markdown);
      const hast = transformer.runSync(mdast);
      rendered = { html: stringifier.stringify(hast).trim(), text: toText(hast).replace(/\s+/g, ' ').trim() };
    }
    return rendered;
  };
  return Object.freeze({
    markdown,
    get html() {
      return render().html;
    },
    get text() {
      return render().text;
    },
    get blocks() {
      blocks ??= beyondBounds() ? plainTextBlocks(markdown) : blocksOf(markdown);
      return blocks;
    },
  });
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

const parse = (markdown: string) => parser.runSync(parser.parse(markdown)) as MdastRoot;

/**
 * The blocks of any Markdown, bounded or not (exported for the tests of
 * the walk; renderMarkdown calls it only within the bounds). The parser's
 * GFM transforms recurse, so Markdown nested some thousands deep overflows
 * the stack inside remark before any block is built; such text is served as
 * written, in one plain paragraph, rather than failing the field on every read.
 */
export function blocksOf(markdown: string): readonly RichBlock[] {
  let mdast: MdastRoot;
  try {
    mdast = parse(markdown);
  } catch (error) {
    if (error instanceof RangeError) return plainTextBlocks(markdown);
    throw error;
  }
  return richBlocks(mdast, markdown.length);
}
