import type { EntityKind, EntityOfKind } from '../graph/types.js';
import type { AltitudeContext } from './context.js';
import { EntityRef } from './refs.js';
import { encodeGlobalId, findNode } from './global-id.js';

/**
 * What every entity's node type shares: the Entity interface, the slug as
 * the ID behind the global ID, lookup by slug for `node(id:)`, and a type
 * check by kind (the graph is frozen, so Pothos cannot brand its objects).
 */
export function entityNode<K extends EntityKind>(kind: K) {
  return {
    interfaces: [EntityRef],
    id: { resolve: (entity: EntityOfKind<K>) => encodeGlobalId(kind, entity.slug, entity.view) },
    loadOne: (key: string, ctx: AltitudeContext) => findNode(kind, key, ctx.framework) as EntityOfKind<K> | null,
    isTypeOf: (value: unknown) => (value as { kind?: unknown }).kind === kind,
  };
}
