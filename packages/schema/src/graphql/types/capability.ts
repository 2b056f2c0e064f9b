import { builder } from '../builder.js';
import { entityNode } from '../entity-node.js';
import { CapabilityRef, LevelNoteRef } from '../refs.js';
import { textField } from '../rich-text.js';

builder.node(CapabilityRef, {
  description: 'A skill the role depends on beyond technical depth.',
  ...entityNode('Capability'),
  fields: (t) => ({
    atLevel: t.field({
      type: [LevelNoteRef],
      description: 'What the capability looks like at each level, in rank order: how it differs from Staff to Distinguished.',
      resolve: (c) => c.atLevel,
    }),
  }),
});

textField(CapabilityRef, 'description', 'What the capability is and why the role needs it.', (c) => c.description);
