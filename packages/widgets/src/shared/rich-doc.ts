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
/** Lists nest at most this deep, as the API clamps them. */
const MAX_LIST_LEVEL = 6;

interface Item {
  readonly spans: readonly RichSpanData[];
  readonly lists: List[];
}
interface List {
  readonly ordered: boolean;
  readonly level: number;
  readonly items: Item[];
}
type Part =
  | { kind: 'paragraph' | 'code'; spans: readonly RichSpanData[] }
  | { kind: 'quote'; paragraphs: (readonly RichSpanData[])[] }
  | { kind: 'list'; list: List };

/** A document's blocks as templates: paragraphs, quotes, code and nested lists, in order. */
export function richDoc(doc: unknown): TemplateResult[] {
  return parts(blocksOf(doc)).map(part);
}

/** The blocks worth drawing: well-formed, within the caps, whatever the answer held. */
function blocksOf(doc: unknown): RichBlockData[] {
  const blocks = (doc as { blocks?: unknown } | null)?.blocks;
  if (!Array.isArray(blocks)) return [];
  let spans = 0;
  const kept: RichBlockData[] = [];
  for (const block of blocks.slice(0, MAX_BLOCKS) as unknown[]) {
    if (typeof block !== 'object' || block === null) continue;
    const b = block as Record<string, unknown>;
    const raw = Array.isArray(b.spans) ? (b.spans as unknown[]).slice(0, Math.max(0, MAX_SPANS - spans)) : [];
    spans += raw.length;
    kept.push({
      style: typeof b.style === 'string' ? b.style : 'PARAGRAPH',
      list: b.list === 'BULLET' || b.list === 'NUMBER' ? b.list : null,
      level: Number.isInteger(b.level) ? Math.min(Math.max(b.level as number, 1), MAX_LIST_LEVEL) : 1,
      spans: raw.map(spanOf),
    });
  }
  return kept;
}

function spanOf(span: unknown): RichSpanData {
  const s = (typeof span === 'object' && span !== null ? span : {}) as Record<string, unknown>;
  return {
    text: typeof s.text === 'string' ? s.text : '',
    marks: Array.isArray(s.marks) ? s.marks.filter((m): m is string => typeof m === 'string') : [],
    href: safeUrl(s.href),
  };
}

/** Consecutive list blocks become nested lists, consecutive quote blocks one quote. */
function parts(blocks: readonly RichBlockData[]): Part[] {
  const out: Part[] = [];
  let open: List[] = [];
  for (const block of blocks) {
    if (block.list) {
      const ordered = block.list === 'NUMBER';
      while (open.length && open[open.length - 1]!.level > block.level) open.pop();
      let top = open[open.length - 1];
      if (top && top.level === block.level && top.ordered !== ordered) {
        open.pop();
        top = open[open.length - 1];
      }
      if (!top || top.level < block.level) {
        const list: List = { ordered, level: block.level, items: [] };
        const parent = top?.items[top.items.length - 1];
        if (parent) parent.lists.push(list);
        else out.push({ kind: 'list', list });
        open.push(list);
        top = list;
      }
      top.items.push({ spans: block.spans, lists: [] });
      continue;
    }
    open = [];
    const last = out[out.length - 1];
    if (block.style === 'QUOTE') {
      if (last?.kind === 'quote') last.paragraphs.push(block.spans);
      else out.push({ kind: 'quote', paragraphs: [block.spans] });
    } else out.push({ kind: block.style === 'CODE' ? 'code' : 'paragraph', spans: block.spans });
  }
  return out;
}

function part(p: Part): TemplateResult {
  switch (p.kind) {
    case 'code':
      return html`<pre><code>${p.spans.map((s) => s.text).join('')}</code></pre>`;
    case 'quote':
      return html`<blockquote>${p.paragraphs.map((spans) => html`<p>${spans.map(span)}</p>`)}</blockquote>`;
    case 'list':
      return list(p.list);
    default:
      return html`<p>${p.spans.map(span)}</p>`;
  }
}

function list(l: List): TemplateResult {
  const items = l.items.map((item) => html`<li>${item.spans.map(span)}${item.lists.map(list)}</li>`);
  return l.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
}

/** A span's text, its hard line breaks as <br>, inside its marks and its link. */
function span(s: RichSpanData): TemplateResult {
  const lines = s.text.split('\n');
  let out = html`${lines.map((line, i) => (i === 0 ? line : html`<br />${line}`))}`;
  if (s.marks.includes('DEL')) out = html`<del>${out}</del>`;
  if (s.marks.includes('CODE')) out = html`<code>${out}</code>`;
  if (s.marks.includes('EM')) out = html`<em>${out}</em>`;
  if (s.marks.includes('STRONG')) out = html`<strong>${out}</strong>`;
  return s.href ? html`<a href=${s.href}>${out}</a>` : out;
}
