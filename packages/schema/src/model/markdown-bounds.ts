/**
 * Bounds on the Markdown a content, overlay or translation author writes.
 *
 * Markdown is parsed lazily, on the first read of a string, on the server's
 * event loop, and remark-parse + remark-gfm are superlinear on some inputs:
 * lists nested by 1,000 markers on a line take half a second, 10,000 take
 * minutes; emphasis, link brackets and code spans nested or left open by the
 * thousand cost seconds; quotes nested 10,000 deep overflow the stack. Each
 * bound sits well above what card text needs (the shipped content and its
 * translations: at most 2,029 characters, 33 lines, 4 runs of `*`/`_`, no
 * `[`, `|`, `<`, list, quote or indentation) and well below what hurts: the
 * worst text inside every bound renders, HTML and blocks, in some 10 to
 * 30 ms on a busy two-core machine (markdown-bounds.test.ts measures it).
 */

/**
 * Card text, not an article. remark-gfm walks back over a paragraph's tokens
 * at each word while a `[` is open, so one early `[` or `![` makes a paragraph
 * quadratic: 4,000 characters of short words after it cost some 17 ms, 8,000
 * some 100 ms.
 */
export const MAX_MARKDOWN_LENGTH = 4_000;

/** Lines: each is a chunk of the parser's, and a table row padded to its header's width. */
export const MAX_MARKDOWN_LINES = 100;

/** Lists and quotes opened at the start of one line (`>`, `-`, `*`, `+`, `1.`, `1)`); the parser's cost grows with their depth. */
export const MAX_LINE_NESTING = 8;

/**
 * Columns of indentation before and between those markers (beyond the one
 * space after each marker): deeper indentation nests lists under the line
 * above, which is how 1,000 indented lines nest 1,000 deep.
 */
export const MAX_INDENTATION = 16;

/**
 * List items and quote markers in all: each opens containers the parser
 * keeps re-checking, and a list is walked again for each list around it
 * (100 nested 16 deep cost some 20 ms, 200 some 50 ms).
 */
export const MAX_BLOCK_MARKERS = 100;

/** Runs of `*`, `_` and `~`: the parser matches each closing run against the open ones before it (200 cost under 10 ms). */
export const MAX_DELIMITER_RUNS = 200;

/**
 * Runs of `` ` ``: each unmatched one scans the rest of its paragraph for a
 * run of its length (32 of growing length cost some 25 ms); 32 make 16 code spans.
 */
export const MAX_CODE_MARKS = 32;

/**
 * `<`: autolinks and raw HTML (stripped when rendered). Each unclosed `<!--`,
 * `<?` or `<!` scans the rest of its paragraph: 32 cost some 10 ms, 200 some 35 ms.
 */
export const MAX_ANGLE_BRACKETS = 32;

/** `[`: links and images, each a node and a URL parsed in every rendering (200 links cost some 25 ms). */
export const MAX_BRACKETS = 200;

/**
 * `|`: a table row is padded to its header's width, so the cells grow as
 * columns times rows: 1,000 columns by 2,000 rows wrote 20 MB of HTML in 10 s.
 * 100 pipes make at most 50 columns, by the line bound at most 100 rows.
 */
export const MAX_PIPES = 100;

/** `www.`, `://` and `@`: autolinks, each a node and a URL parsed in every rendering (200 cost some 20 ms). */
export const MAX_AUTOLINKS = 200;

const format = (n: number) => n.toLocaleString('en-GB');

const TAB_STOP = 4;

/** The parts of a line's container prefix that nest: its markers and the indentation around them. */
interface LinePrefix {
  readonly markers: number;
  readonly indentation: number;
  /** Index of the first character after the prefix. */
  readonly end: number;
}

/** Reads the container prefix of the line that starts at `start`, in one pass over it. */
function linePrefix(text: string, start: number): LinePrefix {
  let index = start;
  let column = 0;
  let markers = 0;
  let whitespace = 0;
  for (;;) {
    const char = text.charCodeAt(index);
    if (char === 0x20 /* space */) {
      whitespace++;
      column++;
      index++;
    } else if (char === 0x09 /* tab */) {
      const width = TAB_STOP - (column % TAB_STOP);
      whitespace += width;
      column += width;
      index++;
    } else if (char === 0x3e /* > */) {
      markers++;
      column++;
      index++;
    } else {
      const after = markerEnd(text, index);
      if (after === undefined) break;
      markers++;
      column += after - index;
      index = after;
    }
  }
  const blank = index >= text.length || text[index] === '\n' || text[index] === '\r';
  // Whitespace ending a line nests nothing; one space after each marker is how markers are written.
  const indentation = blank ? 0 : Math.max(0, whitespace - markers);
  return { markers, indentation, end: index };
}

/** The index after a list marker at `index` (a bullet, or up to 9 digits and `.`/`)`, then a space, tab or line end), if one is there. */
function markerEnd(text: string, index: number): number | undefined {
  let at = index;
  const char = text[at];
  if (char === '-' || char === '*' || char === '+') at++;
  else {
    while (at - index < 9 && text[at]! >= '0' && text[at]! <= '9') at++;
    if (at === index || (text[at] !== '.' && text[at] !== ')')) return undefined;
    at++;
  }
  const next = text[at];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r' ? at : undefined;
}

/** One line that opens no list or quote (its first character cannot start one) and holds no character the scan counts. */
const PLAIN_LINE = /^(?![\s>*+\-\d])[^\n\r*_~`<[|@:]*$/;

/**
 * Why this Markdown would cost the server too much to render, or undefined
 * when it is within every bound. One pass, no regular expressions past the
 * plain-line test: it runs on whatever a file holds, before anything is parsed.
 */

export function markdownProblem(text: string): string | undefined {
  if (text.length > MAX_MARKDOWN_LENGTH)
    return `must be at most ${format(MAX_MARKDOWN_LENGTH)} characters (it has ${format(text.length)}): card text, not an article`;

  // Most card text is one plain line: nothing the scan below counts, so nothing to scan.
  if (PLAIN_LINE.test(text) && !text.includes('www.')) return undefined;

  let lines = 0;
  let blockMarkers = 0;
  let delimiterRuns = 0;
  let codeMarks = 0;
  let angleBrackets = 0;
  let brackets = 0;
  let pipes = 0;
  let autolinks = 0;
  let index = 0;
  while (index <= text.length) {
    lines++;
    if (lines > MAX_MARKDOWN_LINES) return `must be at most ${format(MAX_MARKDOWN_LINES)} lines: card text, not an article`;
    const prefix = linePrefix(text, index);
    if (prefix.markers > MAX_LINE_NESTING)
      return `line ${lines} opens ${prefix.markers} lists or quotes; at most ${MAX_LINE_NESTING} may start one line`;
    if (prefix.indentation > MAX_INDENTATION)
      return `line ${lines} is indented ${prefix.indentation} spaces; at most ${MAX_INDENTATION} (deeper indentation nests lists or makes code)`;
    blockMarkers += prefix.markers;
    if (blockMarkers > MAX_BLOCK_MARKERS)
      return `must have at most ${MAX_BLOCK_MARKERS} list items and quote markers (\`>\`, \`-\`, \`*\`, \`+\`, \`1.\`) in all`;

    index = prefix.end;
    // Character codes, not one-character strings: this runs over every string of every locale at load.
    let previous = 0;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 0x0a || code === 0x0d) break;
      switch (code) {
        case 0x2a /* * */:
        case 0x5f /* _ */:
        case 0x7e /* ~ */:
          if (code !== previous && ++delimiterRuns > MAX_DELIMITER_RUNS)
            return `must have at most ${MAX_DELIMITER_RUNS} runs of emphasis and strikethrough marks (\`*\`, \`_\`, \`~\`)`;
          break;
        case 0x60 /* ` */:
          if (previous !== 0x60 && ++codeMarks > MAX_CODE_MARKS)
            return `must have at most ${MAX_CODE_MARKS} runs of backticks (${MAX_CODE_MARKS / 2} code spans)`;
          break;
        case 0x3c /* < */:
          if (++angleBrackets > MAX_ANGLE_BRACKETS) return `must have at most ${MAX_ANGLE_BRACKETS} \`<\` (autolinks and tags)`;
          break;
        case 0x5b /* [ */:
          if (++brackets > MAX_BRACKETS) return `must have at most ${MAX_BRACKETS} \`[\` (links and images)`;
          break;
        case 0x7c /* | */:
          if (++pipes > MAX_PIPES) return `must have at most ${MAX_PIPES} \`|\` (table cells)`;
          break;
        case 0x40 /* @ */:
        case 0x77 /* w */:
        case 0x3a /* : */:
          if (
            (code === 0x40 ||
              (code === 0x77 && text.startsWith('ww.', index + 1)) ||
              (code === 0x3a && text.startsWith('//', index + 1))) &&
            ++autolinks > MAX_AUTOLINKS
          )
            return `must have at most ${MAX_AUTOLINKS} web and email addresses (\`www.\`, \`://\`, \`@\`)`;
          break;
      }
      previous = code;
    }
    // \r\n is one line break.
    index += text[index] === '\r' && text[index + 1] === '\n' ? 2 : 1;
  }
  return undefined;
}
