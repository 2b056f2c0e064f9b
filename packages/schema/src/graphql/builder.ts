import SchemaBuilder, { type SchemaTypes } from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { AltitudeContext } from './context.js';
import { decodeForView } from './global-id.js';
import { asBadInput, checkListLength, listLimits, MAX_NODE_IDS, NODE_IDS } from './list-limits.js';

export const builder = new SchemaBuilder<{
  Context: AltitudeContext;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    URL: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  relay: {
    clientMutationId: 'omit',
    // Each node type's id resolver encodes its ID with the view the object
    // belongs to (an upstream original served beside a company's amended
    // item keeps upstream's), so the builder passes it through.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalId, ctx) => asBadInput(() => decodeForView(globalId, ctx.framework)),
    cursorType: 'String',
    edgesFieldOptions: { nullable: { list: false, items: false }, description: 'The items of this page, each with its cursor.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    cursorFieldOptions: { description: 'Opaque position of this item; pass it as `after` to continue from here.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items come before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of this page; pass it as `after` for the next page.' },
    firstArgOptions: { description: 'How many items to return from the start (or after `after`).' },
    lastArgOptions: { description: 'How many items to return from the end (or before `before`).' },
    afterArgOptions: { description: 'Return items after this cursor.' },
    beforeArgOptions: { description: 'Return items before this cursor.' },
    nodeTypeOptions: { description: 'An object with a global, opaque ID that `node(id:)` can fetch again.' },
    nodeQueryOptions: {
      description:
        'Fetches any object by its global ID, as it was served; null when no object has that ID here (an unknown one, or one served in another locale or with other overlays).',
      args: { id: { description: 'A global ID from any `id` field.' } },
    },
    nodesQueryOptions: {
      description: `Fetches many objects by their global IDs, in the same order; null for each unknown ID. At most ${MAX_NODE_IDS} IDs: beyond, the list is null with a BAD_USER_INPUT error.`,
      nullable: { list: true, items: true },
      args: { ids: { description: `Global IDs from \`id\` fields, at most ${MAX_NODE_IDS}.` } },
      extensions: listLimits({ ids: NODE_IDS }),
      resolve: (_root, args, _context, _info, resolveNodes) => {
        checkListLength(NODE_IDS, args.ids);
        return resolveNodes(args.ids);
      },
    },
    // The graph is deeply frozen, so loaded objects cannot be branded; every
    // node type has an isTypeOf instead.
    brandLoadedObjects: false,
    idFieldOptions: {
      description:
        'Global, opaque ID of the object as served here (its locale and overlays included); `node(id:)` fetches it again. Use `key` to match the same object across views.',
    },
    pageInfoTypeOptions: { description: 'Where a page of a connection sits in the whole list.' },
  },
});

/** The schema types of `builder`, for helpers that take Pothos refs. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;
