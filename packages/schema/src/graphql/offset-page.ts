import { ArgumentError } from '../graph/argument-error.js';

/**
 * Forward pages over a list whose order never changes for given content
 * (search results, releases, which only grow at the end). A cursor is the
 * position of an item, with the list's name so that a cursor from one list
 * is refused by another.
 */
export const encodeOffsetCursor = (list: string, offset: number) => Buffer.from(`${list}:${offset}`).toString('base64url');

export function decodeOffsetCursor(list: string, cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  const match = cursor.length <= 64 ? /^([a-z]+):(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (!match || match[1] !== list)
    throw new ArgumentError(`after is not a cursor from ${list}; pass the cursor of an edge you were given.`, {
      argument: 'after',
      value: cursor.length > 200 ? cursor.length : cursor,
    });
  return Number(match[2]) + 1;
}

export function pageSizeError(first: number, max: number, min = 0): ArgumentError {
  return new ArgumentError(`first must be between ${min} and ${max}, got ${first}.`, { argument: 'first', value: first });
}

/** A Relay connection of `items`, which start at `offset` in a list of `total`. */
export function offsetConnection<T>(list: string, items: readonly T[], offset: number, total: number) {
  const edges = items.map((node, i) => ({ node, cursor: encodeOffsetCursor(list, offset + i) }));
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: offset + items.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
