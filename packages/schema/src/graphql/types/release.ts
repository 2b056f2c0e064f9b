import { builder } from '../builder.js';
import { crossViewKey, encodeGlobalId } from '../global-id.js';
import { ENTITY_COUNT_DESCRIPTION, KEY_DESCRIPTION } from '../identity.js';
import { ReleaseRef } from '../refs.js';

builder.node(ReleaseRef, {
  description: 'A published version of the framework, frozen as a snapshot under content/releases/.',
  id: { resolve: (release, _args, ctx) => encodeGlobalId('Release', release.version, ctx.framework.view) },
  loadOne: (version, ctx) => ctx.framework.releases.find((r) => r.version === version) ?? null,
  // A release is the only node without a `kind`: it is a snapshot, not part of the graph.
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'snapshot' in value && 'version' in value,
  fields: (t) => ({
    key: t.string({ description: KEY_DESCRIPTION, resolve: (r) => crossViewKey('Release', r.version) }),
    version: t.exposeString('version', { description: 'Semantic version.' }),
    upstreamVersion: t.string({
      nullable: true,
      description:
        "For a company's release (its overlays applied): the version of the upstream framework it was built on; null for an upstream release.",
      resolve: (r) => r.upstreamVersion ?? null,
    }),
    contentHash: t.exposeString('contentHash', { description: 'Content hash of the framework as released.' }),
    publishedAt: t.field({ type: 'DateTime', description: 'When it was released.', resolve: (r) => r.publishedAt }),
    entityCount: t.int({
      description: ENTITY_COUNT_DESCRIPTION,
      resolve: (r) =>
        Object.values(r.snapshot as Record<string, unknown>).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0),
    }),
  }),
});
