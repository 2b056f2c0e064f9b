import { builder } from '../builder.js';
import { costHints } from '../cost-hints.js';
import { EntityRef, SourceRef } from '../refs.js';
import { textField } from '../rich-text.js';

builder.node(SourceRef, {
  description: 'An article the framework rests on.',
  id: { resolve: (source) => source.slug },
  loadOne: (slug, ctx) => ctx.framework.find('Source', slug) ?? null,
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'Source',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable kebab-case identifier.' }),
    title: t.exposeString('title', { description: 'The article title.' }),
    author: t.exposeString('author', { nullable: true, description: 'Author, when the article names one.' }),
    publisher: t.exposeString('publisher', { nullable: true, description: 'Publisher or site.' }),
    published: t.exposeString('published', { nullable: true, description: 'Publication date as YYYY-MM-DD, when known.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where the article can be read, when known.' }),
    sections: t.exposeStringList('sections', { description: 'Section headings of the article, in order.' }),
    contentHash: t.exposeString('contentHash', { description: 'sha256 of the source record as authored.' }),
    citedBy: t.field({
      type: [EntityRef],
      description: 'Every entity that cites this source.',
      extensions: costHints({ items: (framework) => Math.max(0, ...framework.sources.map((s) => s.citedBy.length)) }),
      resolve: (source) => source.citedBy,
    }),
  }),
});

textField(SourceRef, 'summary', 'What the article covers, in our words.', (source) => source.summary);
