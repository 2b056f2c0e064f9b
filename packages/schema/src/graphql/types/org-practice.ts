import { builder } from '../builder.js';
import { entityNode } from '../entity-node.js';
import { FailureModeRef, OrgPracticeRef } from '../refs.js';
import { textField, textListField } from '../rich-text.js';

builder.node(OrgPracticeRef, {
  description: 'Something companies that get the role right do.',
  ...entityNode('OrgPractice'),
  fields: (t) => ({
    prevents: t.field({
      type: [FailureModeRef],
      description: 'The failure modes this practice prevents; the other side of `FailureMode.preventedBy`.',
      resolve: (practice) => practice.prevents,
    }),
  }),
});

textField(OrgPracticeRef, 'description', 'What the company does and why it works.', (p) => p.description);
textListField(OrgPracticeRef, 'examples', 'Concrete forms the practice takes.', (p) => p.examples);
