import { builder } from '../builder.js';
import { entityNode } from '../entity-node.js';
import { LevelRef, TransitionRef } from '../refs.js';
import { textListField } from '../rich-text.js';

builder.node(TransitionRef, {
  description: 'The step from one level to the next: what changes and why people stall.',
  ...entityNode('Transition'),
  fields: (t) => ({
    from: t.field({ type: LevelRef, description: 'The level being left.', resolve: (transition) => transition.from }),
    to: t.field({ type: LevelRef, description: 'The level being reached.', resolve: (transition) => transition.to }),
  }),
});

textListField(TransitionRef, 'whatChanges', 'What is different on the other side of the step.', (t) => t.whatChanges);
textListField(TransitionRef, 'whyPeopleStall', 'Why capable people fail to make the step.', (t) => t.whyPeopleStall);
