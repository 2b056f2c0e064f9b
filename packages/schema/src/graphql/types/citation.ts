import { CitationRef, SourceRef } from '../refs.js';

CitationRef.implement({
  description: 'A section of a source that an entity rests on.',
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: 'The article cited.', resolve: (citation) => citation.source }),
    section: t.exposeString('section', { description: 'The section heading, exactly as it appears in the article.' }),
  }),
});
