import type { BlockContent, PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { blocksOf, renderMarkdown } from './markdown.js';
import { richBlocks, safeHref } from './rich-blocks.js';

describe('renderMarkdown', () => {
  it('renders Markdown to HTML and plain text', () => {
    const text = renderMarkdown('Depth *and* **breadth**:\n\n- one\n- two');
    expect(text.html).toBe('<p>Depth <em>and</em> <strong>breadth</strong>:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(text.text).toBe('Depth and breadth: one two');
    expect(text.markdown).toBe('Depth *and* **breadth**:\n\n- one\n- two');
  });

  it('renders hostile content inert', () => {
    const hostile = renderMarkdown(
      'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) <a href="https://example.com" onclick="alert(4)">x</a>',
    );
    expect(hostile.html).not.toMatch(/<script|onerror|onclick|javascript:|<img/i);
    expect(hostile.html).toBe('<p>Hi alert(1)  <a>click</a> x</p>');
  });
});

const span = (text: string, marks: string[] = [], href: string | null = null) => ({ text, marks, href });
const paragraph = (...spans: ReturnType<typeof span>[]) => ({ style: 'paragraph', list: null, level: 0, spans });

describe('RichText.blocks', () => {
  it('turns every kind of Markdown node into flat blocks of spans', () => {
    const text = renderMarkdown(
      [
        '# Scope *and* depth',
        'Plain **strong** *em* `code` ~~gone~~ [link](https://example.com/a) and a  \nhard break,\nthen a soft one.',
        '> quoted\n>\n> > nested quote',
        '- bullet\n  1. number\n     - deeper',
        '```ts\nconst x = 1;\n  indented\n```',
        '| head | cell |\n|---|---|\n| *one* | |',
        '***',
        '![alt](https://example.com/i.png) text[^1]\n\n[^1]: A footnote.',
        '<div>raw block</div>',
      ].join('\n\n'),
    );
    expect(text.blocks).toEqual([
      paragraph(span('Scope ', ['strong']), span('and', ['strong', 'em']), span(' depth', ['strong'])),
      paragraph(
        span('Plain '),
        span('strong', ['strong']),
        span(' '),
        span('em', ['em']),
        span(' '),
        span('code', ['code']),
        span(' '),
        span('gone', ['del']),
        span(' '),
        span('link', [], 'https://example.com/a'),
        span(' and a\nhard break, then a soft one.'),
      ),
      { style: 'quote', list: null, level: 0, spans: [span('quoted')] },
      { style: 'quote', list: null, level: 0, spans: [span('nested quote')] },
      { style: 'paragraph', list: 'bullet', level: 1, spans: [span('bullet')] },
      { style: 'paragraph', list: 'number', level: 2, spans: [span('number')] },
      { style: 'paragraph', list: 'bullet', level: 3, spans: [span('deeper')] },
      { style: 'code', list: null, level: 0, spans: [span('const x = 1;\n  indented')] },
      paragraph(span('head')),
      paragraph(span('cell')),
      paragraph(span('one', ['em'])),
      paragraph(span(' text')),
    ]);
  });

  it('keeps a list item’s quote and code in the list, and clamps nesting at level 6', () => {
    const nested = Array.from({ length: 8 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth + 1}`).join('\n');
    expect(renderMarkdown(nested).blocks.map((block) => [block.list, block.level])).toEqual([
      ['bullet', 1],
      ['bullet', 2],
      ['bullet', 3],
      ['bullet', 4],
      ['bullet', 5],
      ['bullet', 6],
      ['bullet', 6],
      ['bullet', 6],
    ]);
    expect(renderMarkdown('1. > quoted\n2. ```\n   code\n   ```').blocks).toEqual([
      { style: 'quote', list: 'number', level: 1, spans: [span('quoted')] },
      { style: 'code', list: 'number', level: 1, spans: [span('code')] },
    ]);
  });

  it('merges adjacent spans with the same marks and link, and only those', () => {
    expect(renderMarkdown('one <b>two</b> three').blocks).toEqual([paragraph(span('one two three'))]);
    expect(renderMarkdown('*a*_b_ **c**').blocks).toEqual([paragraph(span('ab', ['em']), span(' '), span('c', ['strong']))]);
    expect(renderMarkdown('[x](https://a.example/)[y](https://a.example/)[z](https://b.example/)').blocks).toEqual([
      paragraph(span('xy', [], 'https://a.example/'), span('z', [], 'https://b.example/')),
    ]);
  });

  it('resolves reference links and autolinks, serving each URL as the URL Standard writes it', () => {
    expect(
      renderMarkdown(
        '[First][a], [again][A], www.example.com, <mailto:me@example.com> and ä@example.com\n\n[a]: HTTPS://Example.COM/ä\n[a]: https://second.example',
      ).blocks,
    ).toEqual([
      paragraph(
        span('First', [], 'https://example.com/%C3%A4'),
        span(', '),
        span('again', [], 'https://example.com/%C3%A4'),
        span(', '),
        span('www.example.com', [], 'http://www.example.com/'),
        span(', '),
        span('mailto:me@example.com', [], 'mailto:me@example.com'),
        span(' and ä@example.com'),
      ),
    ]);
  });

  it('renders hostile content inert: raw HTML gone with its text kept, and only http(s) and mailto links', () => {
    const hostile = renderMarkdown(
      [
        'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) <a href="https://example.com" onclick="alert(4)">x</a>',
        '[data](data:text/html,<script>alert(5)</script>) [tab](< java\tscript:alert(6)>) [entity](&#106;avascript:alert(7)) [ref][r] <javascript:alert(8)> [vb](vbscript:x) [rel](/relative) [file](file:///etc/passwd)',
        '[r]: JavaScript:alert(9)',
      ].join('\n\n'),
    );
    expect(hostile.blocks).toEqual([
      paragraph(span('Hi alert(1)  click x')),
      paragraph(span('data tab entity ref javascript:alert(8) vb rel file')),
    ]);
    expect(JSON.stringify(hostile.blocks)).not.toMatch(/<|onerror|onclick/i);
  });

  it('is computed once, frozen, and only for the strings read as blocks', () => {
    const text = renderMarkdown('**Frozen** [link](https://example.com)');
    const blocks = text.blocks;
    expect(text.blocks).toBe(blocks);
    expect(Object.isFrozen(blocks)).toBe(true);
    expect(Object.isFrozen(blocks[0])).toBe(true);
    expect(Object.isFrozen(blocks[0]!.spans)).toBe(true);
    expect(Object.isFrozen(blocks[0]!.spans[0])).toBe(true);
    expect(Object.isFrozen(blocks[0]!.spans[0]!.marks)).toBe(true);
    expect(renderMarkdown('').blocks).toEqual([]);
  });

  it('survives quotes nested 10,000 deep, keeping the text', () => {
    // remark's GFM transforms recurse and overflow first (at Node's default
    // stack size): the text is then served as written, in one paragraph.
    // (renderMarkdown does not parse text this deep at all: see markdown-bounds.test.ts.)
    const deep = blocksOf(`${'>'.repeat(10_000)} x`);
    expect(deep).toHaveLength(1);
    expect(deep[0]!.spans.map((s) => s.text).join('')).toMatch(/x$/);
    // Deep enough to nest in remark's tree, shallow enough to parse: the walk itself keeps it.
    expect(blocksOf(`${'>'.repeat(3_000)} x`)).toEqual([{ style: 'quote', list: null, level: 0, spans: [span('x')] }]);
  });

  it('walks a tree 100,000 nodes deep without recursion, in linear time', () => {
    // Built by hand, as no parser nests this deep: a walk that recursed would
    // overflow, and one that copied its context per level would take minutes.
    const depth = 100_000;
    let inline: PhrasingContent = { type: 'text', value: 'x' };
    for (let i = 0; i < depth; i++) inline = i % 2 ? { type: 'emphasis', children: [inline] } : { type: 'strong', children: [inline] };
    let block: BlockContent = { type: 'paragraph', children: [inline] };
    for (let i = 0; i < depth; i++) {
      block =
        i % 2
          ? { type: 'blockquote', children: [block] }
          : { type: 'list', ordered: false, children: [{ type: 'listItem', children: [block] }] };
    }
    const blocks = richBlocks({ type: 'root', children: [block] }, 0);
    expect(blocks).toEqual([{ style: 'quote', list: 'bullet', level: 6, spans: [span('x', ['strong', 'em'])] }]);
  });

  it('stays linear in the Markdown’s size when a long link is referenced many times', () => {
    const url = `https://example.com/${'x'.repeat(10_000)}`;
    const markdown = `${'[a] '.repeat(5_000)}\n\n[a]: ${url}`;
    const blocks = blocksOf(markdown);
    const spans = blocks.flatMap((block) => block.spans);
    expect(spans[0]).toEqual(span('a', [], url));
    expect(spans.some((s) => s.href === null && s.text.includes('a'))).toBe(true);
    expect(JSON.stringify(blocks).length).toBeLessThan(12 * markdown.length);
  });

  it('checks link URLs by parsing them', () => {
    expect(safeHref('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHref('mailto:someone@example.com')).toBe('mailto:someone@example.com');
    for (const url of [
      'javascript:alert(1)',
      ' java\tscript:alert(1)',
      'JAVASCRIPT:alert(1)',
      '\u0001javascript:x',
      'data:text/html,x',
      'vbscript:x',
      '/relative',
      '//host.example/x',
      'ftp://example.com',
      '',
    ]) {
      expect(safeHref(url), JSON.stringify(url)).toBeNull();
    }
  });
});
