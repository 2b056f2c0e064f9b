import { builder } from '../builder.js';
import { entityNode } from '../entity-node.js';
import { CapabilityRef } from '../refs.js';
import { textField } from '../rich-text.js';

builder.node(CapabilityRef, {
  description: 'A skill the role depends on beyond technical depth.',
  ...entityNode('Capability'),
  fields: () => ({}),
});

textField(CapabilityRef, 'description', 'What the capability is and why the role needs it.', (c) => c.description);
