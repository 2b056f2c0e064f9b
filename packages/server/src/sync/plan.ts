import { createHash } from 'node:crypto';
import { snapshotItems, type EntityJson, type FrameworkExportJson } from '@altitude/schema';
import type { SyncState } from './sync-state.js';

export type PlannedKind = 'created' | 'updated' | 'deleted';

export interface PlannedChange {
  /** `<Type>/<slug>`, the key in the state file. */
  readonly key: string;
  readonly kind: PlannedKind;
  /** GraphQL type name, e.g. `Level`. */
  readonly type: string;
  readonly slug: string;
  /** Webhook event type, e.g. `level.updated`. */
  readonly eventType: string;
  /** For a deletion, the hash the receiver last saw. */
  readonly contentHash: string;
  readonly previousContentHash: string | null;
  readonly version: string;
  /** Canonical JSON; for a deletion, the last version delivered (a tombstone). */
  readonly entity: EntityJson;
  /** Same for the same change every time it is sent, so receivers can de-duplicate. */
  readonly webhookId: string;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function webhookId(eventType: string, slug: string, previousHash: string | null, hash: string): string {
  return `msg_${createHash('sha256')
    .update(`${eventType}\n${slug}\n${previousHash ?? ''}\n${hash}`)
    .digest('hex')
    .slice(0, 32)}`;
}

/**
 * What to send so the target matches the current content: items it has not
 * seen, items whose hash changed, and items it has that are gone. Creations
 * and updates go in dependency order; deletions come last, in reverse.
 */
/**
 * Order in which types are sent: what is referred to before what refers to it
 * (sources before everything that cites them, org practices before the failure
 * modes they prevent). Deletions go in the reverse order.
 */
const DEPENDENCY_ORDER = [
  'Source',
  'Dimension',
  'Level',
  'Transition',
  'OrgPractice',
  'FailureMode',
  'Misconception',
  'LeverageMechanism',
  'Capability',
  'Tension',
];
const rank = (type: string) => {
  const i = DEPENDENCY_ORDER.indexOf(type);
  return i === -1 ? DEPENDENCY_ORDER.length : i;
};

export function planSync(current: FrameworkExportJson, state: SyncState): PlannedChange[] {
  const version = current.framework.version;
  const items = snapshotItems(current);
  const plan: PlannedChange[] = [];
  const change = (
    kind: PlannedKind,
    key: string,
    type: string,
    entity: EntityJson,
    previous: string | null,
    hash: string,
    idSalt: string | null,
  ): PlannedChange => {
    const eventType = `${lowerFirst(type)}.${kind}`;
    return {
      key,
      kind,
      type,
      slug: entity.slug,
      eventType,
      contentHash: hash,
      previousContentHash: previous,
      version,
      entity,
      webhookId: webhookId(eventType, entity.slug, idSalt, hash),
    };
  };
  for (const [key, { type, entity }] of items) {
    const seen = state.delivered[key];
    // Ids are chained on the last delivery of the same item: stable across
    // retries (the state only moves on an acknowledgement) and never repeated,
    // even when an item goes back to an earlier version or is re-created.
    if (!seen || seen.deleted) plan.push(change('created', key, type, entity, null, entity.contentHash, seen?.webhookId ?? null));
    else if (seen.contentHash !== entity.contentHash) {
      plan.push(change('updated', key, type, entity, seen.contentHash, entity.contentHash, seen.webhookId));
    }
  }
  for (const [key, seen] of Object.entries(state.delivered)) {
    if (seen.deleted || items.has(key)) continue;
    plan.push(change('deleted', key, seen.type, seen.entity as EntityJson, seen.contentHash, seen.contentHash, seen.webhookId));
  }
  const upserts = plan.filter((c) => c.kind !== 'deleted').sort((a, b) => rank(a.type) - rank(b.type));
  const deletions = plan.filter((c) => c.kind === 'deleted').sort((a, b) => rank(b.type) - rank(a.type));
  return [...upserts, ...deletions];
}
