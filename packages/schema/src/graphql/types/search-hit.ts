import { EntityRef, HighlightRef, SearchHitRef } from '../refs.js';
import { EntityType } from './entity-type.js';

SearchHitRef.implement({
  description: 'One result of a search: the entity, why it matched, and how well.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The matching entity.', resolve: (hit) => hit.entity }),
    type: t.field({ type: EntityType, description: "The entity's type.", resolve: (hit) => hit.entity.kind }),
    snippet: t.field({
      type: HighlightRef,
      description: 'A short passage with the matched words highlighted.',
      resolve: (hit) => hit.snippet,
    }),
    score: t.exposeFloat('score', {
      description: 'Relevance (BM25 with title boost); higher is better. Only comparable within one search.',
    }),
  }),
});
