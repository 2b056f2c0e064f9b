import { QuotationRef, SourceRef } from '../refs.js';

QuotationRef.implement({
  description: 'Words quoted exactly from a source, where the exact words matter; short, and attributed.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The exact words, as the cited section has them.' }),
    speaker: t.exposeString('speaker', {
      nullable: true,
      description: "Who said them, when it is someone the article quotes; null for the article's author.",
    }),
    source: t.field({ type: SourceRef, description: 'The article quoted.', resolve: (q) => q.source }),
    section: t.exposeString('section', { description: 'The section that holds the words.' }),
  }),
});
