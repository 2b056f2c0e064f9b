import { builder } from '../builder.js';

export const ChangeKind = builder.enumType('ChangeKind', {
  description: 'What happened to an entity between two versions.',
  values: {
    CREATED: { value: 'created', description: 'The entity did not exist before.' },
    UPDATED: { value: 'updated', description: 'The entity changed; `changedFields` says which fields.' },
    DELETED: { value: 'deleted', description: 'The entity was removed; its last version stays visible as a tombstone.' },
  } as const,
});
