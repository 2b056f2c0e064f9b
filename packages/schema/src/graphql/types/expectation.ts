import { DimensionRef, ExpectationRef, LevelRef } from '../refs.js';
import { textField } from '../rich-text.js';

ExpectationRef.implement({
  description: "One level's expectation on one dimension: a cell of the level comparison.",
  fields: (t) => ({
    level: t.field({ type: LevelRef, description: 'The level.', resolve: (e) => e.level }),
    dimension: t.field({ type: DimensionRef, description: 'The dimension.', resolve: (e) => e.dimension }),
    headline: t.exposeString('headline', {
      description: 'A few words; read across a comparison row, the headlines show the step from one level to the next.',
    }),
  }),
});

textField(ExpectationRef, 'text', 'What the level expects on the dimension.', (e) => e.text);
