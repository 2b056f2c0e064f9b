import { DimensionRef, ExpectationRef, LevelRef, QuotationRef } from '../refs.js';
import { Basis } from './basis.js';
import { textField } from '../rich-text.js';

ExpectationRef.implement({
  description: "One level's expectation on one dimension: a cell of the level comparison.",
  fields: (t) => ({
    level: t.field({ type: LevelRef, description: 'The level.', resolve: (e) => e.level }),
    dimension: t.field({ type: DimensionRef, description: 'The dimension.', resolve: (e) => e.dimension }),
    headline: t.exposeString('headline', {
      description: 'A few words; read across a comparison row, the headlines show the step from one level to the next.',
    }),
    basis: t.field({
      type: Basis,
      description: "SOURCED when the cited sources say this of the level; INTERPRETED when it is the framework's reading.",
      resolve: (e) => e.basis,
    }),
    quotation: t.field({
      type: QuotationRef,
      nullable: true,
      description: 'The exact words the cell rests on, where they matter (the question a level asks).',
      resolve: (e) => e.quotation,
    }),
  }),
});

textField(ExpectationRef, 'text', 'What the level expects on the dimension.', (e) => e.text);
