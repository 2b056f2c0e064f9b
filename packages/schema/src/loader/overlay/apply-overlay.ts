import type { z } from 'zod';
import { collections, ContentFile, type CollectionName } from '../../model/index.js';
import type { RawItem } from '../collect-items.js';
import type { ContentError } from '../content-error.js';
import type { PathSegment } from '../field-path.js';
import { objectKeys, schemaAt } from '../schema-at.js';
import { closest, shapeErrors } from '../shape-errors.js';
import { amendedYaml } from './amended-yaml.js';
import { NOUN } from '../check-references.js';
import type { CollectedOverlay, OverlayEntry } from './collect-overlay.js';
import { isMapping, mergePatch } from './merge-patch.js';

/** What the overlays did to one item, relative to upstream. */
export interface Provenance {
  readonly origin: 'amended' | 'added';
  /** Top-level fields an amendment gave, as written in the content format. */
  readonly amendedFields: ReadonlySet<string>;
  /** For a level: the dimensions whose expectation an amendment changed. */
  readonly amendedCells: ReadonlySet<string>;
}

/** An item an overlay hides, and where. */
export interface HiddenItem {
  readonly overlay: string;
  readonly error: (message: string) => ContentError;
}

export interface OverlayState {
  readonly items: readonly RawItem[];
  /** Keyed `<collection>/<slug>`. */
  readonly provenance: ReadonlyMap<string, Provenance>;
  readonly hidden: ReadonlyMap<string, HiddenItem>;
}

/** An amending or hiding entry and the hash of the item it applies to now: what `altitude overlay pin` records. */
export interface Pin {
  readonly file: string;
  readonly path: readonly PathSegment[];
  readonly collection: CollectionName;
  readonly slug: string;
  readonly basedOn: string | undefined;
  readonly hash: string;
}

export interface AppliedOverlay extends OverlayState {
  readonly errors: ContentError[];
  readonly warnings: ContentError[];
  readonly pins: Pin[];
}

export interface ApplyContext {
  /** The name the overlay goes by in messages and IDs. */
  readonly name: string;
  /** The content hash of an item as it stands before this overlay. */
  readonly hashOf: (item: RawItem) => string | undefined;
  /** What changed upstream since `basedOn`, when a release remembers it ("0.3.0 changed summary"). */
  readonly changedSince: (collection: CollectionName, slug: string, basedOn: string) => string | undefined;
  /** Whether an amendment may lack basedOn (`altitude overlay pin` is about to record it). */
  readonly basedOnOptional?: boolean;
}

const key = (collection: string, slug: string) => `${collection}/${slug}`;
const allowedKeysAt = (path: readonly PathSegment[]) => {
  const keys = objectKeys(schemaAt(ContentFile, path));
  // An entry itself (collection, index) may also say what the overlay does with it.
  return path.length === 2 ? [...keys, 'hidden', 'basedOn'] : keys;
};
const located = (issues: readonly z.core.$ZodIssue[], path: readonly PathSegment[]) =>
  issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }));

/**
 * One overlay on top of what is there: amendments merged into their items
 * (RFC 7396), additions checked as whole items, hidden items taken out. The
 * result is items like content's, for the same reference checks and graph.
 */
export function applyOverlay(state: OverlayState, overlay: CollectedOverlay, context: ApplyContext): AppliedOverlay {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const pins: Pin[] = [];
  const provenance = new Map(state.provenance);
  const hidden = new Map(state.hidden);
  const items = [...state.items];
  const indexOf = new Map(items.map((item, i) => [key(item.collection, item.slug ?? ''), i]));
  const seen = new Map<string, OverlayEntry>();
  const removed = new Set<number>();
  const added: RawItem[] = [];

  for (const entry of overlay.entries) {
    const id = key(entry.collection, entry.slug);
    const first = seen.get(id);
    if (first) {
      const at = first.yaml.positionOf(first.path);
      errors.push(
        entry.yaml.errorAt(
          [...entry.path, 'slug'],
          `${NOUN[entry.collection]} "${entry.slug}" already has an entry in this overlay (line ${at.line}); keep one`,
        ),
      );
      continue;
    }
    seen.set(id, entry);
    const index = indexOf.get(id);
    const target = index === undefined ? undefined : items[index];

    if (!target) {
      if (entry.hidden || entry.basedOn !== undefined) {
        const suggestion = closest(
          entry.slug,
          items.filter((i) => i.collection === entry.collection).map((i) => i.slug ?? ''),
        );
        errors.push(
          entry.yaml.errorAt(
            [...entry.path, 'slug'],
            `there is no ${NOUN[entry.collection]} "${entry.slug}" to ${entry.hidden ? 'hide' : 'amend'}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
          ),
        );
        continue;
      }
      const result = (collections[entry.collection] as z.ZodType).safeParse(entry.fields);
      if (!result.success) errors.push(...shapeErrors(entry.yaml, located(result.error.issues, entry.path), allowedKeysAt));
      added.push({
        collection: entry.collection,
        yaml: entry.yaml,
        path: entry.path,
        slug: entry.slug,
        raw: entry.fields,
        value: result.success ? result.data : undefined,
      });
      provenance.set(id, { origin: 'added', amendedFields: new Set(), amendedCells: new Set() });
      continue;
    }

    const hash = context.hashOf(target);
    // A whole item without basedOn was written as an addition: upstream has since added one of the same slug.
    if (!entry.hidden && entry.basedOn === undefined && (collections[entry.collection] as z.ZodType).safeParse(entry.fields).success) {
      errors.push(
        entry.yaml.errorAt(
          [...entry.path, 'slug'],
          `upstream now has a ${NOUN[entry.collection]} "${entry.slug}" too, and upstream owns its slugs: rename your item to keep it as your own (its key and IDs change with the slug), or make this entry an amendment of upstream's by adding basedOn: ${hash ?? '(its hash)'}`,
        ),
      );
      continue;
    }
    if (hash !== undefined)
      pins.push({ file: entry.yaml.file, path: entry.path, collection: entry.collection, slug: entry.slug, basedOn: entry.basedOn, hash });
    if (entry.basedOn !== undefined && hash !== undefined && entry.basedOn !== hash) {
      const what = context.changedSince(entry.collection, entry.slug, entry.basedOn);
      warnings.push(
        entry.yaml.errorAt(
          [...entry.path, 'basedOn'],
          `${NOUN[entry.collection]} "${entry.slug}" changed upstream since this entry was written${what ? ` (${what})` : ''}; review the entry, then record basedOn: ${hash} (altitude overlay pin)`,
        ),
      );
    }

    if (entry.hidden) {
      removed.add(index!);
      hidden.set(id, { overlay: context.name, error: (message) => entry.yaml.errorAt([...entry.path, 'hidden'], message) });
      continue;
    }

    if (entry.basedOn === undefined && hash !== undefined && !context.basedOnOptional)
      errors.push(
        entry.yaml.errorAt(
          [...entry.path, 'slug'],
          `an amendment records the upstream item it was written against: add basedOn: ${hash} (the ${NOUN[entry.collection]} as it is now) once you have checked the entry against it`,
        ),
      );
    const merged = mergePatch(target.raw, entry.fields);
    const yaml = amendedYaml(entry, entry.slug);
    const result = (collections[entry.collection] as z.ZodType).safeParse(merged);
    if (!result.success) errors.push(...shapeErrors(yaml, located(result.error.issues, entry.path), allowedKeysAt));
    items[index!] = {
      collection: entry.collection,
      yaml,
      path: entry.path,
      slug: entry.slug,
      raw: merged,
      value: result.success ? result.data : undefined,
    };

    const before = provenance.get(id);
    const fields = new Set([...(before?.amendedFields ?? []), ...Object.keys(entry.fields).filter((f) => f !== 'slug')]);
    const cells = new Set([
      ...(before?.amendedCells ?? []),
      ...(isMapping(entry.fields.expectations) ? Object.keys(entry.fields.expectations) : []),
    ]);
    provenance.set(id, { origin: before?.origin ?? 'amended', amendedFields: fields, amendedCells: cells });
  }

  return { items: [...items.filter((_, i) => !removed.has(i)), ...added], provenance, hidden, errors, warnings, pins };
}
