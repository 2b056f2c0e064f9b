import { builder } from '../builder.js';
import { entityNode } from '../entity-node.js';
import { FailureModeRef, MisconceptionRef, OrgPracticeRef } from '../refs.js';
import { textField, textListField } from '../rich-text.js';

builder.node(FailureModeRef, {
  description: 'A predictable way a company gets the Distinguished Engineer role wrong.',
  ...entityNode('FailureMode'),
  fields: (t) => ({
    preventedBy: t.field({
      type: [OrgPracticeRef],
      description: 'The org practices that prevent this failure mode; the other side of `OrgPractice.prevents`.',
      resolve: (mode) => mode.preventedBy,
    }),
    misconceptions: t.field({
      type: [MisconceptionRef],
      description: 'Misconceptions that lead companies into it; the other side of `Misconception.failureModes`.',
      resolve: (mode) => mode.misconceptions,
    }),
  }),
});

textField(FailureModeRef, 'description', 'How the company sets the role up to fail this way.', (m) => m.description);
textListField(FailureModeRef, 'symptoms', 'What you can observe when this is happening.', (m) => m.symptoms);
textListField(FailureModeRef, 'consequences', 'What it costs the person and the organisation.', (m) => m.consequences);
