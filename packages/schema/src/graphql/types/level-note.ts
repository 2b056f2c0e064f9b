import { LevelNoteRef, LevelRef } from '../refs.js';
import { textField } from '../rich-text.js';
import { Basis } from './basis.js';

LevelNoteRef.implement({
  description: 'What a capability or a leverage mechanism looks like at one level.',
  fields: (t) => ({
    level: t.field({ type: LevelRef, description: 'The level.', resolve: (n) => n.level }),
    basis: t.field({ type: Basis, description: "Whether the sources say it or it is the framework's judgement.", resolve: (n) => n.basis }),
  }),
});

textField(LevelNoteRef, 'text', 'What it looks like at this level.', (n) => n.text);
