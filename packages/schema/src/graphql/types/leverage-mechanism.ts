import { builder } from '../builder.js';
import { entityNode } from '../entity-node.js';
import { LevelNoteRef, LeverageMechanismRef } from '../refs.js';
import { textField, textListField } from '../rich-text.js';

builder.node(LeverageMechanismRef, {
  description: 'One of the ways a Distinguished Engineer multiplies the work of many others.',
  ...entityNode('LeverageMechanism'),
  fields: (t) => ({
    atLevel: t.field({
      type: [LevelNoteRef],
      description: 'What the mechanism looks like at each level, in rank order: how it differs from Staff to Distinguished.',
      resolve: (m) => m.atLevel,
    }),
  }),
});

textField(LeverageMechanismRef, 'description', 'How this mechanism creates leverage.', (m) => m.description);
textListField(LeverageMechanismRef, 'inPractice', 'What doing it looks like day to day.', (m) => m.inPractice);
