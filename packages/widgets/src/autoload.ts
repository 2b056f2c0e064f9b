// The entry of /widgets.js: a loader that imports nothing until an Altitude
// tag appears on the page, then fetches that element's module and the code it
// shares with the others (Lit, the client, the words), each once. A page with
// one comparison pays for the comparison only; /widgets-all.js is the same
// elements in one file for pages that would rather make one request.
//
// The module URLs are literal dynamic imports, so the build names each chunk
// relative to this file: it works from any origin and behind a path prefix
// without looking for its own <script>.

const elements: Readonly<Record<string, () => Promise<unknown>>> = {
  'de-level-compare': () => import('./level-compare/define.js'),
  'de-level-card': () => import('./level-card/define.js'),
  'de-failure-mode-card': () => import('./failure-mode-card/define.js'),
  'de-failure-mode-grid': () => import('./failure-mode-grid/define.js'),
  'de-leverage-mechanisms': () => import('./leverage-mechanisms/define.js'),
  'de-role-health-check': () => import('./role-health-check/define.js'),
  'de-self-assessment': () => import('./self-assessment/define.js'),
};

/** Each tag's module while it loads and once it has (not after it failed), so each is fetched once. */
const loading = new Map<string, Promise<void>>();
let observer: MutationObserver | undefined;

/**
 * Defines every Altitude element under `root` that is not yet defined. The
 * loader watches the document itself; call this for elements inside your own
 * components' shadow roots, which no document observer can see.
 */
export function discover(root: ParentNode = document): Promise<void> {
  const tags = Object.keys(elements);
  const present = new Set<string>();
  if (root instanceof Element && tags.includes(root.localName)) present.add(root.localName);
  // One query for every tag, whatever the size of what was added.
  for (const element of root.querySelectorAll(tags.join(','))) present.add(element.localName);
  // Resolves once every element found is defined, including those another discovery started.
  return Promise.all([...present].map((tag) => loading.get(tag) ?? load(tag))).then(() => undefined);
}

/**
 * The chunk every element imports, written in by the build
 * (scripts/chunk-manifest.ts): imported by URL, so the bundler adds nothing
 * for it, and fetched beside the first element's own module, not after it.
 */
const SHARED_CHUNK = '__ALTITUDE_SHARED_CHUNK_URL_';
let shared: Promise<unknown> | undefined;

function load(tag: string): Promise<void> {
  // What every element shares, fetched beside the first element's own module rather than after it.
  shared ??= import(/* @vite-ignore */ SHARED_CHUNK).catch(() => (shared = undefined));
  const loaded = elements[tag]!().then(
    () => undefined,
    (error: unknown) => {
      // Asked again at the next discovery: a dropped connection should not leave the element dead for good.
      loading.delete(tag);
      observe();
      console.error(`Altitude: could not load <${tag}>.`, error);
    },
  );
  loading.set(tag, loaded);
  if (loading.size === Object.keys(elements).length) observer?.disconnect();
  return loaded;
}

function observe(): void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  observer ??= new MutationObserver((mutations) => {
    for (const mutation of mutations) for (const node of mutation.addedNodes) if (node instanceof Element) void discover(node);
  });
  // The root element, not <body>: single-page apps replace the body.
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined') {
  observe();
  void discover();
}
