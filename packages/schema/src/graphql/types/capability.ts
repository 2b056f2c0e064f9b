import { builder } from '../builder.js';
import { CapabilityRef, EntityRef } from '../refs.js';
import { textField } from '../rich-text.js';

builder.node(CapabilityRef, {
  description: 'A skill the role depends on beyond technical depth.',
  interfaces: [EntityRef],
  id: { resolve: (capability) => capability.slug },
  loadOne: (slug, ctx) => ctx.framework.find('Capability', slug) ?? null,
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'Capability',
  fields: () => ({}),
});

textField(CapabilityRef, 'description', 'What the capability is and why the role needs it.', (c) => c.description);
