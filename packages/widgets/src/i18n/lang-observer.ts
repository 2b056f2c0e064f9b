/** An element that follows the `lang` (and `dir`) in effect where it stands. */
export interface LangListener extends Element {
  /** Some `lang` or `dir` attribute above the element changed: it reads its language again. */
  langChanged(): void;
}

const listeners = new Set<LangListener>();
const observed = new WeakSet<Node>();
let observer: MutationObserver | undefined;

/**
 * Tells the element when a `lang` or `dir` attribute changes anywhere it
 * could inherit one from. One observer serves every widget on the page: it
 * watches the document, and each shadow root a widget sits in, once each,
 * for those two attributes only, so the page pays nothing for other changes
 * and nothing per ancestor. Such changes are rare, so each one simply asks
 * every widget to look again; only those whose language changed re-render.
 */
export function followLang(element: LangListener): void {
  listeners.add(element);
  observer ??= new MutationObserver(() => {
    for (const listener of listeners) listener.langChanged();
  });
  // From the element's own root outwards: a shadow root, its host's root, … the document.
  for (let root: Node | undefined = element.getRootNode(); root; root = (root as Partial<ShadowRoot>).host?.getRootNode()) {
    if (observed.has(root)) continue;
    observed.add(root);
    observer.observe(root, { subtree: true, attributeFilter: ['lang', 'dir'] });
  }
}

export function unfollowLang(element: LangListener): void {
  listeners.delete(element);
}

/** How many elements follow a language (for tests). */
export const followerCount = (): number => listeners.size;
