import type { EntityKind, EntityOfKind } from '../graph/types.js';
import type { AltitudeContext } from './context.js';
import { EntityRef } from './refs.js';

/**
 * What every entity's node type shares: the Entity interface, the slug as
 * the ID behind the global ID, lookup by slug for `node(id:)`, and a type
 * check by kind (the graph is frozen, so Pothos cannot brand its objects).
 */
export function entityNode<K extends EntityKind>(kind: K) {
  return {
    interfaces: [EntityRef],
    id: { resolve: (entity: EntityOfKind<K>) => entity.slug },
    loadOne: (slug: string, ctx: AltitudeContext) => ctx.framework.find(kind, slug) ?? null,
    isTypeOf: (value: unknown) => (value as { kind?: unknown }).kind === kind,
  };
}
