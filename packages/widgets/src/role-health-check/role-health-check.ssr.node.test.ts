import { describe, expect, it } from 'vitest';
import { renderWidget, widgetRequest } from '../ssr.js';
import { buildChecklist } from './checklist.js';
import './define.js';

// A server render (the embed pages) shows the checklist in the order the
// browser will: the order comes from slugs and positions alone.

const mode = (slug: string, symptoms: string[]) => ({
  slug,
  title: `Title ${slug}`,
  basis: 'SOURCED',
  symptoms,
  consequences: [`Consequence of ${slug}`],
  preventedBy: [],
  sources: [],
  locale: 'en',
  fallbacks: [],
});
const DATA = {
  failureModes: [
    mode('super-coder', ['a1', 'a2', 'a3', 'a4']),
    mode('floating-advisor', ['b1', 'b2', 'b3']),
    mode('title-without-the-role', ['c1', 'c2']),
  ],
};

describe('<de-role-health-check> rendered on the server', () => {
  it('renders the checklist in the stable order, without touching the address or throwing', () => {
    const request = widgetRequest('de-role-health-check', {});
    if (typeof request === 'string') throw new Error(request);
    const { html } = renderWidget('de-role-health-check', {}, 'https://altitude.example/graphql', request, DATA);
    expect(html).not.toContain('part="loading"');
    const values = [...html.matchAll(/<input[^>]*type="checkbox"[^>]*value="([^"]+)"/g)].map((m) => m[1]);
    expect(values).toEqual(buildChecklist(DATA.failureModes).map((item) => item.id));
    expect(values).toHaveLength(9);
    expect(html).toContain('<legend part="legend">');
  });

  it('refuses a card-href that is not http(s) or relative, on the server too', () => {
    expect(widgetRequest('de-role-health-check', { 'card-href': 'javascript:alert(1)' })).toBe(
      'card-href must be an http(s) or relative URL, not "javascript:alert(1)".',
    );
  });
});
