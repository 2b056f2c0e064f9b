import { ArgumentError } from '../graph/argument-error.js';
import type { ChangeEvent } from './change-feed.js';

export const DEFAULT_CHANGES_PAGE = 50;
export const MAX_CHANGES_PAGE = 500;

export const pageSizeOutOfRange = (size: number) => `first must be between 0 and ${MAX_CHANGES_PAGE}, got ${size}.`;

export class ChangePageError extends ArgumentError {
  override readonly name = 'ChangePageError';
}

interface Cursor {
  /** The event's key. */
  readonly id: string;
  /** How many released events there were when the cursor was made. */
  readonly released: number;
}

const encode = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decode(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.id === 'string' && typeof value.released === 'number') return { id: value.id, released: value.released };
  } catch {
    // fall through to the error below
  }
  throw new ChangePageError('after is not a cursor from this change feed; pass the cursor of an edge you were given.', {
    argument: 'after',
    value: text.length > 200 ? text.length : text,
  });
}

/**
 * How API 0.1 keyed a released event (`<version>/<Type>/<slug>`), so cursors
 * handed out before event keys carried a hash still find their place.
 */
const legacyKey = (e: ChangeEvent) => `${e.toVersion}/${e.subjectKind}/${e.slug}`;

/**
 * A forward page of the change feed with cursors that survive releases.
 * Released events never change, so a cursor finds its event again by id.
 * Unreleased events at the tail are replaced when they are released; a
 * cursor on one of them resumes where the released part ended when it was
 * made, so nothing is skipped (the released versions of changes already seen
 * unreleased come again, under their release's ids).
 */
export function changePage(events: readonly ChangeEvent[], first: number | null | undefined, after: string | null | undefined) {
  const size = first ?? DEFAULT_CHANGES_PAGE;
  if (size < 0 || size > MAX_CHANGES_PAGE) throw new ChangePageError(pageSizeOutOfRange(size), { argument: 'first', value: size });
  const released = events.filter((e) => e.toVersion !== null).length;
  let start = 0;
  if (after) {
    const cursor = decode(after);
    const at = events.findIndex((e) => e.key === cursor.id || (e.toVersion !== null && legacyKey(e) === cursor.id));
    start = at >= 0 ? at + 1 : Math.min(cursor.released, released);
  }
  const slice = events.slice(start, start + size);
  const edges = slice.map((node) => ({ node, cursor: encode({ id: node.key, released }) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + slice.length < events.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
