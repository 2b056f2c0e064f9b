import { describe, expect, it } from 'vitest';
import { clientFor } from './client/graphql-client.js';
import { renderWidget, widgetRequest } from './ssr.js';

describe('server rendering', () => {
  it('reads attributes as a page would, and keeps nothing of the render in the page-wide client', async () => {
    const request = widgetRequest('de-failure-mode-grid', { 'heading-level': '3' });
    if (typeof request === 'string') throw new Error(request);
    const endpoint = 'https://altitude.example/graphql';
    const { html, cache } = await renderWidget('de-failure-mode-grid', { 'heading-level': '3' }, endpoint, request, { failureModes: [] });
    expect(html).toContain('<de-failure-mode-grid');
    expect(html).toContain('shadowroot');
    // heading-level 3 through Lit's converter: the widget's heading is an h3.
    expect(html).toMatch(/<h3[\s>]/);
    expect(cache).toMatchObject({ endpoint, operation: request.operation, data: { failureModes: [] } });
    expect(clientFor(endpoint).peek(request.operation, request.variables)).toBeUndefined();
  });
});
