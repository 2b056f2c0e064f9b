import { html, type TemplateResult } from 'lit';
import { safeUrl } from './safe-url.js';

// Rich text arrives as data (RichTextDoc: blocks of spans, lists as a level
// on each block) and is drawn with Lit templates: every string goes in through
// a text binding, so no HTML is parsed in the browser and nothing needs
// sanitising. The API is not trusted all the same: a widget may be pointed at
// any endpoint, so shapes are checked, sizes capped and links re-checked here.

export interface RichSpanData {
  readonly text: string;
  readonly marks: readonly string[];
  readonly href?: string | null;
}
export interface RichBlockData {
  readonly style: string;
  readonly list?: string | null;
  readonly level: number;
  readonly spans: readonly RichSpanData[];
}
export interface RichDocData {
  readonly blocks: readonly RichBlockData[];
}

/** Most blocks and spans drawn from one document: far beyond any real text, small enough to draw at once. */
export const MAX_BLOCKS = 500;
export const MAX_SPANS = 5_000;
/** And at most this much text (line breaks included): a real document is a few thousand characters. */
export const MAX_CHARACTERS = 20_000;

/** A list still open for items, with the children of its last item (where a deeper list goes). */
interface OpenList {
  readonly level: number;
  readonly ordered: boolean;
  readonly items: unknown[];
  last?: unknown[];
}

/**
 * A document's blocks as templates, in order: paragraphs, code, consecutive
 * quote blocks as one quote, consecutive list blocks as lists nested by level.
 * Lists and quotes are filled after their template is made: Lit reads the
 * arrays when it renders.
 */
export function richDoc(doc: unknown): unknown[] {
  const out: unknown[] = [];
  const blocks = (doc as { blocks?: unknown } | null)?.blocks;
  if (!Array.isArray(blocks)) return out;
  let open: OpenList[] = [];
  let quote: unknown[] | undefined;
  let spansLeft = MAX_SPANS;
  let charactersLeft = MAX_CHARACTERS;
  for (const block of blocks.slice(0, MAX_BLOCKS) as unknown[]) {
    if (typeof block !== 'object' || !block) continue;
    const b = block as Partial<Record<string, unknown>>;
    const raw = Array.isArray(b.spans) ? (b.spans as unknown[]).slice(0, spansLeft) : [];
    spansLeft -= raw.length;
    const spans = raw.map(spanOf).map((span) => {
      const text = span.text.slice(0, charactersLeft);
      charactersLeft -= text.length;
      return { ...span, text };
    });
    const ordered = b.list === 'NUMBER';
    if (ordered || b.list === 'BULLET') {
      quote = undefined;
      const level = Math.min(Math.max(Number(b.level) | 0, 1), 6);
      while (open.length && open[open.length - 1]!.level > level) open.pop();
      let top = open[open.length - 1];
      if (top?.level === level && top.ordered !== ordered) top = (open.pop(), open[open.length - 1]);
      if (!top || top.level < level) {
        const items: unknown[] = [];
        (top?.last ?? out).push(ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`);
        open.push((top = { level, ordered, items }));
      }
      top.last = [];
      top.items.push(html`<li>${spans.map(span)}${top.last}</li>`);
    } else if (((open = []), b.style === 'QUOTE')) {
      const paragraph = html`<p>${spans.map(span)}</p>`;
      if (quote) quote.push(paragraph);
      else out.push(html`<blockquote>${(quote = [paragraph])}</blockquote>`);
    } else {
      quote = undefined;
      out.push(b.style === 'CODE' ? html`<pre><code>${spans.map((s) => s.text).join('')}</code></pre>` : html`<p>${spans.map(span)}</p>`);
    }
  }
  return out;
}

/** A span as drawn: text always a string, marks always a list, only a link that is safe. */
function spanOf(value: unknown): RichSpanData {
  const s = (value ?? {}) as Partial<Record<string, unknown>>;
  return {
    text: typeof s.text === 'string' ? s.text : '',
    marks: Array.isArray(s.marks) ? (s.marks as string[]) : [],
    href: safeUrl(s.href),
  };
}

/** A span's text, its hard line breaks as <br>, inside its marks and its link. */
function span(s: RichSpanData): TemplateResult {
  let out = html`${s.text.split('\n').map((line, i) => (i ? html`<br />${line}` : line))}`;
  if (s.marks.includes('DEL')) out = html`<del>${out}</del>`;
  if (s.marks.includes('CODE')) out = html`<code>${out}</code>`;
  if (s.marks.includes('EM')) out = html`<em>${out}</em>`;
  if (s.marks.includes('STRONG')) out = html`<strong>${out}</strong>`;
  return s.href ? html`<a href=${s.href}>${out}</a>` : out;
}
