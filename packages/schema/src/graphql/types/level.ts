import { builder } from '../builder.js';
import { EntityRef, ExpectationRef, LevelRef, TransitionRef } from '../refs.js';
import { textField } from '../rich-text.js';

builder.node(LevelRef, {
  description: 'A rung of the senior individual-contributor ladder: Staff, Principal or Distinguished.',
  interfaces: [EntityRef],
  id: { resolve: (level) => level.slug },
  loadOne: (slug, ctx) => ctx.framework.find('Level', slug) ?? null,
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'Level',
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Position on the ladder; higher is more senior.' }),
    expectations: t.field({
      type: [ExpectationRef],
      description: 'One expectation per dimension, in dimension order.',
      args: { dimensions: t.arg.stringList({ required: false, description: 'Only these dimension slugs (in dimension order).' }) },
      resolve: (level, args) => (args.dimensions ? level.expectations.filter((e) => args.dimensions!.includes(e.dimension.slug)) : level.expectations),
    }),
    transitionsIn: t.field({ type: [TransitionRef], description: 'Steps that lead into this level.', resolve: (level) => level.transitionsIn }),
    transitionsOut: t.field({ type: [TransitionRef], description: 'Steps that lead on from this level.', resolve: (level) => level.transitionsOut }),
  }),
});

textField(LevelRef, 'description', 'The level in a paragraph or two.', (level) => level.description);
