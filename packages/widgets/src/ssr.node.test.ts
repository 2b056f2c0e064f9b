import { describe, expect, it, vi } from 'vitest';
import { clientFor, MAX_PAGE_CLIENTS, pageClientCount } from './client/graphql-client.js';
import { renderWidget, widgetRequest } from './ssr.js';

describe('server rendering', () => {
  it('reads attributes as a page would, and keeps nothing of the render in the page-wide client', () => {
    const request = widgetRequest('de-failure-mode-grid', { 'heading-level': '3' });
    if (typeof request === 'string') throw new Error(request);
    const endpoint = 'https://altitude.example/graphql';
    const { html, cache } = renderWidget('de-failure-mode-grid', { 'heading-level': '3' }, endpoint, request, { failureModes: [] });
    expect(html).toContain('<de-failure-mode-grid');
    expect(html).toContain('shadowroot');
    // heading-level 3 through Lit's converter: the widget's heading is an h3.
    expect(html).toMatch(/<h3[\s>]/);
    // Rendered from the data it was given, not a loading placeholder.
    expect(html).not.toContain('part="loading"');
    expect(cache).toMatchObject({ endpoint, operation: request.operation, data: { failureModes: [] } });
    expect(clientFor(endpoint).peek(request.operation, request.variables)).toBeUndefined();
  });

  it('renders rich text from its blocks in Node, the same markup as in a browser, with nothing executable', () => {
    const doc = (...spans: object[]) => ({ blocks: [{ style: 'PARAGRAPH', list: null, level: 0, spans }] });
    const hostile = doc(
      { text: 'Writes ', marks: [], href: null },
      { text: 'code', marks: ['EM'], href: null },
      { text: '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>', marks: [], href: null },
    );
    const data = {
      failureMode: {
        slug: 'x',
        title: '<b>X</b>',
        summaryDoc: hostile,
        symptomsDoc: [hostile],
        consequencesDoc: [hostile],
        preventedBy: [{ slug: 'p', title: 'P', summaryDoc: doc({ text: 'p', marks: [], href: 'javascript:globalThis.__pwned=3' }) }],
        sources: [{ section: 'S', source: { slug: 's', title: 'T', url: 'https://example.com/s' } }],
      },
      failureModes: [{ slug: 'x' }],
    };
    const request = widgetRequest('de-failure-mode-card', { mode: 'x' });
    if (typeof request === 'string') throw new Error(request);
    const { html } = renderWidget('de-failure-mode-card', { mode: 'x' }, 'https://altitude.example/graphql', request, data);
    // Without Lit's hydration markers (comments and empty processing instructions between parts).
    const markup = html.replace(/<!--[^]*?-->|<\?>/g, '');
    expect(markup).toContain('<p>Writes <em>code</em>&lt;img src=x onerror=&quot;globalThis.__pwned=1&quot;&gt;&lt;script&gt;');
    expect(markup).toContain('<p>p</p>');
    expect(markup).toContain('&lt;b&gt;X&lt;/b&gt;');
    expect(markup).not.toMatch(/<img|<script|javascript:/);
  });

  it('leaves no client behind per endpoint: 10,000 Host headers keep the page-wide map small', () => {
    const request = widgetRequest('de-failure-mode-grid', {});
    if (typeof request === 'string') throw new Error(request);
    const before = pageClientCount();
    for (let i = 0; i < 10_000; i++) {
      const { html } = renderWidget('de-failure-mode-grid', {}, `https://host-${i}.example/graphql`, request, { failureModes: [] });
      if (!html.includes('<de-failure-mode-grid')) throw new Error(`render ${i} failed`);
    }
    expect(pageClientCount()).toBe(before);
  });

  it('sends no request: a widget given other data than it asks for renders loading', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const other = widgetRequest('de-level-card', { level: 'principal' });
      if (typeof other === 'string') throw new Error(other);
      const { html } = renderWidget('de-level-card', { level: 'staff' }, 'https://altitude.example/graphql', other, {
        level: null,
        levels: [],
      });
      expect(html).toContain('part="loading"');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('bounds the page-wide map too, letting the least recently used endpoint go', () => {
    const kept = clientFor('https://kept.example/graphql');
    for (let i = 0; i < MAX_PAGE_CLIENTS * 3; i++) {
      clientFor(`https://page-${i}.example/graphql`);
      // Used all along, so never the least recently used.
      expect(clientFor('https://kept.example/graphql')).toBe(kept);
    }
    expect(pageClientCount()).toBe(MAX_PAGE_CLIENTS);
  });

  it('renders a widget in the language of its lang attribute at once, and asks for that locale', () => {
    const request = widgetRequest('de-failure-mode-card', { mode: 'x', lang: 'de-CH' });
    if (typeof request === 'string') throw new Error(request);
    expect(request.variables).toMatchObject({ slug: 'x', locale: 'de-CH' });
    const data = {
      failureMode: {
        slug: 'x',
        title: 'Das Programmiergenie',
        summaryDoc: { blocks: [{ style: 'PARAGRAPH', list: null, level: 0, spans: [{ text: 'S', marks: [], href: null }] }] },
        symptomsDoc: [],
        consequencesDoc: [],
        preventedBy: [],
        sources: [],
        locale: 'de',
        fallbacks: [{ field: 'summary', locale: 'en', reason: 'MISSING' }],
      },
      failureModes: [{ slug: 'x' }],
    };
    const { html } = renderWidget('de-failure-mode-card', { mode: 'x', lang: 'de-CH' }, 'https://altitude.example/graphql', request, data);
    expect(html).toContain('>Symptome<');
    expect(html).not.toContain('Symptoms');
    // The summary the API served in English says so; nothing else needs to.
    expect(html).toMatch(/<div class="rich" lang="en">/);
    expect(html.match(/ lang="/g)).toHaveLength(2);
  });

  it('renders right to left in ar-XB, and asks English without a locale', () => {
    const english = widgetRequest('de-failure-mode-grid', {});
    if (typeof english === 'string') throw new Error(english);
    expect(english.variables).toEqual({ locale: null });
    const request = widgetRequest('de-failure-mode-grid', { lang: 'ar-XB' });
    if (typeof request === 'string') throw new Error(request);
    const { html } = renderWidget('de-failure-mode-grid', { lang: 'ar-XB' }, 'https://altitude.example/graphql', request, {
      failureModes: [],
    });
    expect(html).toMatch(/part="base" class="base"[^>]*dir="rtl"/);
    expect(html).toContain('\u202eHow\u202c');
  });

  it('says what is wrong with the attributes in the widget’s language', () => {
    expect(widgetRequest('de-level-card', { level: 'staff', theme: 'pink', lang: 'de' })).toBe(
      'theme muss „light“ oder „dark“ sein, nicht „pink“.',
    );
  });
});
