import { builder } from '../builder.js';
import { EntityRef, LeverageMechanismRef } from '../refs.js';
import { textField, textListField } from '../rich-text.js';

builder.node(LeverageMechanismRef, {
  description: 'One of the ways a Distinguished Engineer multiplies the work of many others.',
  interfaces: [EntityRef],
  id: { resolve: (mechanism) => mechanism.slug },
  loadOne: (slug, ctx) => ctx.framework.find('LeverageMechanism', slug) ?? null,
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'LeverageMechanism',
  fields: () => ({}),
});

textField(LeverageMechanismRef, 'description', 'How this mechanism creates leverage.', (m) => m.description);
textListField(LeverageMechanismRef, 'inPractice', 'What doing it looks like day to day.', (m) => m.inPractice);
