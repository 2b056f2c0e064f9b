import { createHash } from 'node:crypto';
import { SOURCE_LOCALE, snapshotItems, type EntityJson, type FrameworkExportJson, type TextFallback } from '@altitude/schema';
import type { SyncTranslations } from './sync-locales.js';
import type { DeliveredRecord, SyncState } from './sync-state.js';

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
  /** The locale `entity` is in: the framework's own. */
  readonly locale: string;
  /** The same item in each locale synced, by tag; none for a deletion. */
  readonly translations: Readonly<Record<string, EntityJson>>;
  /** Per locale synced, the strings served from a fallback locale (missing or stale there); only locales that have some. */
  readonly fallbacks: Readonly<Record<string, readonly TextFallback[]>>;
  /** Each translation's content hash, as the state file records it. */
  readonly translationHashes: Readonly<Record<string, string>>;
  /** The locales whose text this change brings (for an update, those that changed since the last delivery). */
  readonly changedLocales: readonly string[];
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
 * One hash for an item in every locale synced, so a change to a translation
 * alone is a new message. Without translations it is the item's own hash,
 * and ids are what they were before locales were synced.
 */
/** What the state file records of a change once the target has acknowledged it. */
export function deliveredRecord(change: PlannedChange, deliveredAt: string): DeliveredRecord {
  return {
    type: change.type,
    slug: change.slug,
    contentHash: change.contentHash,
    version: change.version,
    webhookId: change.webhookId,
    deliveredAt,
    deleted: change.kind === 'deleted',
    entity: change.entity,
    // Only with translations: a state file of a sync without them reads as it did before.
    ...(Object.keys(change.translationHashes).length ? { translations: change.translationHashes } : {}),
  };
}

export function deliveryHash(contentHash: string, translationHashes: Readonly<Record<string, string>>): string {
  const tags = Object.keys(translationHashes).sort();
  if (tags.length === 0) return contentHash;
  const text = [contentHash, ...tags.map((tag) => `${tag}=${translationHashes[tag]}`)].join('\n');
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** The locales whose hash differs from what was delivered (a locale no longer synced is no change of text). */
function changedSince(delivered: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>): string[] {
  return Object.keys(now).filter((tag) => delivered[tag] !== now[tag]);
}

const sameLocales = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  Object.keys(a).length === Object.keys(b).length && changedSince(a, b).length === 0;

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

interface InLocales {
  readonly translations: Record<string, EntityJson>;
  readonly fallbacks: Record<string, readonly TextFallback[]>;
  readonly hashes: Record<string, string>;
}

/** An item in every locale synced that serves it. */
function inLocales(translations: SyncTranslations, key: string): InLocales {
  const found: InLocales = { translations: {}, fallbacks: {}, hashes: {} };
  for (const [tag, byKey] of translations) {
    const item = byKey.get(key);
    if (!item) continue;
    found.translations[tag] = item.entity;
    found.hashes[tag] = item.entity.contentHash;
    if (item.fallbacks.length) found.fallbacks[tag] = item.fallbacks;
  }
  return found;
}

/** A deletion carries the English tombstone alone. */
const NOWHERE: InLocales = { translations: {}, fallbacks: {}, hashes: {} };

/**
 * What to send so the target matches the current content: items it has not
 * seen, items whose hash changed, and items it has that are gone. Creations
 * and updates go in dependency order; deletions come last, in reverse.
 *
 * `translations` holds the items in every other locale synced: an item whose
 * translation changed (a string translated anew, added, or gone stale and
 * now served from its fallback) is an update even when its English is not.
 */
export function planSync(
  current: FrameworkExportJson,
  state: SyncState,
  translations: SyncTranslations = new Map(),
  locale: string = current.framework.locale ?? SOURCE_LOCALE,
): PlannedChange[] {
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
    localised: InLocales = NOWHERE,
    changedLocales: readonly string[] = [],
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
      locale,
      translations: localised.translations,
      fallbacks: localised.fallbacks,
      translationHashes: localised.hashes,
      changedLocales,
      webhookId: webhookId(eventType, entity.slug, idSalt, deliveryHash(hash, localised.hashes)),
    };
  };
  for (const [key, { type, entity }] of items) {
    const seen = state.delivered[key];
    const localised = inLocales(translations, key);
    const hash = entity.contentHash;
    // Ids are chained on the last delivery of the same item: stable across
    // retries (the state only moves on an acknowledgement) and never repeated,
    // even when an item goes back to an earlier version or is re-created.
    if (!seen || seen.deleted) {
      const all = [locale, ...Object.keys(localised.hashes)];
      plan.push(change('created', key, type, entity, null, hash, seen?.webhookId ?? null, localised, all));
    } else if (seen.contentHash !== hash || !sameLocales(seen.translations ?? {}, localised.hashes)) {
      const changed = [...(seen.contentHash === hash ? [] : [locale]), ...changedSince(seen.translations ?? {}, localised.hashes)];
      plan.push(change('updated', key, type, entity, seen.contentHash, hash, seen.webhookId, localised, changed));
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
