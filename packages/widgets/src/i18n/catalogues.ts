import { localeChain, SOURCE_LOCALE } from './locale.js';
import type { Catalogue } from './messages.js';

// The catalogues in hand; English needs none (its words are the code's).
// The others arrive as their elements first need them. One set per page,
// shared by every element: each element picks its own language from it, so
// two languages can sit side by side.
const ready = new Map<string, Catalogue>([[SOURCE_LOCALE, {}]]);
const arriving = new Map<string, Promise<void>>();

// Each language is a module of its own, fetched only by a page that shows
// it: the base bundle does not grow with every language. The pseudo-locales
// are made from the English, so their module holds only the recipe.
const loaders = new Map<string, () => Promise<Catalogue>>([
  ['de', () => import('./locales/de.js').then((m) => m.de)],
  ['ja', () => import('./locales/ja.js').then((m) => m.ja)],
  ['en-XA', () => import('./locales/pseudo.js').then((m) => m.pseudoCatalogue('en-XA'))],
  ['ar-XB', () => import('./locales/pseudo.js').then((m) => m.pseudoCatalogue('ar-XB'))],
]);

/** The language of an element's own words for a locale: the first of its chain with a catalogue, else English. */
export const uiLocaleFor = (requested: string): string =>
  localeChain(requested).find((tag) => ready.has(tag) || loaders.has(tag)) ?? SOURCE_LOCALE;

/** The catalogue of a language when it has arrived. */
export const catalogueOf = (tag: string): Catalogue | undefined => ready.get(tag);

/**
 * Fetches a language's catalogue, once however many elements ask. One that
 * cannot be fetched counts as empty, so its elements speak English rather
 * than wait.
 */
export function loadCatalogue(tag: string): Promise<void> {
  const load = loaders.get(tag);
  if (ready.has(tag) || !load) return Promise.resolve();
  let arrival = arriving.get(tag);
  if (!arrival) {
    arrival = load().then(
      (catalogue) => void ready.set(tag, catalogue),
      () => void ready.set(tag, {}),
    );
    arriving.set(tag, arrival);
  }
  return arrival;
}

/** Makes a catalogue available at once: a server render has every language in hand before it renders. */
export function registerCatalogue(tag: string, catalogue: Catalogue): void {
  ready.set(tag, catalogue);
}
