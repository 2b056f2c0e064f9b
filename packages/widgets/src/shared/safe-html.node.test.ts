// Node has no DOM, so DOMPurify cannot run here: what the widgets do then.
// This file does not load ssr.ts, so no sanitiser is registered.
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { sanitize } from './safe-html.js';
import { rich } from './templates.js';

const hostile = '<p>Hi<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script></p>';

describe('the sanitiser where DOMPurify cannot run', () => {
  it('fails closed: without a registered sanitiser, markup is shown as text', () => {
    expect(DOMPurify.isSupported).toBe(false);
    expect(sanitize('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(sanitize(hostile)).not.toMatch(/<(?!\/?$)/);
  });

  it('renders rich text as characters, with no element made from it', () => {
    const markup = collectResultSync(render(rich(hostile)));
    expect(markup).toContain('&lt;img src=x onerror="globalThis.__pwned=1"&gt;');
    expect(markup).not.toMatch(/<img|<script|<p>/);
  });
});
