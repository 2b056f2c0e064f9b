import { builder } from '../builder.js';
import { ENTITY_JSON } from '../cost-hints.js';
import { encodeGlobalId } from '../global-id.js';
import { ChangeEventRef } from '../refs.js';
import { ChangeKind } from './change-kind.js';
import { EntityType } from './entity-type.js';

builder.node(ChangeEventRef, {
  description:
    'One entity, source or expectation created, updated or deleted between two versions of the framework. `subject` links it to the live object.',
  id: { resolve: (event, _args, ctx) => encodeGlobalId('ChangeEvent', event.key, ctx.framework.view) },
  loadOne: (key, ctx) => ctx.framework.changes.find((e) => e.key === key) ?? null,
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'subjectKind' in value,
  fields: (t) => ({
    kind: t.field({ type: ChangeKind, description: 'Created, updated or deleted.', resolve: (e) => e.kind }),
    subjectType: t.field({ type: EntityType, description: 'What kind of object changed.', resolve: (e) => e.subjectKind }),
    slug: t.exposeString('slug', {
      description: 'Slug of the object that changed; `<level>/<dimension>` for an expectation.',
    }),
    subjectId: t.id({
      description: 'Global ID of the object that changed, as served here; given for a deletion too, so a client cache can drop it.',
      resolve: (e, _args, ctx) => encodeGlobalId(e.subjectKind, e.slug, ctx.framework.view),
    }),
    subject: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: 'The object as it is now; null once it is deleted (here or in a later version).',
      resolve: (e, _args, ctx) => ctx.framework.find(e.subjectKind as 'Level', e.slug) ?? null,
    }),
    changedFields: t.exposeStringList('changedFields', {
      description: "Fields of the subject's GraphQL type whose value changed; every field for created and deleted.",
    }),
    fromVersion: t.exposeString('fromVersion', { nullable: true, description: 'Version before the change; null for the first release.' }),
    toVersion: t.exposeString('toVersion', {
      nullable: true,
      description: 'Release that carries the change; null while it is not released yet.',
    }),
    publishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When `toVersion` was published; null while unreleased.',
      resolve: (e) => e.publishedAt,
    }),
    contentHash: t.exposeString('contentHash', { nullable: true, description: 'Hash of the subject after the change; null when deleted.' }),
    previousContentHash: t.exposeString('previousContentHash', {
      nullable: true,
      description: 'Hash before the change; null when created.',
    }),
    tombstone: t.boolean({
      description: 'True for a deletion: `entity` then holds the last version.',
      resolve: (e) => e.kind === 'deleted',
    }),
    entity: t.field({
      type: 'JSON',
      extensions: ENTITY_JSON,
      description:
        'The subject in canonical JSON (the export format) after the change; for a deletion, its last version. An expectation carries its `level` slug.',
      resolve: (e) => e.entity,
    }),
  }),
});
