import { builder } from '../builder.js';
import type { Source } from '../../graph/types.js';
import { costHints } from '../cost-hints.js';
import { EntityRef, SourceRef, TextFallbackRef } from '../refs.js';
import { textField } from '../rich-text.js';
import { AMENDED_FIELDS_DESCRIPTION, Origin, ORIGIN_DESCRIPTION } from './origin.js';
import { crossViewKey, encodeGlobalId, findNode } from '../global-id.js';
import { CONTENT_HASH_DESCRIPTION, KEY_DESCRIPTION } from '../identity.js';
import { FALLBACKS_DESCRIPTION, SERVED_LOCALE_DESCRIPTION } from './locale.js';

builder.node(SourceRef, {
  description: 'An article the framework rests on.',
  id: { resolve: (source) => encodeGlobalId('Source', source.slug, source.view) },
  loadOne: (key, ctx) => findNode('Source', key, ctx.framework) as Source | null,
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'Source',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable kebab-case identifier.' }),
    key: t.string({ description: KEY_DESCRIPTION, resolve: (source) => crossViewKey('Source', source.slug) }),
    title: t.exposeString('title', { description: 'The article title.' }),
    author: t.exposeString('author', { nullable: true, description: 'Author, when the article names one.' }),
    publisher: t.exposeString('publisher', { nullable: true, description: 'Publisher or site.' }),
    published: t.field({ type: 'Date', nullable: true, description: 'Publication date, when known.', resolve: (s) => s.published }),
    url: t.field({ type: 'URL', nullable: true, description: 'Where the article can be read, when known.', resolve: (s) => s.url }),
    sections: t.exposeStringList('sections', { description: 'Section headings of the article, in order.' }),
    contentHash: t.exposeString('contentHash', { description: CONTENT_HASH_DESCRIPTION }),
    origin: t.field({ type: Origin, description: ORIGIN_DESCRIPTION, resolve: (source) => source.origin }),
    amendedFields: t.stringList({ description: AMENDED_FIELDS_DESCRIPTION, resolve: (source) => source.amendedFields }),
    locale: t.string({ description: SERVED_LOCALE_DESCRIPTION, resolve: (source) => source.view.locale }),
    fallbacks: t.field({ type: [TextFallbackRef], description: FALLBACKS_DESCRIPTION, resolve: (source) => source.fallbacks }),
    citedBy: t.field({
      type: [EntityRef],
      description: 'Every entity that cites this source.',
      extensions: costHints({ items: (framework) => Math.max(0, ...framework.sources.map((s) => s.citedBy.length)) }),
      resolve: (source) => source.citedBy,
    }),
  }),
});

textField(SourceRef, 'summary', 'What the article covers, in our words.', (source) => source.summary);
