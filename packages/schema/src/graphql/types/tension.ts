import { builder } from '../builder.js';
import { entityNode } from '../entity-node.js';
import { TensionRef } from '../refs.js';
import { textField } from '../rich-text.js';

builder.node(TensionRef, {
  description: 'A pull in two directions that comes with the role.',
  ...entityNode('Tension'),
  fields: () => ({}),
});

textField(TensionRef, 'description', 'Both sides of the tension and how people in the role live with it.', (t) => t.description);
