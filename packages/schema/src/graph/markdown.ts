import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { RichText } from './types.js';

// remark-rehype drops raw HTML (it is not asked to keep it) and rehype-sanitize
// applies GitHub's allow-list on top, so hostile markup and javascript: links
// never reach the HTML we serve.
const parser = unified().use(remarkParse).use(remarkGfm);
const transformer = unified().use(remarkRehype).use(rehypeSanitize);
const stringifier = unified().use(rehypeStringify);

/**
 * The Markdown as written, with its HTML and plain text rendered on first
 * read and kept: rendering is most of what loading costs, and most strings
 * are never asked for as HTML (a framework 100 times this one loads in about
 * a tenth of the time it took when every string was rendered up front).
 */
export function renderMarkdown(markdown: string): RichText {
  let rendered: { html: string; text: string } | undefined;
  const render = () => {
    if (!rendered) {
      const mdast = parser.runSync(parser.parse(markdown)) as MdastRoot;
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
  });
}
