import { PER_DIMENSION } from '../cost-hints.js';
import { LevelComparisonRef, LevelRef, ComparisonRowRef, TransitionRef } from '../refs.js';

LevelComparisonRef.implement({
  description: 'Levels side by side: one row per dimension, one cell per level.',
  fields: (t) => ({
    levels: t.field({ type: [LevelRef], description: 'The compared levels, in the order asked for.', resolve: (c) => c.levels }),
    rows: t.field({
      type: [ComparisonRowRef],
      description: 'One row per dimension, in dimension order.',
      extensions: PER_DIMENSION,
      resolve: (c) => c.rows,
    }),
    transitions: t.field({
      type: [TransitionRef],
      description: 'The steps on the ladder between the lowest and the highest compared level, lowest first.',
      resolve: (c) => c.transitions,
    }),
  }),
});
