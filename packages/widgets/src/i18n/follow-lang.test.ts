import { afterEach, describe, expect, it, vi } from 'vitest';
import { altitudeUrl, cleanup, mount, nextSettle, part, parts, settled } from '../../test/fixture.js';
import '../define.js';
import { followerCount } from './lang-observer.js';
import { de } from './locales/de.js';
import { ja } from './locales/ja.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const card = (attributes = '', endpoint = altitudeUrl()) =>
  `<de-failure-mode-card endpoint="${endpoint}" mode="super-coder" ${attributes}></de-failure-mode-card>`;
const heading = (element: HTMLElement) => parts(element, 'section-heading')[0]!.textContent;

/** Watches the page's requests to the API; `locales()` says which locale each asked for ('' when none). */
function watchRequests() {
  const spy = vi.spyOn(window, 'fetch');
  return {
    locales: () =>
      spy.mock.calls
        .map(([url]) => new URL(url as string).searchParams.get('variables') ?? '{}')
        .map((variables) => (JSON.parse(variables) as { locale?: string }).locale ?? ''),
  };
}

/** An element of the page's own with a shadow root, as design systems and frameworks make them. */
class LangHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<section><div class="inner"></div></section>';
  }
}
customElements.define('test-lang-host', LangHost);

describe('a widget’s language', () => {
  it('is its own lang, else the nearest ancestor’s, else the page’s; each widget its own', async () => {
    const container = mount<HTMLElement>(`<div lang="ja"><div>${card()}${card('lang="de"')}</div></div>`);
    const [inJapanese, inGerman] = [...container.querySelectorAll<HTMLElement>('de-failure-mode-card')];
    await Promise.all([settled(inJapanese!), settled(inGerman!)]);
    expect(heading(inJapanese!)).toBe(ja.Symptoms);
    expect(heading(inGerman!)).toBe(de.Symptoms);
    // The test page is <html lang="en">.
    const english = mount<HTMLElement>(card());
    await settled(english);
    expect(heading(english)).toBe('Symptoms');
  });

  it('follows a lang changed above it at run time, in the new language’s words and content', async () => {
    const container = mount<HTMLElement>(`<div lang="de">${card()}</div>`);
    const element = container.firstElementChild as HTMLElement;
    await settled(element);
    const germanTitle = part(element, 'title')!.textContent;
    const next = nextSettle(element);
    container.lang = 'ja';
    expect(await next).toBe('load');
    expect(heading(element)).toBe(ja.Symptoms);
    expect(part(element, 'title')!.textContent).not.toBe(germanTitle);
    // And back, from what the page already fetched.
    const back = nextSettle(element);
    container.removeAttribute('lang');
    expect(await back).toBe('load');
    expect(heading(element)).toBe('Symptoms');
  });

  it('follows a lang across shadow roots: on an element inside one, and on its host', async () => {
    const host = mount<LangHost>('<test-lang-host lang="de"></test-lang-host>');
    const inner = host.shadowRoot!.querySelector<HTMLElement>('.inner')!;
    inner.innerHTML = card();
    const element = inner.firstElementChild as HTMLElement;
    await settled(element);
    expect(heading(element)).toBe(de.Symptoms);

    let next = nextSettle(element);
    inner.lang = 'ja';
    expect(await next).toBe('load');
    expect(heading(element)).toBe(ja.Symptoms);

    next = nextSettle(element);
    inner.removeAttribute('lang');
    expect(await next).toBe('load');
    expect(heading(element)).toBe(de.Symptoms);

    next = nextSettle(element);
    host.lang = 'en';
    expect(await next).toBe('load');
    expect(heading(element)).toBe('Symptoms');
  });

  it('re-renders only the widgets whose language changed, and asks the API in the new one', async () => {
    const requests = watchRequests();
    // Endpoints of their own, so that nothing comes from the page-wide client's earlier answers.
    const container = mount<HTMLElement>(
      `<div lang="de">${card('', `${altitudeUrl()}?following`)}<de-level-card endpoint="${altitudeUrl()}?fixed" level="staff" lang="de"></de-level-card></div>`,
    );
    const [following, fixed] = [...container.children] as (HTMLElement & { updateComplete: Promise<boolean> })[];
    await Promise.all([settled(following!), settled(fixed!)]);
    const updates = vi.spyOn(fixed as unknown as { update(changed: unknown): void }, 'update');
    const next = nextSettle(following!);
    container.lang = 'ja';
    await next;
    await fixed!.updateComplete;
    expect(updates).not.toHaveBeenCalled();
    // English is asked without a locale, so English requests are the ones they always were.
    expect(requests.locales()).toEqual(expect.arrayContaining(['de', 'ja']));
    expect(requests.locales()).not.toContain('en');
  });

  it('is English, without an API error, when lang is malformed, empty or too long', async () => {
    const requests = watchRequests();
    const endpoint = `${altitudeUrl()}?malformed`;
    for (const lang of [
      'en_US',
      'not a language',
      '',
      '12',
      `de-${'x'.repeat(200)}`,
      'de-DE-u-co-phonebk-ca-gregory-nu-latn-hc-h23-x-private',
    ]) {
      const element = mount<HTMLElement>(card(`lang="${lang}"`, endpoint));
      expect(await settled(element), lang).toBe('load');
      const german = lang.startsWith('de-DE-u');
      // Extensions are dropped: that last one is German from Germany.
      expect(heading(element), lang).toBe(german ? de.Symptoms : 'Symptoms');
    }
    expect(requests.locales()).toEqual(['', 'de-DE']);
  });

  it('sets dir from the language unless the page set dir itself', async () => {
    const container = mount<HTMLElement>(
      `<div lang="ar-XB">${card()}</div><div lang="ar-XB" dir="ltr">${card()}</div>${card('lang="he"')}`,
    );
    const [mirrored, pageSaysLtr, hebrew] = [...container.parentElement!.querySelectorAll<HTMLElement>('de-failure-mode-card')].slice(-3);
    await Promise.all([settled(mirrored!), settled(pageSaysLtr!), settled(hebrew!)]);
    expect(part(mirrored!, 'base')!.getAttribute('dir')).toBe('rtl');
    expect(part(pageSaysLtr!, 'base')!.hasAttribute('dir')).toBe(false);
    expect(getComputedStyle(part(pageSaysLtr!, 'base')!).direction).toBe('ltr');
    // No Hebrew words or content here, but a Hebrew page runs right to left, and the English is marked as such.
    expect(part(hebrew!, 'base')!.getAttribute('dir')).toBe('rtl');
    expect(part(hebrew!, 'base')!.getAttribute('lang')).toBe('en');
    expect(heading(hebrew!)).toBe('Symptoms');
  });

  it('is followed by one observer for the whole page, and no longer once the widget leaves it', () => {
    mount(card());
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const before = followerCount();
    const container = mount<HTMLElement>(`<div lang="de">${card()}${card()}${card()}</div>`);
    expect(followerCount()).toBe(before + 3);
    // The document is observed already (for the widget before these): nothing more per widget, nothing per ancestor.
    expect(observe).not.toHaveBeenCalled();
    container.remove();
    expect(followerCount()).toBe(before);
  });
});
