/**
 * The xliff library's reader drops a text's last line break and any spaces
 * after it (it takes them for the indentation of the closing tag). Markdown
 * ends no differently without them, but Altitude keeps strings exactly.
 */
const TRAILING_BREAK = /\n\s*$/;

/** A text as the library's reader returns it. */
export function libraryReadsAs(text: string): string {
  return TRAILING_BREAK.test(text) ? text.slice(0, text.lastIndexOf('\n')) : text;
}

/**
 * A target as read, with the trailing line break the reader dropped put back
 * when the text it translates (the current translation, else the English)
 * ends with one: a YAML `|` block's final newline survives the round trip.
 */
export function withTrailingBreak(target: string, reference: string): string {
  if (!TRAILING_BREAK.test(reference) || /\s$/.test(target)) return target;
  return target + reference.slice(reference.lastIndexOf('\n'));
}
