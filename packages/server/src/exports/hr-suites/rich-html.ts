import type { RichBlock, RichSpan, RichText } from '@altitude/schema';

/** The tags HR suites' rich-text fields keep (SAP's descriptions, Workday's Job_Description): nothing else is written. */
export const HR_HTML_TAGS = ['p', 'ul', 'ol', 'li', 'b', 'i', 'br'] as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function spanHtml(span: RichSpan): string {
  // Links keep their text: an HR system's editor would drop or rewrite the URL, and a reader has the API for it.
  let html = escapeHtml(span.text).replace(/\n/g, '<br>');
  if (span.marks.includes('em')) html = `<i>${html}</i>`;
  if (span.marks.includes('strong')) html = `<b>${html}</b>`;
  return html;
}

const inline = (block: RichBlock) => block.spans.map(spanHtml).join('');

/**
 * Rich text as the small HTML subset HR suites accept: paragraphs, bullet
 * and numbered lists (nested as written), bold, italic and line breaks.
 * Built from the text's blocks rather than by filtering its HTML, so no
 * attribute, link or other tag can get through.
 */
export function hrHtml(rich: RichText): string {
  let html = '';
  // The lists open at each depth, innermost last, each with an <li> still open.
  const open: ('ul' | 'ol')[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) html += `</li></${open.pop()!}>`;
  };
  for (const block of rich.blocks) {
    if (block.list === null) {
      closeTo(0);
      html += `<p>${inline(block)}</p>`;
      continue;
    }
    const tag = block.list === 'number' ? 'ol' : 'ul';
    const depth = Math.max(1, block.level);
    closeTo(depth);
    if (open.length === depth && open[depth - 1] !== tag) closeTo(depth - 1);
    if (open.length === depth) html += '</li>';
    while (open.length < depth) {
      html += `<${tag}>`;
      open.push(tag);
      if (open.length < depth) html += '<li>';
    }
    html += `<li>${inline(block)}`;
  }
  closeTo(0);
  return html;
}

/** A few items as one bulleted list with a bold lead-in each: "<ul><li><b>Staff:</b> …</li>…</ul>". */
export function hrHtmlList(items: readonly { lead: string; text: string }[]): string {
  if (items.length === 0) return '';
  return `<ul>${items.map((i) => `<li><b>${escapeHtml(i.lead)}:</b> ${escapeHtml(i.text)}</li>`).join('')}</ul>`;
}
