import { createHash } from 'node:crypto';
import { encodeGlobalId, snapshotItems, UPSTREAM_VIEW, type FrameworkExportJson, type FrameworkView } from '@altitude/schema';
import { deliveryHash, webhookId } from './plan.js';
import type { SyncTranslations } from './sync-locales.js';
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
  /** The content hash of each translation synced, by locale. */
  readonly translations: Readonly<Record<string, string>>;
}

/**
 * Every live entity, so a receiver that lost track (a restored backup, a
 * wiped table) can delete whatever it holds that is not in the list. Sent
 * last, after every item it lists was delivered; its id depends only on the
 * content, so a retried or repeated snapshot of the same content is one
 * message to the receiver.
 */
export function snapshotMessage(
  current: FrameworkExportJson,
  view: FrameworkView = UPSTREAM_VIEW,
  translations: SyncTranslations = new Map(),
): WebhookMessage {
  const entities: SnapshotEntity[] = [...snapshotItems(current)].map(([key, { type, entity }]) => ({
    type,
    slug: entity.slug,
    id: encodeGlobalId(type, entity.slug, view),
    contentHash: entity.contentHash,
    translations: Object.fromEntries(
      [...translations].flatMap(([tag, byKey]) => {
        const item = byKey.get(key);
        return item ? [[tag, item.entity.contentHash]] : [];
      }),
    ),
  }));
  const { version, contentHash } = current.framework;
  // A hash per locale over its items' hashes: a snapshot of the same content in the same locales is one message.
  const localeHashes = Object.fromEntries(
    [...translations.keys()].map((tag) => [
      tag,
      createHash('sha256')
        .update(entities.map((e) => e.translations[tag] ?? '').join('\n'))
        .digest('hex'),
    ]),
  );
  return {
    eventType: SNAPSHOT_EVENT,
    webhookId: webhookId(SNAPSHOT_EVENT, '', null, deliveryHash(contentHash, localeHashes)),
    data: { version, contentHash, locales: [...translations.keys()], count: entities.length, entities },
  };
}
