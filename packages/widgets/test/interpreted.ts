import { expect, vi } from 'vitest';
import { altitudeUrl, mount, settled } from './fixture.js';

// What the widget tests of interpreted items share: the legend's words, the
// real API asked directly, and a widget whose answer has every basis replaced.

/** The legend every widget shows when anything it shows is interpreted. */
export const NOTE = "The framework's reading, built on its sources rather than stated by them.";

export type Basis = 'INTERPRETED' | 'SOURCED';

/** A query's data, asked of the test server directly. */
export async function ask<T>(query: string): Promise<T> {
  const response = await fetch(`${altitudeUrl()}?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json' } });
  return ((await response.json()) as { data: T }).data;
}

const realFetch = window.fetch.bind(window);
let fresh = 0;

/**
 * A widget from the real API with its answer changed by `edit` (at a fresh
 * endpoint, so nothing cached is reused). The caller restores fetch
 * (vi.restoreAllMocks) after the test.
 */
export async function widgetEdited<T extends HTMLElement, A>(
  edit: (answer: A) => A,
  tag: string,
  attributes = '',
  width?: string,
): Promise<T> {
  vi.spyOn(window, 'fetch').mockImplementation(async (...args) => {
    const response = await realFetch(...args);
    const answer = edit((await response.json()) as A);
    return new Response(JSON.stringify(answer), { status: response.status, headers: { 'content-type': 'application/json' } });
  });
  const element = mount<T>(`<${tag} endpoint="${altitudeUrl()}?basis-${fresh++}" ${attributes}></${tag}>`, width ? { width } : {});
  expect(await settled(element)).toBe('load');
  return element;
}

/** A widget from the real API with every `basis` in its answer replaced. */
export function withEvery<T extends HTMLElement>(basis: Basis, tag: string, attributes = ''): Promise<T> {
  return widgetEdited<T, unknown>(
    (answer) => JSON.parse(JSON.stringify(answer), (key, value: unknown) => (key === 'basis' ? basis : value)) as unknown,
    tag,
    attributes,
  );
}

/** The marks inside `scope`. */
export const marks = (scope: Element | ShadowRoot | null) => [...(scope?.querySelectorAll<HTMLElement>('[part~="interpreted"]') ?? [])];

/** Asserts the mark's form: a superscript dagger with the note as its tooltip, read by screen readers as words. */
export function expectMarkForm(mark: Element): void {
  expect(mark.tagName).toBe('SUP');
  expect(mark.getAttribute('title')).toBe(NOTE);
  expect(mark.querySelector('[aria-hidden="true"]')!.textContent).toBe('†');
  expect(mark.querySelector('.visually-hidden')!.textContent).toBe(" (the framework's reading)");
}
