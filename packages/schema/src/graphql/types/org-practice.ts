import { builder } from '../builder.js';
import { EntityRef, FailureModeRef, OrgPracticeRef } from '../refs.js';
import { textField, textListField } from '../rich-text.js';

builder.node(OrgPracticeRef, {
  description: 'Something companies that get the role right do.',
  interfaces: [EntityRef],
  id: { resolve: (practice) => practice.slug },
  loadOne: (slug, ctx) => ctx.framework.find('OrgPractice', slug) ?? null,
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'OrgPractice',
  fields: (t) => ({
    prevents: t.field({ type: [FailureModeRef], description: 'The failure modes this practice prevents.', resolve: (practice) => practice.prevents }),
  }),
});

textField(OrgPracticeRef, 'description', 'What the company does and why it works.', (p) => p.description);
textListField(OrgPracticeRef, 'examples', 'Concrete forms the practice takes.', (p) => p.examples);
