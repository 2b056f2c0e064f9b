import { builder } from '../builder.js';
import { RICH_TEXT } from '../cost-hints.js';
import { CitationRef, EntityRef, QuotationRef, RichTextDocRef, TextFallbackRef } from '../refs.js';
import { docFieldDescription, FORMAT_ARG_DESCRIPTION, formatText } from '../rich-text.js';
import { TextFormat } from './text-format.js';
import { EntityType } from './entity-type.js';
import { Basis } from './basis.js';
import { AMENDED_FIELDS_DESCRIPTION, Origin, ORIGIN_DESCRIPTION } from './origin.js';
import { crossViewKey } from '../global-id.js';
import { CONTENT_HASH_DESCRIPTION, KEY_DESCRIPTION } from '../identity.js';
import { FALLBACKS_DESCRIPTION, SERVED_LOCALE_DESCRIPTION } from './locale.js';

EntityRef.implement({
  description:
    'Anything the framework defines: it has a slug, a title, a summary, whether the sources say it or it is interpreted, the sources it rests on and a content hash.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.kind,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable kebab-case identifier, unique within the entity type and never reused.' }),
    key: t.string({ description: KEY_DESCRIPTION, resolve: (entity) => crossViewKey(entity.kind, entity.slug) }),
    title: t.exposeString('title', { description: 'Human-readable name.' }),
    type: t.field({ type: EntityType, description: 'Which kind of entity this is.', resolve: (entity) => entity.kind }),
    summary: t.string({
      description: 'One or two sentences.',
      extensions: RICH_TEXT,
      args: { format: t.arg({ type: TextFormat, defaultValue: 'MARKDOWN', description: FORMAT_ARG_DESCRIPTION }) },
      resolve: (entity, args) => formatText(entity.summary, args.format),
    }),
    summaryDoc: t.field({
      type: RichTextDocRef,
      description: docFieldDescription('summary'),
      extensions: RICH_TEXT,
      resolve: (entity) => entity.summary,
    }),
    basis: t.field({
      type: Basis,
      description:
        "SOURCED when the cited sections say everything the entity says; INTERPRETED when part of it is the framework's judgement.",
      resolve: (entity) => entity.basis,
    }),
    interpretation: t.string({
      nullable: true,
      description: "For an INTERPRETED entity: which part is the framework's judgement, and what the sources do say. Null when SOURCED.",
      extensions: RICH_TEXT,
      args: { format: t.arg({ type: TextFormat, defaultValue: 'MARKDOWN', description: FORMAT_ARG_DESCRIPTION }) },
      resolve: (entity, args) => entity.interpretation && formatText(entity.interpretation, args.format),
    }),
    interpretationDoc: t.field({
      type: RichTextDocRef,
      nullable: true,
      description: `${docFieldDescription('interpretation')} Null when SOURCED.`,
      extensions: RICH_TEXT,
      resolve: (entity) => entity.interpretation,
    }),
    quotations: t.field({
      type: [QuotationRef],
      description: "Exact words the entity quotes, each attributed; the rest is in the framework's own words.",
      resolve: (entity) => entity.quotations,
    }),
    sources: t.field({
      type: [CitationRef],
      description: 'The source sections this entity rests on.',
      resolve: (entity) => entity.sources,
    }),
    contentHash: t.exposeString('contentHash', { description: CONTENT_HASH_DESCRIPTION }),
    origin: t.field({ type: Origin, description: ORIGIN_DESCRIPTION, resolve: (entity) => entity.origin }),
    locale: t.string({ description: SERVED_LOCALE_DESCRIPTION, resolve: (entity) => entity.view.locale }),
    fallbacks: t.field({ type: [TextFallbackRef], description: FALLBACKS_DESCRIPTION, resolve: (entity) => entity.fallbacks }),
    amendedFields: t.stringList({ description: AMENDED_FIELDS_DESCRIPTION, resolve: (entity) => entity.amendedFields }),
    upstream: t.field({
      type: EntityRef,
      nullable: true,
      description:
        'For an AMENDED entity, the upstream original as the upstream framework serves it (its own `id`, which `node` refetches); null otherwise.',
      resolve: (entity, _args, ctx) =>
        entity.origin === 'amended' ? (ctx.framework.upstream?.find(entity.kind, entity.slug) ?? null) : null,
    }),
  }),
});
