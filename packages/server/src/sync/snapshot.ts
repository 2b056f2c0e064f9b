import { encodeGlobalId, snapshotItems, UPSTREAM_VIEW, type FrameworkExportJson, type FrameworkView } from '@altitude/schema';
import { webhookId } from './plan.js';
import type { WebhookMessage } from './webhook-sender.js';

/** The event that ends a first sync. */
export const SNAPSHOT_EVENT = 'framework.snapshot';

export interface SnapshotEntity {
  /** GraphQL type name, e.g. `Level`. */
  readonly type: string;
  readonly slug: string;
  /** The entity's global GraphQL ID in the view synced, as `id` fields and `node(id:)` use it. */
  readonly id: string;
  readonly contentHash: string;
}

/**
 * Every live entity, so a receiver that lost track (a restored backup, a
 * wiped table) can delete whatever it holds that is not in the list. Sent
 * last, after every item it lists was delivered; its id depends only on the
 * content, so a retried or repeated snapshot of the same content is one
 * message to the receiver.
 */
export function snapshotMessage(current: FrameworkExportJson, view: FrameworkView = UPSTREAM_VIEW): WebhookMessage {
  const entities: SnapshotEntity[] = [...snapshotItems(current).values()].map(({ type, entity }) => ({
    type,
    slug: entity.slug,
    id: encodeGlobalId(type, entity.slug, view),
    contentHash: entity.contentHash,
  }));
  const { version, contentHash } = current.framework;
  return {
    eventType: SNAPSHOT_EVENT,
    webhookId: webhookId(SNAPSHOT_EVENT, '', null, contentHash),
    data: { version, contentHash, count: entities.length, entities },
  };
}
