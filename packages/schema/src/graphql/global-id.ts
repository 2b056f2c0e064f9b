import { ArgumentError } from '../graph/argument-error.js';
import type { ContentKind, Expectation, Framework, FrameworkNode, FrameworkView } from '../graph/types.js';

/**
 * Global IDs name one object as one view served it: its type, its key
 * within the type (a slug, `<level>/<dimension>` for an expectation, a version
 * for a release), the locale and the overlays applied. The same level served
 * in German, or as a company amended it, is a different object to a client
 * cache, and `node(id:)` refetches exactly the object it was given. IDs are
 * opaque (base64url) and start with a format number, so the format can
 * change without breaking the IDs clients hold.
 */
const FORMAT = '1';
const SEPARATOR = ':';

/** How a view is named in an ID: the overlays, in the order applied, or `upstream` for none. */
export const viewName = (view: FrameworkView) => (view.overlays.length ? view.overlays.join('+') : 'upstream');

export function encodeGlobalId(typename: string, id: string, view: FrameworkView): string {
  return Buffer.from([FORMAT, typename, id, view.locale, viewName(view)].join(SEPARATOR)).toString('base64url');
}

export interface DecodedGlobalId {
  readonly typename: string;
  readonly id: string;
  readonly locale: string;
  readonly view: string;
}

const TYPENAME = /^[A-Z][A-Za-z]*$/;

/**
 * The parts of a global ID. API 0.1 IDs (base64 of `<Type>:<slug>`) were
 * only ever served for the upstream English content, and still name it.
 */
export function decodeGlobalId(globalId: string): DecodedGlobalId {
  // Longer than any ID this API makes: not worth decoding.
  if (globalId.length > 512)
    throw new ArgumentError('Invalid global ID: longer than any ID this API serves.', { argument: 'id', value: globalId.length });
  const parts = Buffer.from(globalId, 'base64url').toString('utf8').split(SEPARATOR);
  if (parts.length === 5 && parts[0] === FORMAT && TYPENAME.test(parts[1]!) && parts[2]) {
    return { typename: parts[1]!, id: parts[2], locale: parts[3]!, view: parts[4]! };
  }
  if (parts.length === 2 && TYPENAME.test(parts[0]!) && parts[1]) {
    return { typename: parts[0]!, id: parts[1], locale: 'en', view: 'upstream' };
  }
  throw new ArgumentError(`Invalid global ID: ${JSON.stringify(globalId.slice(0, 80))} is not an ID this API served.`, {
    argument: 'id',
    value: globalId,
  });
}

/** Marks a key as the upstream framework's (slugs, versions and event keys never start with it). */
const UPSTREAM_MARK = '^';
/** Marks a key as another locale's: `~de~staff` (tags have no tilde). */
const LOCALE_MARK = '~';

/**
 * What `node(id:)` looks up: the key in the framework served in the ID's
 * locale (marked with it when that is not the context's), or in the upstream
 * (an amended item's original, served beside it) marked as such, and an
 * empty key (which matches nothing, so the answer is null) for an ID served
 * with other overlays or in a locale not served here.
 */
export function decodeForView(globalId: string, framework: Framework): { typename: string; id: string } {
  const decoded = decodeGlobalId(globalId);
  const serves = (view: FrameworkView) => decoded.locale === view.locale && decoded.view === viewName(view);
  if (serves(framework.view)) return { typename: decoded.typename, id: decoded.id };
  const translated = framework.translations.get(decoded.locale);
  if (translated && serves(translated.view))
    return { typename: decoded.typename, id: `${LOCALE_MARK}${decoded.locale}${LOCALE_MARK}${decoded.id}` };
  if (framework.upstream && serves(framework.upstream.view)) return { typename: decoded.typename, id: UPSTREAM_MARK + decoded.id };
  return { typename: decoded.typename, id: '' };
}

/** The framework a key from `decodeForView` belongs to, and the key within it. */
export function frameworkOf(key: string, framework: Framework): { framework: Framework; key: string } | undefined {
  if (key.startsWith(UPSTREAM_MARK))
    return framework.upstream ? { framework: framework.upstream, key: key.slice(UPSTREAM_MARK.length) } : undefined;
  if (key.startsWith(LOCALE_MARK)) {
    const end = key.indexOf(LOCALE_MARK, 1);
    const translated = framework.translations.get(key.slice(1, end));
    return translated ? { framework: translated, key: key.slice(end + 1) } : undefined;
  }
  return { framework, key };
}

/** The key that is the same in every view: `<Type>:<key>`, e.g. `Level:staff`. */
export const crossViewKey = (typename: string, id: string) => `${typename}${SEPARATOR}${id}`;

/**
 * A node by the key `decodeForView` gave: found in the framework it belongs
 * to (this one, a translation, or the upstream), or null. What every node
 * type with a slug hands `node(id:)`.
 */
export function findNode(kind: ContentKind, key: string, framework: Framework): FrameworkNode | Expectation | null {
  const at = frameworkOf(key, framework);
  return at
    ? ((at.framework.find as (kind: ContentKind, slug: string) => FrameworkNode | Expectation | undefined)(kind, at.key) ?? null)
    : null;
}
