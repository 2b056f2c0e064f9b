import { canonicalJson } from '../graph/content-hash.js';
import {
  exportCollections,
  type EntityJson,
  type ExportCollection,
  type FrameworkExportJson,
  type LegacyFrameworkExportJson,
} from '../export/export-model.js';
import type { Release } from './release-model.js';

/** The GraphQL type name of each exported collection, as change events name it. */
export const COLLECTION_TYPE: Record<ExportCollection, string> = {
  sources: 'Source',
  dimensions: 'Dimension',
  levels: 'Level',
  transitions: 'Transition',
  leverageMechanisms: 'LeverageMechanism',
  failureModes: 'FailureMode',
  orgPractices: 'OrgPractice',
  capabilities: 'Capability',
  tensions: 'Tension',
  misconceptions: 'Misconception',
  glossary: 'GlossaryTerm',
};

export type ChangeKind = 'created' | 'updated' | 'deleted';

export interface ChangeEvent {
  /** Stable while releases are append-only: `<to version or "unreleased">/<Type>/<slug>`. */
  readonly id: string;
  readonly kind: ChangeKind;
  readonly entityType: string;
  readonly slug: string;
  /** Top-level fields whose value changed (every field for created and deleted). */
  readonly changedFields: readonly string[];
  /** Null for the first release. */
  readonly fromVersion: string | null;
  /** Null while the change is not released yet. */
  readonly toVersion: string | null;
  readonly publishedAt: string | null;
  /** Null once deleted. */
  readonly contentHash: string | null;
  readonly previousContentHash: string | null;
  /** The canonical JSON after the change; for a deletion, the last version (a tombstone). */
  readonly entity: EntityJson;
}

interface State {
  readonly version: string | null;
  readonly publishedAt: string | null;
  readonly snapshot: Snapshot | null;
}

/** A release keeps the export format it was published in. */
type Snapshot = FrameworkExportJson | LegacyFrameworkExportJson;

/** Every item of a snapshot keyed `<Type>/<slug>`, in collection order. */
export function snapshotItems(snapshot: Snapshot | null): Map<string, { type: string; entity: EntityJson }> {
  const items = new Map<string, { type: string; entity: EntityJson }>();
  if (!snapshot) return items;
  for (const collection of Object.keys(exportCollections) as ExportCollection[]) {
    // A format-1 item is served as it was published: the fields format 2 added are absent, not invented.
    const list = (snapshot as Partial<Record<ExportCollection, EntityJson[]>>)[collection] ?? [];
    for (const entity of list) items.set(`${COLLECTION_TYPE[collection]}/${entity.slug}`, { type: COLLECTION_TYPE[collection], entity });
  }
  return items;
}

/** What changed between two snapshots, in collection order, deletions last. */
export function diffSnapshots(from: State, to: State): ChangeEvent[] {
  const before = snapshotItems(from.snapshot);
  const after = snapshotItems(to.snapshot);
  const event = (kind: ChangeKind, key: string, type: string, entity: EntityJson, previous: EntityJson | undefined): ChangeEvent => ({
    id: `${to.version ?? 'unreleased'}/${key}`,
    kind,
    entityType: type,
    slug: entity.slug,
    changedFields: changedFields(previous, kind === 'deleted' ? undefined : entity),
    fromVersion: from.version,
    toVersion: to.version,
    publishedAt: to.publishedAt,
    contentHash: kind === 'deleted' ? null : entity.contentHash,
    previousContentHash: previous?.contentHash ?? null,
    entity,
  });
  const events: ChangeEvent[] = [];
  for (const [key, { type, entity }] of after) {
    const previous = before.get(key)?.entity;
    if (!previous) events.push(event('created', key, type, entity, undefined));
    else if (previous.contentHash !== entity.contentHash) events.push(event('updated', key, type, entity, previous));
  }
  for (const [key, { type, entity }] of before) {
    if (!after.has(key)) events.push(event('deleted', key, type, entity, entity));
  }
  return events;
}

function changedFields(before: EntityJson | undefined, after: EntityJson | undefined): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  fields.delete('contentHash');
  return [...fields].filter((field) => {
    const a = before && (before as Record<string, unknown>)[field];
    const b = after && (after as Record<string, unknown>)[field];
    return canonicalJson(absentIfEmpty(a)) !== canonicalJson(absentIfEmpty(b));
  });
}

/**
 * A field a format-1 snapshot did not have reads as changed only when the
 * newer item puts something in it: an item that quotes nothing has not
 * changed its quotations.
 */
function absentIfEmpty(value: unknown): unknown {
  return value === undefined || (Array.isArray(value) && value.length === 0) ? null : value;
}

/**
 * The change feed: each release against the one before, then the current
 * content against the last release when it differs. Oldest first.
 */
export function changeFeed(releases: readonly Release[], current: FrameworkExportJson): ChangeEvent[] {
  const states: State[] = [
    { version: null, publishedAt: null, snapshot: null },
    ...releases.map((r) => ({ version: r.version, publishedAt: r.publishedAt, snapshot: r.snapshot })),
  ];
  const events: ChangeEvent[] = [];
  for (let i = 1; i < states.length; i++) events.push(...diffSnapshots(states[i - 1]!, states[i]!));
  const last = states.at(-1)!;
  const unreleased = diffSnapshots(last, { version: null, publishedAt: null, snapshot: current });
  events.push(...unreleased);
  return events;
}
