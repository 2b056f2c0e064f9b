// The renderer in Node, through Lit's server renderer: the markup a page or
// an embed receives, with no DOM to lean on.
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { MAX_BLOCKS, MAX_CHARACTERS, MAX_SPANS, richDoc } from './rich-doc.js';

/** The markup without Lit's hydration comments. */
const markup = (doc: unknown) =>
  collectResultSync(render(html`${richDoc(doc)}`))
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<\?[^>]*>/g, '');
const p = (...spans: object[]) => ({ style: 'PARAGRAPH', list: null, level: 0, spans });
const item = (list: 'BULLET' | 'NUMBER', level: number, text: string) => ({
  style: 'PARAGRAPH',
  list,
  level,
  spans: [{ text, marks: [] }],
});
const text = (t: string, marks: string[] = [], href: string | null = null) => ({ text: t, marks, href });

describe('richDoc', () => {
  it('draws paragraphs with marks, links and hard line breaks', () => {
    const doc = {
      blocks: [
        p(
          text('Ship '),
          text('small', ['EM']),
          text(' '),
          text('steps', ['STRONG', 'EM']),
          text(', '),
          text('a < b', ['CODE']),
          text(' & '),
          text('c', ['DEL']),
        ),
        p(text('line one\nline two'), text('read', [], 'https://example.com/a?b=1&c=2'), text('mail', ['STRONG'], 'mailto:a@b.example')),
      ],
    };
    expect(markup(doc)).toBe(
      '<p>Ship <em>small</em> <strong><em>steps</em></strong>, <code>a &lt; b</code> &amp; <del>c</del></p>' +
        '<p>line one<br />line two<a href="https://example.com/a?b=1&amp;c=2">read</a><a href="mailto:a@b.example"><strong>mail</strong></a></p>',
    );
  });

  it('nests list blocks by level, starts a new list when the kind changes, and groups quotes', () => {
    const doc = {
      blocks: [
        item('BULLET', 1, 'a'),
        item('BULLET', 2, 'a.1'),
        item('NUMBER', 3, 'a.1.i'),
        item('BULLET', 1, 'b'),
        item('NUMBER', 1, 'one'),
        { style: 'QUOTE', list: null, level: 0, spans: [text('q1')] },
        { style: 'QUOTE', list: null, level: 0, spans: [text('q2')] },
        { style: 'CODE', list: null, level: 0, spans: [text('x > y\n  z')] },
        item('BULLET', 9, 'deep'),
      ],
    };
    expect(markup(doc)).toBe(
      '<ul><li>a<ul><li>a.1<ol><li>a.1.i</li></ol></li></ul></li><li>b</li></ul><ol><li>one</li></ol>' +
        '<blockquote><p>q1</p><p>q2</p></blockquote><pre><code>x &gt; y\n  z</code></pre><ul><li>deep</li></ul>',
    );
  });

  it('keeps hostile text as text and drops links that are not http(s) or mailto', () => {
    const doc = {
      blocks: [
        p(text('<script>globalThis.__pwned=1</script><img src=x onerror=alert(1)>')),
        p(
          text('a', [], 'javascript:alert(1)'),
          text('b', [], ' java\tscript:alert(1)'),
          text('c', [], 'data:text/html,<script>'),
          text('d', [], '//evil.example'),
        ),
        { style: '<b>', list: 'SPIRAL', level: 'x', spans: [text('odd', ['BLINK', 'STRONG'])] },
      ],
    };
    const out = markup(doc);
    expect(out).toBe(
      '<p>&lt;script&gt;globalThis.__pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p><p>abcd</p><p><strong>odd</strong></p>',
    );
  });

  it('draws nothing for what is not a document: an HTML string, null, wrong shapes', () => {
    for (const doc of ['<p onclick="x">Hi</p>', null, undefined, 42, { blocks: 'x' }, { blocks: [null, 1, 'p'] }, []]) {
      expect(markup(doc), JSON.stringify(doc)).toBe('');
    }
    expect(markup({ blocks: [{ spans: [{ text: 7, marks: 'STRONG', href: 5 }, 'x'] }] })).toBe('<p></p>');
  });

  it(`draws at most ${MAX_BLOCKS} blocks and ${MAX_SPANS} spans, however many arrive`, () => {
    const many = { blocks: Array.from({ length: 20_000 }, (_, i) => p(text(`b${i}`))) };
    expect(markup(many).match(/<p>/g)).toHaveLength(MAX_BLOCKS);
    const wide = { blocks: Array.from({ length: 100 }, () => p(...Array.from({ length: 1_000 }, () => text('s', ['EM'])))) };
    const started = performance.now();
    expect(markup(wide).match(/<em>/g)).toHaveLength(MAX_SPANS);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it(`draws at most ${MAX_CHARACTERS} characters, however long one span is`, () => {
    const started = performance.now();
    const breaks = markup({ blocks: [p(text('\n'.repeat(5_000_000))), p(text('after'))] });
    expect(breaks.match(/<br \/>/g)).toHaveLength(MAX_CHARACTERS);
    expect(breaks).not.toContain('after');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('writes no tag or attribute it did not choose, whatever the document', () => {
    const pieces = [
      '<',
      '>',
      '"',
      "'",
      '=',
      'script',
      'onerror',
      'javascript:',
      'https://x.example',
      'mailto:a@b',
      '&',
      '\n',
      ' ',
      '<!--',
      '-->',
    ];
    const styles = ['PARAGRAPH', 'QUOTE', 'CODE', 'HEADING', '<p>', ''];
    const marks = ['STRONG', 'EM', 'CODE', 'DEL', 'SCRIPT', '<b>'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(from: readonly T[]) => from[Math.floor(random() * from.length)]!;
    const str = () => Array.from({ length: 8 }, () => pick(pieces)).join('');
    for (let n = 0; n < 2000; n++) {
      const doc = {
        blocks: Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({
          style: pick(styles),
          list: pick([null, 'BULLET', 'NUMBER', 'X']),
          level: Math.floor(random() * 9) - 1,
          spans: Array.from({ length: Math.floor(random() * 4) }, () => ({
            text: str(),
            marks: [pick(marks), pick(marks)],
            href: random() < 0.5 ? str() : pick(pieces),
          })),
        })),
      };
      for (const tag of markup(doc).match(/<[^>]*>/g) ?? [])
        expect(tag, JSON.stringify(doc)).toMatch(
          /^<\/?(p|em|strong|code|a|ul|ol|li|blockquote|del|pre)>$|^<br \/>$|^<a href="(https?:|mailto:)[^"<>]*">$/,
        );
    }
  });
});
