import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

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
