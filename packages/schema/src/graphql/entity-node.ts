import type { EntityKind, EntityOfKind } from '../graph/types.js';
import type { AltitudeContext } from './context.js';
import { EntityRef } from './refs.js';
import { encodeGlobalId, frameworkOf } from './global-id.js';

/**
 * What every entity's node type shares: the Entity interface, the slug as
 * the ID behind the global ID, lookup by slug for `node(id:)`, and a type
 * check by kind (the graph is frozen, so Pothos cannot brand its objects).
 */
export function entityNode<K extends EntityKind>(kind: K) {
  return {
    interfaces: [EntityRef],
    id: { resolve: (entity: EntityOfKind<K>) => encodeGlobalId(kind, entity.slug, entity.view) },
    loadOne: (key: string, ctx: AltitudeContext) => {
      const at = frameworkOf(key, ctx.framework);
      return at?.framework.find(kind, at.key) ?? null;
    },
    isTypeOf: (value: unknown) => (value as { kind?: unknown }).kind === kind,
  };
}
