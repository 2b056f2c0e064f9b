import axe from 'axe-core';
import { inject } from 'vitest';
import '../../../tests/support/provided-context.js';

export const altitudeUrl = () => `${inject('altitudeUrl')}/graphql`;
export const hostileUrl = () => `${inject('hostileAltitudeUrl')}/graphql`;
/** A server whose German has stale and missing strings and which has no Japanese (see tests/support/altitude-servers.ts). */
export const fallbackUrl = () => `${inject('fallbackAltitudeUrl')}/graphql`;
/** Nothing listens on port 9 (discard) here: connections are refused at once. */
export const unreachableUrl = 'http://127.0.0.1:9/graphql';

const containers: HTMLElement[] = [];

/** Puts `markup` into a fresh container of the given width and returns its first element. */
export function mount<T extends HTMLElement>(markup: string, options: { width?: string } = {}): T {
  const container = document.createElement('div');
  if (options.width) container.style.width = options.width;
  container.innerHTML = markup;
  document.body.append(container);
  containers.push(container);
  return container.firstElementChild as T;
}

/** Mounts `<tag endpoint=(the test server) attributes>` and waits until it has rendered data or an error. */
export async function renderWidget<T extends HTMLElement>(tag: string, attributes = '', options: { width?: string } = {}): Promise<T> {
  const element = mount<T>(`<${tag} endpoint="${altitudeUrl()}" ${attributes}></${tag}>`, options);
  await settled(element);
  return element;
}

/** Removes every mounted fixture. */
export function cleanup(): void {
  for (const c of containers.splice(0)) c.remove();
}

/** Resolves at the element's next de-load or de-error event. */
export function nextSettle(element: HTMLElement, timeoutMs = 10_000): Promise<'load' | 'error'> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${element.tagName} did not settle in ${timeoutMs} ms`)), timeoutMs);
    const done = (kind: 'load' | 'error') => () => {
      clearTimeout(timer);
      resolve(kind);
    };
    element.addEventListener('de-load', done('load'), { once: true });
    element.addEventListener('de-error', done('error'), { once: true });
  });
}

/** Resolves once the element has rendered its data or an error (de-load / de-error). */
export function settled(element: HTMLElement, timeoutMs = 10_000): Promise<'load' | 'error'> {
  const root = element.shadowRoot;
  if (root?.querySelector('[part~="error"]')) return Promise.resolve('error');
  if (root && !root.querySelector('[part~="loading"]') && root.querySelector('[part~="base"]')) return Promise.resolve('load');
  return nextSettle(element, timeoutMs);
}

export function part(element: HTMLElement, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(element: HTMLElement, name: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** Visible text of the element's shadow content, whitespace folded. */
export function text(element: HTMLElement | null): string {
  return (element?.shadowRoot ?? element)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** axe-core's WCAG 2 A and AA violations within `context`. */
export async function axeViolations(context: Element): Promise<string[]> {
  const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A computed colour of the element's base wrapper, to tell the themes apart. */
export function colours(element: HTMLElement): { color: string; background: string } {
  const style = getComputedStyle(element);
  return { color: style.color, background: style.backgroundColor };
}

/** The level (1–6) of a heading element. */
export function headingLevel(element: Element | null): number | undefined {
  const match = /^H([1-6])$/.exec(element?.tagName ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Whether the element's error box sits in a live region that screen readers announce. */
export function isAnnounced(element: Element | null): boolean {
  return element?.closest('[role="alert"]') != null;
}
