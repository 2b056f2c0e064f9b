import { checkDimensionSlugs, MAX_DIMENSION_SLUGS } from '../../graph/compare-levels.js';
import { builder } from '../builder.js';
import { PER_DIMENSION } from '../cost-hints.js';
import { asBadInput, checkListLength, listArgument, listLimits } from '../list-limits.js';
import { entityNode } from '../entity-node.js';
import { BelowLevelSignalRef, ExpectationRef, LevelRef, TransitionRef } from '../refs.js';
import { textField } from '../rich-text.js';
import { frameworkFor } from '../locale-arg.js';

const DIMENSION_FILTER = listArgument('dimensions', 'dimension slugs', MAX_DIMENSION_SLUGS, 'filter');

builder.node(LevelRef, {
  description: 'A rung of the senior individual-contributor ladder: Staff, Principal or Distinguished.',
  ...entityNode('Level'),
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Position on the ladder; higher is more senior.' }),
    expectations: t.field({
      type: [ExpectationRef],
      nullable: true,
      description:
        'One expectation per dimension, in dimension order. An unknown slug in `dimensions` makes it null with a BAD_USER_INPUT error, as in `compareLevels`.',
      args: {
        dimensions: t.arg.stringList({
          required: false,
          description: `Only these dimension slugs (in dimension order), at most ${MAX_DIMENSION_SLUGS}.`,
        }),
      },
      extensions: { ...listLimits({ dimensions: DIMENSION_FILTER }), ...PER_DIMENSION },
      resolve: (level, args, ctx) => {
        const wanted = args.dimensions;
        if (!wanted) return level.expectations;
        checkListLength(DIMENSION_FILTER, wanted);
        asBadInput(() => checkDimensionSlugs(frameworkFor(level, ctx), 'dimensions', wanted));
        return level.expectations.filter((e) => wanted.includes(e.dimension.slug));
      },
    }),
    signalsBelow: t.field({
      type: [BelowLevelSignalRef],
      description: 'Observable signs, for a self-check, that someone holding this level is operating below it.',
      resolve: (level) => level.signalsBelow,
    }),
    transitionsIn: t.field({
      type: [TransitionRef],
      description: 'Steps that lead into this level.',
      resolve: (level) => level.transitionsIn,
    }),
    transitionsOut: t.field({
      type: [TransitionRef],
      description: 'Steps that lead on from this level.',
      resolve: (level) => level.transitionsOut,
    }),
  }),
});

textField(LevelRef, 'description', 'The level in a paragraph or two.', (level) => level.description);
