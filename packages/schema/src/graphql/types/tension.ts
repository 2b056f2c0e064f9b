import { builder } from '../builder.js';
import { EntityRef, TensionRef } from '../refs.js';
import { textField } from '../rich-text.js';

builder.node(TensionRef, {
  description: 'A pull in two directions that comes with the role.',
  interfaces: [EntityRef],
  id: { resolve: (tension) => tension.slug },
  loadOne: (slug, ctx) => ctx.framework.find('Tension', slug) ?? null,
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'Tension',
  fields: () => ({}),
});

textField(TensionRef, 'description', 'Both sides of the tension and how people in the role live with it.', (t) => t.description);
