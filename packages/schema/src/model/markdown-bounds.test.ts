import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../graph/markdown.js';
import {
  MAX_ANGLE_BRACKETS,
  MAX_AUTOLINKS,
  MAX_BLOCK_MARKERS,
  MAX_BRACKETS,
  MAX_CODE_MARKS,
  MAX_DELIMITER_RUNS,
  MAX_INDENTATION,
  MAX_LINE_NESTING,
  MAX_MARKDOWN_LENGTH,
  MAX_MARKDOWN_LINES,
  MAX_PIPES,
  markdownProblem,
} from './markdown-bounds.js';

const lines = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');

/** `text` made up to the length limit with plain words on lines of their own, keeping within the line limit. */
function padded(text: string): string {
  const used = text.split('\n').length;
  const free = MAX_MARKDOWN_LINES - used;
  const room = MAX_MARKDOWN_LENGTH - text.length;
  if (free < 2 || room < 4) return text.slice(0, MAX_MARKDOWN_LENGTH);
  // A blank line first, so the padding neither continues a table nor a list.
  const per = Math.floor((room - 2) / (free - 1)) - 1;
  const filler = lines(free - 1, () => 'word '.repeat(Math.ceil(per / 5)).slice(0, per));
  return `${text}\n\n${filler}`.slice(0, MAX_MARKDOWN_LENGTH);
}

/** `text` made up to the length limit with plain words in the same paragraph: inline marks left open scan to its end. */
const inline = (text: string) => `${text} ${'word '.repeat(MAX_MARKDOWN_LENGTH / 5)}`.slice(0, MAX_MARKDOWN_LENGTH);

/**
 * The most expensive text each bound lets through, found by measuring
 * (remark-parse + remark-gfm, then HTML and blocks): every construct the
 * parser is slow on, pushed to its limit, the rest of the length filled.
 */
const WORST: Record<string, string> = {
  // Indentation and markers nest 8 + 8 deep, in as many lines as the markers allow.
  'lists nested by indentation and markers': padded(
    lines(
      Math.floor(MAX_BLOCK_MARKERS / MAX_LINE_NESTING),
      (i) => ' '.repeat(2 * (i % (MAX_INDENTATION / 2 + 1))) + '- '.repeat(MAX_LINE_NESTING) + 'x',
    ),
  ),
  'quotes and ordered lists interleaved': padded(
    lines(Math.floor(MAX_BLOCK_MARKERS / MAX_LINE_NESTING), () => '> 1. '.repeat(MAX_LINE_NESTING / 2) + 'x'),
  ),
  'one list item a line': lines(MAX_MARKDOWN_LINES, () => `- ${'ab '.repeat(MAX_MARKDOWN_LENGTH / MAX_MARKDOWN_LINES / 3 - 1)}`),
  'setext headings on every other line': lines(MAX_MARKDOWN_LINES, (i) =>
    i % 2 ? '=' : 'x'.repeat((2 * MAX_MARKDOWN_LENGTH) / MAX_MARKDOWN_LINES - 3),
  ),
  'emphasis nested, never closed': inline('*a '.repeat(MAX_DELIMITER_RUNS)),
  'emphasis nested and closed': inline(`${'*a '.repeat(MAX_DELIMITER_RUNS / 2)}x${' b*'.repeat(MAX_DELIMITER_RUNS / 2)}`),
  'strikethrough and underscores alternating': inline('~a_a'.repeat(MAX_DELIMITER_RUNS / 2)),
  // Unmatched code marks of growing length: each scans the rest of the paragraph for its match.
  'code marks of every length, none closed': inline(Array.from({ length: MAX_CODE_MARKS }, (_, i) => '`'.repeat(i + 1) + 'a').join('')),
  'comments, declarations and processing instructions, none closed': inline('x<!--a <?a <!A <a b="'.repeat(MAX_ANGLE_BRACKETS / 4)),
  // remark-gfm walks back to an open bracket at every word: quadratic in the paragraph's length.
  'an image bracket left open, then short words': `![ ${'ab '.repeat(MAX_MARKDOWN_LENGTH / 3)}`.slice(0, MAX_MARKDOWN_LENGTH),
  'link brackets nested': inline(`${'['.repeat(MAX_BRACKETS)}a${']'.repeat(MAX_BRACKETS)}(https://example.com)`),
  'link brackets and emphasis interleaved': inline('[*a '.repeat(Math.min(MAX_BRACKETS, MAX_DELIMITER_RUNS))),
  'links, each a parsed URL': inline('[a](https://example.com/a) '.repeat(MAX_BRACKETS)),
  'a table as wide as the pipes allow, as long as the lines allow': lines(MAX_MARKDOWN_LINES, (i) =>
    i === 0 ? 'a|'.repeat(MAX_PIPES / 2) : i === 1 ? '-|'.repeat(MAX_PIPES / 2) : 'a',
  ),
  'autolinks of every kind': inline(
    '<https://a.example> '.repeat(MAX_ANGLE_BRACKETS) +
      'www.example.com a@example.com https://b.example '.repeat(Math.floor((MAX_AUTOLINKS - MAX_ANGLE_BRACKETS) / 3)),
  ),
  'everything at once': [
    lines(Math.floor(MAX_BLOCK_MARKERS / MAX_LINE_NESTING / 2), (i) => ' '.repeat(2 * (i % 9)) + '- '.repeat(MAX_LINE_NESTING) + 'x'),
    '',
    '*a [b '.repeat(MAX_DELIMITER_RUNS / 2) + '`a` <!--'.repeat(MAX_CODE_MARKS / 2),
    '',
    lines(20, (i) => (i === 0 ? 'a|'.repeat(MAX_PIPES / 2) : i === 1 ? '-|'.repeat(MAX_PIPES / 2) : 'a')),
    '',
    'www.example.com '.repeat(MAX_AUTOLINKS),
  ]
    .join('\n')
    .slice(0, MAX_MARKDOWN_LENGTH),
};

/** The best of a few renderings, HTML and blocks both: the machine's load is noise, the parser's cost is not. */
function renderMilliseconds(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const rendered = renderMarkdown(text);
    void rendered.html;
    void rendered.blocks;
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('markdownProblem', () => {
  it('passes the shipped kinds of card text', () => {
    for (const text of [
      'Depth *and* **breadth**:\n\n- one\n- two\n  1. nested\n     > quoted',
      'A [link](https://example.com), `code`, ~~gone~~, snake_case and a@example.com.',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '2026. A year',
      '',
    ])
      expect(markdownProblem(text), text).toBeUndefined();
  });

  // Measured here at 9–62 ms under load; the bound leaves room for a busy CI machine, far below the seconds unbounded text takes.
  it.each(Object.entries(WORST))('lets through %s, which renders in well under 400 ms', (_name, text) => {
    expect(markdownProblem(text)).toBeUndefined();
    expect(text.length).toBeLessThanOrEqual(MAX_MARKDOWN_LENGTH);
    void renderMarkdown(text).blocks; // warms the parser's code paths for this shape
    expect(renderMilliseconds(text)).toBeLessThan(400);
  });

  const over: [string, string, RegExp][] = [
    ['one character too long', 'x'.repeat(MAX_MARKDOWN_LENGTH + 1), /^must be at most 4,000 characters \(it has 4,001\): card text/],
    ['one line too many', '\n'.repeat(MAX_MARKDOWN_LINES), /^must be at most 100 lines/],
    ['one line too many (\\r\\n)', 'a\r\n'.repeat(MAX_MARKDOWN_LINES), /^must be at most 100 lines/],
    ['one marker too many on a line', `${'- '.repeat(MAX_LINE_NESTING)}> x`, /^line 1 opens 9 lists or quotes; at most 8/],
    ['ordered markers', `a\n${'1) '.repeat(MAX_LINE_NESTING + 1)}x`, /^line 2 opens 9 lists or quotes/],
    ['one space too deep', `- a\n${' '.repeat(MAX_INDENTATION + 1)}- b`, /^line 2 is indented 17 spaces; at most 16/],
    ['tabs too deep', `${'\t'.repeat(5)}- b`, /^line 1 is indented 20 spaces/],
    ['indentation between markers', `> ${' '.repeat(MAX_INDENTATION + 1)}> - x`, /^line 1 is indented 17 spaces/],
    [
      'one block marker too many',
      lines(MAX_BLOCK_MARKERS / 4 + 1, () => '- - - - a'),
      /^must have at most 100 list items and quote markers/,
    ],
    ['one delimiter run too many', '*a'.repeat(MAX_DELIMITER_RUNS + 1), /^must have at most 200 runs of emphasis/],
    ['one code mark too many', '`a'.repeat(MAX_CODE_MARKS + 1), /^must have at most 32 runs of backticks/],
    ['one bracket too many', '['.repeat(MAX_BRACKETS + 1), /^must have at most 200 `\[`/],
    ['one pipe too many', '|'.repeat(MAX_PIPES + 1), /^must have at most 100 `\|`/],
    ['one web address too many', 'www.a '.repeat(MAX_AUTOLINKS + 1), /^must have at most 200 web and email addresses/],
    ['one email address too many', 'a@'.repeat(MAX_AUTOLINKS + 1), /^must have at most 200 web and email addresses/],
    ['one angle bracket too many', '<'.repeat(MAX_ANGLE_BRACKETS + 1), /^must have at most 32 `<`/],
  ];
  it.each(over)('refuses %s', (_name, text, message) => {
    expect(markdownProblem(text)).toMatch(message);
  });

  it('counts a run once however long, and a list marker as a marker, not a run', () => {
    expect(markdownProblem('***a*** '.repeat(MAX_DELIMITER_RUNS / 2))).toBeUndefined();
    expect(markdownProblem(lines(MAX_BLOCK_MARKERS, () => '* a'))).toBeUndefined();
    expect(markdownProblem(`${' '.repeat(MAX_INDENTATION)}- a\n${' '.repeat(100)}\n${'- '.repeat(MAX_LINE_NESTING)}`)).toBeUndefined();
  });

  it('reads a megabyte of hostile text in linear time', () => {
    // Past the length limit it answers at once; within it, one pass.
    const start = performance.now();
    expect(markdownProblem('*'.repeat(1024 * 1024))).toMatch(/^must be at most/);
    expect(markdownProblem('\t- '.repeat(2_000).slice(0, MAX_MARKDOWN_LENGTH))).toMatch(/^line 1 opens/);
    expect(performance.now() - start).toBeLessThan(250);
  });
});

describe('renderMarkdown beyond the bounds', () => {
  // A caller that skipped validation (or a pseudo-locale that lengthened a
  // string) still cannot make one read cost seconds: such text is never parsed.
  const deep: [string, string][] = [
    ['10,000 list markers on one line', `${'- '.repeat(10_000)}x`],
    ['1,000 lines, each indented two spaces deeper', lines(1_000, (i) => `${'  '.repeat(i)}- x`)],
    ['emphasis nested 10,000 deep', `${'*a '.repeat(10_000)}x${' b*'.repeat(10_000)}`],
    ['link brackets nested 10,000 deep', `${'['.repeat(10_000)}a${'](https://example.com)'.repeat(10_000)}`],
    ['quotes nested 10,000 deep', `${'> '.repeat(10_000)}x`],
    // Within the length limit: the scan, not the length, refuses them.
    ['300 list markers on one line', `${'- '.repeat(300)}x`],
    ['quotes nested 1,000 deep', `${'>'.repeat(1_000)} x`],
    ['lines indented two spaces deeper, 60 of them', lines(60, (i) => `${'  '.repeat(i)}- x`)],
  ];
  it.each(deep)('serves %s as one plain paragraph of its text, in well under a second', (_name, text) => {
    expect(markdownProblem(text)).toBeDefined();
    const start = performance.now();
    const rendered = renderMarkdown(text);
    const [html, plain, blocks] = [rendered.html, rendered.text, rendered.blocks];
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(html).toBe(`<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`);
    expect(plain).toBe(text);
    expect(blocks).toEqual([{ style: 'paragraph', list: null, level: 0, spans: [{ text, marks: [], href: null }] }]);
  });

  it('escapes the HTML of text it does not parse', () => {
    const hostile = `<img src=x onerror="alert(1)"> & 'x' ${'['.repeat(MAX_BRACKETS + 1)}`;
    const rendered = renderMarkdown(hostile);
    expect(rendered.html).toBe(`<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;x&#39; ${'['.repeat(MAX_BRACKETS + 1)}</p>`);
    expect(rendered.text).toBe(hostile);
  });

  it('parses text within the bounds as ever', () => {
    const nested = lines(MAX_LINE_NESTING + 1, (i) => `${'  '.repeat(i)}- x`);
    expect(markdownProblem(nested)).toBeUndefined();
    expect(renderMarkdown(nested).blocks.map((block) => block.level)).toEqual([1, 2, 3, 4, 5, 6, 6, 6, 6]);
    expect(renderMarkdown(`${'['.repeat(MAX_BRACKETS)}a`).html).toBe(`<p>${'['.repeat(MAX_BRACKETS)}a</p>`);
  });
});
