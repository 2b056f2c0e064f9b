import path from 'node:path';
import { canonicalEntity } from '../../export/canonical.js';
import { contentHash } from '../../graph/content-hash.js';
import type { Framework } from '../../graph/types.js';
import type { CollectionName } from '../../model/index.js';
import { changedFields, COLLECTION_TYPE, snapshotItems } from '../../releases/change-feed.js';
import type { CollectedContent } from '../collect-items.js';
import type { ContentError } from '../content-error.js';
import { readContentFiles, type ReadContentOptions } from '../read-content-files.js';
import { applyOverlay, type OverlayState, type Pin } from './apply-overlay.js';
import { collectOverlay, type CollectedOverlay } from './collect-overlay.js';
import { upstreamYaml } from './amended-yaml.js';

export interface ReadOverlay extends CollectedOverlay {
  readonly name: string;
  readonly files: readonly string[];
}

/** Reads every overlay folder; a folder's name stands in for a header that could not be read. */
export async function readOverlays(
  dirs: readonly string[],
  options: ReadContentOptions,
): Promise<{ overlays: ReadOverlay[]; errors: ContentError[] }> {
  const overlays: ReadOverlay[] = [];
  const errors: ContentError[] = [];
  for (const dir of dirs) {
    const { files, errors: readErrors } = await readContentFiles(dir, options);
    errors.push(...readErrors);
    if (files.length === 0) continue; // readContentFiles says the folder holds no YAML
    const collected = collectOverlay(dir, files);
    errors.push(...collected.errors);
    overlays.push({ ...collected, name: collected.header?.value.name ?? path.basename(dir), files: files.map((f) => f.file) });
  }
  const byName = new Map<string, ReadOverlay>();
  for (const overlay of overlays) {
    const first = byName.get(overlay.name);
    if (first && overlay.header)
      errors.push(
        overlay.header.yaml.errorAt(
          ['overlay', 'name'],
          `overlay "${overlay.name}" is applied twice (also from ${first.dir}); give each overlay its own name`,
        ),
      );
    byName.set(overlay.name, overlay);
  }
  return { overlays, errors };
}

/**
 * The upstream content with every overlay applied in order, as items for the
 * usual checks, with what each overlay did (provenance, hidden items) and
 * the warnings for amendments whose upstream item has moved on.
 */
export function resolveOverlays(upstream: Framework, content: CollectedContent, overlays: readonly ReadOverlay[], basedOnOptional = false) {
  const names = overlays.map((o) => o.name);
  let state: OverlayState = {
    items: content.items.map((item) => ({ ...item, yaml: upstreamYaml(item.yaml, names) })),
    provenance: new Map(),
    hidden: new Map(),
  };
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const pins: Pin[] = [];
  for (const overlay of overlays) {
    const applied = applyOverlay(state, overlay, {
      name: overlay.name,
      hashOf: (item) => (item.value === undefined ? undefined : contentHash(item.value)),
      changedSince: (collection, slug, basedOn) => changedSince(upstream, collection, slug, basedOn),
      basedOnOptional,
    });
    errors.push(...applied.errors);
    warnings.push(...applied.warnings);
    pins.push(...applied.pins);
    state = applied;
  }
  return { state, errors, warnings, pins };
}

/** "upstream 0.3.0 changed summary, expectations since 0.2.0", when a release remembers the hash. */
function changedSince(upstream: Framework, collection: CollectionName, slug: string, basedOn: string): string | undefined {
  const type = COLLECTION_TYPE[collection];
  const now = upstream.find(type as 'Level', slug);
  const version = upstream.currentRelease ? upstream.version : `${upstream.version} with unreleased changes`;
  for (const release of [...upstream.releases].reverse()) {
    const then = snapshotItems(release.snapshot).get(`${type}/${slug}`);
    if (then?.entity.contentHash !== basedOn) continue;
    const fields = now ? changedFields(then.entity, canonicalEntity(now)) : [];
    return `upstream ${version} changed ${fields.length ? fields.join(', ') : 'it'} since ${release.version}`;
  }
  return `upstream is now ${version}`;
}
