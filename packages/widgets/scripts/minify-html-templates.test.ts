import { describe, expect, it } from 'vitest';
import { minifyHtmlTemplatesIn } from './minify-html-templates.js';

describe('minifyHtmlTemplatesIn', () => {
  it('collapses each line break and its indentation in html`…` text to one space', () => {
    expect(minifyHtmlTemplatesIn('x = html`<ul>\n      <li>a</li>\n    </ul>`;')).toBe('x = html`<ul> <li>a</li> </ul>`;');
  });

  it('keeps expressions, strings, comments and other templates as written, collapsing only nested html`…`', () => {
    const code =
      "const n: number = 1; // html`  in a comment\nhtml`<p>\n  ${items.map((i) => html`<li>\n    ${i}</li>`)}\n  ${'a\\n  b'} ${`keep\n  this`}\n</p>`; const t = `not\n  html`;";
    expect(minifyHtmlTemplatesIn(code)).toBe(
      "const n: number = 1; // html`  in a comment\nhtml`<p> ${items.map((i) => html`<li> ${i}</li>`)} ${'a\\n  b'} ${`keep\n  this`} </p>`; const t = `not\n  html`;",
    );
  });

  it('leaves a template holding <pre> or <textarea> as it is', () => {
    const pre = 'html`<pre>\n  ${a}\n</pre>`;';
    expect(minifyHtmlTemplatesIn(pre)).toBe(pre);
    expect(minifyHtmlTemplatesIn('html`a\\`\n  b`;')).toBe('html`a\\` b`;');
  });
});
