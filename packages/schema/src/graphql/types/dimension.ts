import { builder } from '../builder.js';
import { costHints } from '../cost-hints.js';
import { entityNode } from '../entity-node.js';
import { DimensionRef, ExpectationRef } from '../refs.js';
import { textField } from '../rich-text.js';
import { frameworkFor } from '../locale-arg.js';

builder.node(DimensionRef, {
  description: 'Something levels are compared on, such as operating scope or time horizon.',
  ...entityNode('Dimension'),
  fields: (t) => ({
    position: t.exposeInt('position', { description: '0-based position; comparison rows follow this order.' }),
    expectations: t.field({
      type: [ExpectationRef],
      description: 'What each level expects on this dimension, lowest level first.',
      extensions: costHints({ items: (framework) => framework.levels.length }),
      resolve: (dimension, _args, ctx) => frameworkFor(dimension, ctx).levels.map((level) => level.expectations[dimension.position]!),
    }),
  }),
});

textField(DimensionRef, 'description', 'What this dimension measures and why levels differ on it.', (d) => d.description);
