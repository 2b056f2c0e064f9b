import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, hostileUrl, mount, part, settled } from '../../test/fixture.js';
import '../define.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  delete window.__pwned;
});

const settleAWhile = () => new Promise((resolve) => setTimeout(resolve, 300));

/** No script ran, and nothing executable reached the shadow DOM. */
function expectInert(element: HTMLElement) {
  expect(window.__pwned).toBeUndefined();
  const root = element.shadowRoot!;
  expect(root.querySelectorAll('script, iframe, object, embed, style, link, meta, base, form, svg, img')).toHaveLength(0);
  for (const node of root.querySelectorAll('*')) {
    for (const attribute of node.attributes) {
      expect(attribute.name, `${node.tagName} ${attribute.name}`).not.toMatch(/^on|^style$|^srcdoc$/i);
      expect(attribute.value, `${node.tagName} ${attribute.name}`).not.toMatch(/^\s*javascript:/i);
    }
  }
  // Content from the API may not hide itself from assistive technology or shout over it.
  for (const node of root.querySelectorAll('.rich *')) {
    for (const attribute of node.attributes)
      expect(attribute.name, `${node.tagName} ${attribute.name}`).not.toMatch(/^aria-|^data-|^role$/);
  }
}

describe('hostile content renders inert', () => {
  it('from a real server whose content carries <script>, onerror= and javascript: links', async () => {
    const element = mount(`<de-failure-mode-card endpoint="${hostileUrl()}" mode="super-coder"></de-failure-mode-card>`);
    expect(await settled(element)).toBe('load');
    await settleAWhile();
    expectInert(element);
    // The title is text: the markup shows as characters instead of running.
    expect(part(element, 'title')!.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    // The planted summary arrived, with its words and without its markup.
    expect(part(element, 'summary')!.textContent).toContain('Writes code');
    expect(part(element, 'summary')!.textContent).toContain('all day');
  });

  it('from an endpoint that answers with hostile rich text: markup in span texts, bad links, odd shapes, HTML where a document belongs', async () => {
    const span = (text: unknown, marks: unknown = [], href: unknown = null) => ({ text, marks, href });
    const doc = (...spans: unknown[]) => ({ blocks: [{ style: 'PARAGRAPH', list: null, level: 0, spans }] });
    const hostile = {
      blocks: [
        {
          style: 'PARAGRAPH',
          list: null,
          level: 0,
          spans: [span('Hi<script>window.__pwned=5</script><img src=x onerror="window.__pwned=6">')],
        },
        {
          style: 'PARAGRAPH',
          list: null,
          level: 0,
          spans: [span('a', [], 'javascript:window.__pwned=7'), span('b', [], ' java\tscript:window.__pwned=8')],
        },
        {
          style: 'PARAGRAPH',
          list: null,
          level: 0,
          spans: [span('c', ['SCRIPT', 'STRONG'], 'data:text/html,<script>window.__pwned=9</script>')],
        },
        { style: '<svg onload="window.__pwned=10">', list: 'BULLET', level: 99, spans: [span('<svg onload="window.__pwned=11"></svg>')] },
        { style: 'CODE', list: null, level: 0, spans: [span('<iframe srcdoc="<script>window.__pwned=12</script>">')] },
        'not a block',
        { spans: 'not spans' },
      ],
    };
    vi.spyOn(window, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          data: {
            failureMode: {
              slug: 'x',
              title: '<b onmouseover="window.__pwned=13">X</b>',
              summaryDoc: hostile,
              // An HTML string where a document belongs: drawn as nothing, never parsed.
              symptomsDoc: ['<p>Hi<script>window.__pwned=14</script><img src=x onerror="window.__pwned=15"></p>', doc(span('kept'))],
              consequencesDoc: [hostile],
              preventedBy: [{ slug: 'p', title: 'P', summaryDoc: doc(span('p', [], 'javascript:window.__pwned=16')) }],
              sources: [{ section: 'S', source: { slug: 's', title: 'T', url: 'javascript:window.__pwned=17' } }],
            },
            failureModes: [{ slug: 'x' }],
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      ),
    );
    const element = mount(`<de-failure-mode-card endpoint="https://hostile.example/graphql" mode="x"></de-failure-mode-card>`);
    expect(await settled(element)).toBe('load');
    await settleAWhile();
    expectInert(element);
    const summary = part(element, 'summary')!;
    // The markup shows as the characters it is made of; the links' words stay, without their links.
    expect(summary.textContent).toContain('Hi<script>window.__pwned=5</script>');
    expect(summary.textContent).toContain('ab');
    expect(summary.querySelectorAll('a')).toHaveLength(0);
    expect(summary.querySelector('strong')?.textContent).toBe('c');
    expect(element.shadowRoot!.textContent).toContain('kept');
    expect(element.shadowRoot!.textContent).not.toContain('window.__pwned=14');
  });
});
