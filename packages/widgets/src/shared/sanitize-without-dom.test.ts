import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { altitudeUrl } from '../../test/fixture.js';
import { GraphqlClient } from '../client/graphql-client.js';
import {
  FailureModeGridOperation,
  LevelCardOperation,
  LevelComparisonOperation,
  LeverageMechanismsOperation,
} from '../queries/generated.js';
import { SANITIZE_CONFIG } from './safe-html.js';
import { sanitizeWithoutDom } from './sanitize-without-dom.js';

/** Every string in an answer that is HTML (the API's `format: HTML` fields). */
function htmlStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && value.startsWith('<')) found.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) htmlStrings(v, found);
  return found;
}

// A server-rendered widget hydrates only if the server's sanitised HTML is
// the very string DOMPurify makes of it in the browser.
describe('the server renderer’s sanitiser', () => {
  it('gives what DOMPurify gives, on every piece of HTML the real API serves to the widgets', async () => {
    const client = new GraphqlClient(altitudeUrl());
    const answers = await Promise.all([
      client.request(LevelComparisonOperation, { slugs: ['staff', 'principal', 'distinguished'], dimensions: null }),
      client.request(FailureModeGridOperation, {}),
      client.request(LeverageMechanismsOperation, {}),
      ...['staff', 'principal', 'distinguished'].map((slug) => client.request(LevelCardOperation, { slug })),
    ]);
    const html = [...new Set(htmlStrings(answers))];
    expect(html.length).toBeGreaterThan(50);
    for (const piece of html) expect(sanitizeWithoutDom(piece), piece).toBe(DOMPurify.sanitize(piece, SANITIZE_CONFIG));
  });

  it('gives what DOMPurify gives on Markdown’s other formatting', () => {
    for (const piece of [
      '<p>a &#x26; b &#x3C; c > d "e" \'f\' &nbsp;g</p>',
      '<p><a href="https://example.com/?a=1&#x26;b=2">x</a> <a href="mailto:a@b.example">m</a></p>',
      '<ol>\n<li><strong>x</strong></li>\n</ol>\n<blockquote>\n<p><del>y</del></p>\n</blockquote>',
      '<pre><code class="language-js">if (a &#x3C; b) {}\n</code></pre>',
      '<h2>Heading</h2>\n<table><tr><td>cell</td></tr></table>\n<p>after<br>\nbreak</p>',
    ])
      expect(sanitizeWithoutDom(piece), piece).toBe(DOMPurify.sanitize(piece, SANITIZE_CONFIG));
  });
});
