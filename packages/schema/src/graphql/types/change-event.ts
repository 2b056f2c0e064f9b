import { ENTITY_JSON } from '../cost-hints.js';
import { ChangeEventRef } from '../refs.js';
import { ChangeKind } from './change-kind.js';

ChangeEventRef.implement({
  description: 'One entity created, updated or deleted between two versions of the framework.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the event: `<to version or unreleased>/<Type>/<slug>`.' }),
    kind: t.field({ type: ChangeKind, description: 'Created, updated or deleted.', resolve: (e) => e.kind }),
    entityType: t.exposeString('entityType', { description: 'GraphQL type name of the entity, e.g. `Level`, `FailureMode`, `Source`.' }),
    slug: t.exposeString('slug', { description: 'Slug of the entity.' }),
    changedFields: t.exposeStringList('changedFields', {
      description: 'Top-level fields whose value changed; every field for created and deleted.',
    }),
    fromVersion: t.exposeString('fromVersion', { nullable: true, description: 'Version before the change; null for the first release.' }),
    toVersion: t.exposeString('toVersion', {
      nullable: true,
      description: 'Release that carries the change; null while it is not released yet.',
    }),
    publishedAt: t.exposeString('publishedAt', {
      nullable: true,
      description: 'When `toVersion` was published (ISO 8601); null while unreleased.',
    }),
    contentHash: t.exposeString('contentHash', { nullable: true, description: 'Hash of the entity after the change; null when deleted.' }),
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
      description: 'The entity in canonical JSON after the change; for a deletion, its last version.',
      resolve: (e) => e.entity,
    }),
  }),
});
