import type { RichBlock, RichText } from '@altitude/schema';
import { describe, expect, it } from 'vitest';
import { htmlProblem } from './hr-rules.js';
import { hrHtml, hrHtmlList } from './rich-html.js';

const rich = (blocks: RichBlock[]): RichText => ({ markdown: '', html: '', text: '', blocks });
const para = (text: string, marks: RichBlock['spans'][number]['marks'] = []): RichBlock => ({
  style: 'paragraph',
  list: null,
  level: 0,
  spans: [{ text, marks, href: null }],
});
const item = (text: string, level: number, list: 'bullet' | 'number' = 'bullet'): RichBlock => ({ ...para(text), list, level });

describe("hrHtml: rich text in the HR suites' HTML subset", () => {
  it('writes paragraphs, bold, italic and line breaks, and escapes text', () => {
    const html = hrHtml(
      rich([
        {
          ...para(''),
          spans: [
            { text: 'Plain ', marks: [], href: null },
            { text: 'strong', marks: ['strong'], href: null },
            { text: ' & <em>', marks: ['em'], href: null },
          ],
        },
        para('line one\nline two'),
      ]),
    );
    expect(html).toBe('<p>Plain <b>strong</b><i> &amp; &lt;em&gt;</i></p><p>line one<br>line two</p>');
    expect(htmlProblem(html)).toBeUndefined();
  });

  it("keeps a link's text and drops its URL, and writes no tag outside the subset for code or a quote", () => {
    const html = hrHtml(
      rich([
        { ...para(''), spans: [{ text: 'the article', marks: [], href: 'https://example.com/"onmouseover=alert(1)' }] },
        { ...para('x = 1'), style: 'code' },
        { ...para('said'), style: 'quote', spans: [{ text: 'said', marks: ['code', 'del'], href: null }] },
      ]),
    );
    expect(html).toBe('<p>the article</p><p>x = 1</p><p>said</p>');
    expect(html).not.toContain('example.com');
  });

  it('nests lists as written and closes every tag', () => {
    const html = hrHtml(
      rich([para('Intro'), item('a', 1), item('a.1', 2, 'number'), item('a.2', 2, 'number'), item('b', 1), para('After')]),
    );
    expect(html).toBe('<p>Intro</p><ul><li>a<ol><li>a.1</li><li>a.2</li></ol></li><li>b</li></ul><p>After</p>');
    // Every opened tag is closed, in order.
    const stack: string[] = [];
    for (const [, close, name] of html.matchAll(/<(\/?)(\w+)>/g)) {
      if (name === 'br') continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
  });

  it('starts a new list when a bullet list turns into a numbered one at the same depth', () => {
    expect(hrHtml(rich([item('a', 1), item('1', 1, 'number')]))).toBe('<ul><li>a</li></ul><ol><li>1</li></ol>');
  });

  it('writes a level-by-level list with escaped lead-ins', () => {
    expect(hrHtmlList([{ lead: 'Staff <L6>', text: 'Owns "one" area & more' }])).toBe(
      '<ul><li><b>Staff &lt;L6&gt;:</b> Owns &quot;one&quot; area &amp; more</li></ul>',
    );
    expect(hrHtmlList([])).toBe('');
  });
});

describe('htmlProblem: the subset the checker enforces', () => {
  it.each([
    ['<script>alert(1)</script>', /<script>/],
    ['<p onclick="x">a</p>', /attributes/],
    ['<a href="https://x">a</a>', /<a>/],
    ['<img src=x>', /<img>/],
    ['< / script >', /<script>/],
    ['<p>a</p  onclick=x>', /attributes/],
    ['<script<b>x</b>', /"<s" opening a tag that is not closed/],
  ])('refuses %s', (html, problem) => {
    expect(htmlProblem(html)).toMatch(problem);
  });

  it('accepts the subset, self-closing <br/> included', () => {
    expect(htmlProblem('<p>a<br/>b</p><ul><li><b>x</b> <i>y</i></li></ul><ol><li>z</li></ol>')).toBeUndefined();
  });

  it('reads a `<` followed by 100,000 spaces, or 100,000 `<`, in linear time', () => {
    const started = performance.now();
    expect(htmlProblem(`<${' '.repeat(100_000)}`)).toBeUndefined();
    expect(htmlProblem(`<p>${' '.repeat(100_000)}x</p>`)).toBeUndefined();
    expect(htmlProblem('<'.repeat(100_000))).toBeUndefined();
    expect(htmlProblem(`<${' '.repeat(100_000)}script>`)).toMatch(/<script>/);
    // The old pattern took minutes on the first of these.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
