import { afterEach, describe, expect, it } from 'vitest';
import { altitudeUrl, cleanup, mount, nextSettle, part, settled } from '../../test/fixture.js';
import '../define.js';

afterEach(cleanup);

let fresh = 0;
/** Mounts a widget on an endpoint of its own, so a changed attribute is a new request (and a loading state). */
async function widget(tag: string, attributes: string, width?: string): Promise<HTMLElement> {
  const element = mount(`<${tag} endpoint="${altitudeUrl()}?keep-focus=${++fresh}" ${attributes}></${tag}>`, { width });
  expect(await settled(element)).toBe('load');
  return element;
}

/** Changes an attribute and waits for the widget to settle again. */
async function change(element: HTMLElement, name: string, value: string): Promise<'load' | 'error'> {
  const settledAgain = nextSettle(element);
  element.setAttribute(name, value);
  const result = await settledAgain;
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return result;
}

const focusedIn = (element: HTMLElement) => element.shadowRoot!.activeElement as HTMLElement | null;

describe('focus across a re-render', () => {
  it('stays on the same source link of <de-level-compare> when its levels change', async () => {
    const element = await widget('de-level-compare', 'levels="staff principal"');
    const links = [...part(element, 'sources')!.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(1);
    const link = links[1]!;
    link.focus();
    expect(focusedIn(element)).toBe(link);

    const settledAgain = nextSettle(element);
    element.setAttribute('levels', 'principal distinguished');
    await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    // While the new comparison loads, focus waits inside the widget, not on <body>.
    expect(document.activeElement).toBe(element);
    expect(await settledAgain).toBe('load');

    expect(document.activeElement).toBe(element);
    const now = focusedIn(element)!;
    expect(now.localName).toBe('a');
    expect(now.getAttribute('href')).toBe(link.getAttribute('href'));
    expect(now.textContent).toBe(link.textContent);
    expect(now.closest('[part~="sources"]')).not.toBeNull();
  });

  it('stays on the comparison table when it is a tab stop (it has to scroll)', async () => {
    const style = document.createElement('style');
    style.textContent = 'de-level-compare::part(table) { min-width: 1500px; }';
    document.head.append(style);
    try {
      const element = await widget('de-level-compare', 'levels="staff principal distinguished"', '900px');
      const region = () => element.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
      // Set once the element has measured the wider table (a resize observer, then an update).
      await expect.poll(() => region().tabIndex, { timeout: 5_000 }).toBe(0);
      region().focus();
      expect(await change(element, 'levels', 'distinguished principal staff')).toBe('load');
      expect(document.activeElement).toBe(element);
      expect(focusedIn(element)).toBe(region());
    } finally {
      style.remove();
    }
  });

  it('stays inside the widget when the change leads to an error message', async () => {
    const element = await widget('de-level-compare', 'levels="staff principal"');
    part(element, 'sources')!.querySelector('a')!.focus();
    expect(await change(element, 'levels', 'staff senior')).toBe('error');
    expect(document.activeElement).toBe(element);
    expect(focusedIn(element)).toBe(part(element, 'base'));
    // The wrapper is focusable only while it holds focus for the reader.
    focusedIn(element)!.blur();
    expect(part(element, 'base')!.hasAttribute('tabindex')).toBe(false);
  });

  it.each([
    ['de-failure-mode-card', 'mode', 'super-coder', 'floating-advisor'],
    ['de-level-card', 'level', 'staff', 'principal'],
  ])('stays on a source link of <%s> when its %s changes', async (tag, name, before, after) => {
    const element = await widget(tag, `${name}="${before}"`);
    const link = part(element, 'sources')!.querySelector('a')!;
    link.focus();
    expect(await change(element, name, after)).toBe('load');
    expect(document.activeElement).toBe(element);
    expect(focusedIn(element)?.closest('[part~="sources"]')).not.toBeNull();
    expect(focusedIn(element)?.localName).toBe('a');
  });

  it('leaves focus alone when the reader has moved it elsewhere', async () => {
    const element = await widget('de-level-compare', 'levels="staff principal"');
    const button = mount<HTMLButtonElement>('<button>elsewhere</button>');
    part(element, 'sources')!.querySelector('a')!.focus();
    const settledAgain = nextSettle(element);
    element.setAttribute('levels', 'principal distinguished');
    button.focus();
    expect(await settledAgain).toBe('load');
    expect(document.activeElement).toBe(button);
  });
});
