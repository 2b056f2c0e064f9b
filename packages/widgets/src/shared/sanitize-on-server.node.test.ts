import { describe, expect, it } from 'vitest';
import { sanitizeOnServer } from './sanitize-on-server.js';

/** Every tag in the output, as written. */
const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];

// DOMPurify over jsdom: the same library and allow-list as the browser's.
describe('sanitizeOnServer', () => {
  it('keeps the formatting Markdown produces', () => {
    const html =
      '<p>Ship <em>small</em> <strong>steps</strong>, <code>a &#x3C; b</code> &#x26; <del>c</del>.<br>\n<a href="https://example.com/a?b=1&#x26;c=2">read</a></p>\n<ul>\n<li>one</li>\n</ul>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<pre><code>x > y\n</code></pre>';
    expect(sanitizeOnServer(html)).toBe(
      '<p>Ship <em>small</em> <strong>steps</strong>, <code>a &lt; b</code> &amp; <del>c</del>.<br>\n<a href="https://example.com/a?b=1&amp;c=2">read</a></p>\n<ul>\n<li>one</li>\n</ul>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<pre><code>x &gt; y\n</code></pre>',
    );
  });

  it.each([
    ['<img src=x onerror="alert(1)">', ''],
    ['<p>Hi<script>alert(1)</script></p>', '<p>Hi</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" java\tscript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="https://ok.example" onclick="alert(1)" style="x">x</a>', '<a href="https://ok.example">x</a>'],
    ['<A HREF=mailto:a@b.example>m</A>', '<a href="mailto:a@b.example">m</a>'],
    ['<svg onload="alert(1)"><p>in svg</p></svg>after', '<p>in svg</p>after'],
    ['<style>p{}</style><iframe srcdoc="<script>alert(1)</script>"></iframe>x', 'x'],
    ['<p title="a>b" onmouseover=alert(1)>t</p>', '<p>t</p>'],
    ['<div><em>kept text</em></div>', '<em>kept text</em>'],
    ['<em>unclosed <strong>too', '<em>unclosed <strong>too</strong></em>'],
    ['</p></em>stray<!-- <script>alert(1)</script> -->', 'stray'],
    ['a < b <3 <!x> <?php ?> </ 3>', 'a &lt; b &lt;3   '],
    ['<img src=x onerror=alert(1)', ''],
    ['<script>never closed', ''],
    // DOMPurify (in the browser too) hands back text with no '<' as it is.
    ['&mdash; &amp &lt;b&gt; &#0; &#x110000; &bogus', '&mdash; &amp &lt;b&gt; &#0; &#x110000; &bogus'],
    ['<em>&mdash; &amp &#0; &bogus</em>', '<em>— &amp; \ufffd &amp;bogus</em>'],
  ])('%s becomes %s', (input, expected) => {
    expect(sanitizeOnServer(input)).toBe(expected);
  });

  it('writes no tag or attribute it did not choose, whatever the input', () => {
    const pieces = [
      '<',
      '>',
      '</',
      '/>',
      '"',
      "'",
      '=',
      'a',
      'p',
      'img',
      'script',
      'href',
      'onerror',
      'javascript:',
      'https:',
      ' ',
      '&',
      '#',
      ';',
      '!--',
      '-->',
    ];
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let n = 0; n < 2000; n++) {
      const input = Array.from({ length: 40 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      for (const tag of tags(sanitizeOnServer(input)))
        expect(tag, input).toMatch(/^<\/?(p|em|strong|code|a|ul|ol|li|br|blockquote|del|pre)>$|^<a href="https?:[^"<>]*">$/);
    }
  });
});
