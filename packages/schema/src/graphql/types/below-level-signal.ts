import { BelowLevelSignalRef } from '../refs.js';
import { textField } from '../rich-text.js';
import { Basis } from './basis.js';

BelowLevelSignalRef.implement({
  description: 'An observable sign that someone holding a level is operating below it: a self-check, not a company failure mode.',
  fields: (t) => ({
    basis: t.field({ type: Basis, description: "Whether the sources say it or it is the framework's judgement.", resolve: (s) => s.basis }),
  }),
});

textField(BelowLevelSignalRef, 'text', 'The sign, as others could see it.', (s) => s.text);
