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

  it('from an endpoint that answers with raw hostile HTML (the widget sanitises too)', async () => {
    const hostileHtml =
      '<p>Hi<script>window.__pwned=5</script><img src=x onerror="window.__pwned=6"><a href="javascript:window.__pwned=7">x</a><svg onload="window.__pwned=8"></svg></p>';
    vi.spyOn(window, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          data: {
            failureMode: {
              slug: 'x',
              title: '<b onmouseover="window.__pwned=9">X</b>',
              summary: hostileHtml,
              symptoms: [hostileHtml],
              consequences: [hostileHtml],
              preventedBy: [{ slug: 'p', title: 'P', summary: hostileHtml }],
              sources: [{ section: 'S', source: { slug: 's', title: 'T', url: 'javascript:window.__pwned=10' } }],
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
    expect(part(element, 'summary')!.innerHTML).toContain('Hi');
  });
});
