import { canonicalJson, contentHash } from '../graph/content-hash.js';
import type { ContentKind, EntityKind } from '../graph/types.js';
import {
  exportCollections,
  type EntityJson,
  type ExportCollection,
  type FrameworkExportJson,
  type LegacyFrameworkExportJson,
} from '../export/export-model.js';
import type { Release } from './release-model.js';

/** The kind of each exported collection's items, as the graph and change events name them. */
export const COLLECTION_TYPE: Record<ExportCollection, EntityKind | 'Source'> = {
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

/** Where the canonical JSON names a field differently from the GraphQL type serving it. */
const GRAPHQL_FIELD: Readonly<Record<string, string>> = { relatedFailureModes: 'failureModes' };

/** A content field as the GraphQL type serving it names it. */
export const graphqlFieldName = (field: string) => GRAPHQL_FIELD[field] ?? field;

export type ChangeKind = 'created' | 'updated' | 'deleted';

/** An expectation on its own: its level's slug and the cell as exported inside the level. */
export type ExpectationJson = { readonly level: string; readonly dimension: string } & Readonly<Record<string, unknown>>;

export interface ChangeEvent {
  /**
   * Unique to this event: the release carrying it (or "unreleased"), the
   * subject, and the subject's hash after the change (before it, for a
   * deletion), so an unreleased event is never confused with a later one.
   */
  readonly key: string;
  readonly kind: ChangeKind;
  readonly subjectKind: ContentKind;
  /** The subject's slug; `<level>/<dimension>` for an expectation. */
  readonly slug: string;
  /** GraphQL field names whose value changed (every field for created and deleted). */
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
  readonly entity: EntityJson | ExpectationJson;
}

interface State {
  readonly version: string | null;
  readonly publishedAt: string | null;
  readonly snapshot: Snapshot | null;
}

/** A release keeps the export format it was published in. */
type Snapshot = FrameworkExportJson | LegacyFrameworkExportJson;

export interface SnapshotItem {
  readonly type: EntityKind | 'Source';
  readonly entity: EntityJson;
}

/** Every item of a snapshot keyed `<Type>/<slug>`, in collection order. */
export function snapshotItems(snapshot: Snapshot | null): Map<string, SnapshotItem> {
  const items = new Map<string, SnapshotItem>();
  if (!snapshot) return items;
  for (const collection of Object.keys(exportCollections) as ExportCollection[]) {
    // A format-1 item is served as it was published: the fields format 2 added are absent, not invented.
    const list = (snapshot as Partial<Record<ExportCollection, EntityJson[]>>)[collection] ?? [];
    for (const entity of list) items.set(`${COLLECTION_TYPE[collection]}/${entity.slug}`, { type: COLLECTION_TYPE[collection], entity });
  }
  return items;
}

interface Subject {
  readonly kind: ContentKind;
  readonly slug: string;
  readonly contentHash: string;
  readonly json: EntityJson | ExpectationJson;
}

/**
 * What the change feed compares: every item of a snapshot, and each level's
 * expectations as subjects of their own right after their level (a cell is
 * what companies amend and translate, so it is reported as itself).
 */
function feedSubjects(snapshot: Snapshot | null): Map<string, Subject> {
  const subjects = new Map<string, Subject>();
  for (const [key, { type, entity }] of snapshotItems(snapshot)) {
    subjects.set(key, { kind: type, slug: entity.slug, contentHash: entity.contentHash, json: entity });
    const cells = type === 'Level' ? ((entity as { expectations?: readonly Record<string, unknown>[] }).expectations ?? []) : [];
    for (const cell of cells) {
      const json = { level: entity.slug, ...cell } as ExpectationJson;
      const slug = `${entity.slug}/${json.dimension}`;
      subjects.set(`Expectation/${slug}`, { kind: 'Expectation', slug, contentHash: contentHash(json), json });
    }
  }
  return subjects;
}

/** What changed between two snapshots, in collection order, deletions last. */
export function diffSnapshots(from: State, to: State): ChangeEvent[] {
  const before = feedSubjects(from.snapshot);
  const after = feedSubjects(to.snapshot);
  const event = (kind: ChangeKind, subject: Subject, previous: Subject | undefined): ChangeEvent => {
    const hash = kind === 'deleted' ? null : subject.contentHash;
    return {
      key: `${to.version ?? 'unreleased'}/${subject.kind}/${subject.slug}/${(hash ?? subject.contentHash).slice(-12)}`,
      kind,
      subjectKind: subject.kind,
      slug: subject.slug,
      changedFields: changedFields(previous?.json, kind === 'deleted' ? undefined : subject.json),
      fromVersion: from.version,
      toVersion: to.version,
      publishedAt: to.publishedAt,
      contentHash: hash,
      previousContentHash: previous?.contentHash ?? null,
      entity: subject.json,
    };
  };
  const events: ChangeEvent[] = [];
  for (const [key, subject] of after) {
    const previous = before.get(key);
    if (!previous) events.push(event('created', subject, undefined));
    else if (previous.contentHash !== subject.contentHash) events.push(event('updated', subject, previous));
  }
  for (const [key, subject] of before) {
    if (!after.has(key)) events.push(event('deleted', subject, subject));
  }
  return events;
}

export function changedFields(before: object | undefined, after: object | undefined): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  fields.delete('contentHash');
  return [...fields]
    .filter((field) => {
      const a = before && (before as Record<string, unknown>)[field];
      const b = after && (after as Record<string, unknown>)[field];
      return canonicalJson(absentIfEmpty(a)) !== canonicalJson(absentIfEmpty(b));
    })
    .map(graphqlFieldName);
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
