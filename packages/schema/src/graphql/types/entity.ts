import { builder } from '../builder.js';
import { RICH_TEXT } from '../cost-hints.js';
import { CitationRef, EntityRef } from '../refs.js';
import { FORMAT_ARG_DESCRIPTION, formatText } from '../rich-text.js';
import { TextFormat } from './text-format.js';
import { EntityType } from './entity-type.js';

EntityRef.implement({
  description: 'Anything the framework defines: it has a slug, a title, a summary, the sources it rests on and a content hash.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.kind,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable kebab-case identifier, unique within the entity type and never reused.' }),
    title: t.exposeString('title', { description: 'Human-readable name.' }),
    type: t.field({ type: EntityType, description: 'Which kind of entity this is.', resolve: (entity) => entity.kind }),
    summary: t.string({
      description: 'One or two sentences.',
      extensions: RICH_TEXT,
      args: { format: t.arg({ type: TextFormat, defaultValue: 'MARKDOWN', description: FORMAT_ARG_DESCRIPTION }) },
      resolve: (entity, args) => formatText(entity.summary, args.format),
    }),
    sources: t.field({
      type: [CitationRef],
      description: 'The source sections this entity rests on.',
      resolve: (entity) => entity.sources,
    }),
    contentHash: t.exposeString('contentHash', {
      description: 'sha256 of the entity as authored; changes exactly when its content changes, so sync jobs can tell what changed.',
    }),
  }),
});
