import { builder } from '../builder.js';
import { entityNode } from '../entity-node.js';
import { FailureModeRef, MisconceptionRef } from '../refs.js';
import { textField } from '../rich-text.js';

builder.node(MisconceptionRef, {
  description: 'A common but wrong picture of what the role is.',
  ...entityNode('Misconception'),
  fields: (t) => ({
    failureModes: t.field({
      type: [FailureModeRef],
      description: 'Failure modes a company falls into when it believes this; the other side of `FailureMode.misconceptions`.',
      resolve: (misconception) => misconception.relatedFailureModes,
    }),
  }),
});

textField(MisconceptionRef, 'reality', 'What the role is actually about.', (m) => m.reality);
