import { ComparisonRowRef, DimensionRef, ExpectationRef } from '../refs.js';

ComparisonRowRef.implement({
  description: 'One dimension across the compared levels.',
  fields: (t) => ({
    dimension: t.field({ type: DimensionRef, description: 'The dimension this row compares.', resolve: (row) => row.dimension }),
    cells: t.field({
      type: [ExpectationRef],
      description: "Each compared level's expectation, in the order the levels were asked for.",
      resolve: (row) => row.cells,
    }),
  }),
});
