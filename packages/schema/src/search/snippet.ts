export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Snippet {
  /** Plain text, at most about `SNIPPET_LENGTH` characters, with an ellipsis where cut. */
  readonly text: string;
  /** Where the matched words are in `text`. */
  readonly highlights: readonly TextRange[];
  /** `text` HTML-escaped with each highlight wrapped in `<mark>`. */
  readonly html: string;
}

export const SNIPPET_LENGTH = 160;

/**
 * A short window of the first text that contains a matched term, centred on
 * the first match, with every matched term inside it highlighted.
 */
export function makeSnippet(texts: readonly string[], terms: readonly string[]): Snippet {
  const pattern = terms.length ? new RegExp(`\\b(?:${terms.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'giu') : undefined;
  let chosen = texts.find((t) => t.length > 0) ?? '';
  let firstMatch = 0;
  if (pattern) {
    for (const text of texts) {
      pattern.lastIndex = 0;
      const match = pattern.exec(text);
      if (match) {
        chosen = text;
        firstMatch = match.index;
        break;
      }
    }
  }

  let start = 0;
  if (chosen.length > SNIPPET_LENGTH) {
    start = Math.max(0, Math.min(firstMatch - Math.floor(SNIPPET_LENGTH / 3), chosen.length - SNIPPET_LENGTH));
    if (start > 0) {
      const space = chosen.indexOf(' ', start);
      if (space !== -1 && space < firstMatch) start = space + 1;
    }
  }
  let end = Math.min(chosen.length, start + SNIPPET_LENGTH);
  if (end < chosen.length) {
    const space = chosen.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < chosen.length ? '…' : '';
  const text = prefix + chosen.slice(start, end) + suffix;

  const highlights: TextRange[] = [];
  if (pattern) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) highlights.push({ start: match.index, end: match.index + match[0].length });
  }
  let html = '';
  let at = 0;
  for (const h of highlights) {
    html += escapeHtml(text.slice(at, h.start)) + '<mark>' + escapeHtml(text.slice(h.start, h.end)) + '</mark>';
    at = h.end;
  }
  html += escapeHtml(text.slice(at));
  return { text, highlights, html };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
