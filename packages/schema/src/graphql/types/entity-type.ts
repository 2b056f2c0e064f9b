import { ENTITY_KINDS } from '../../graph/types.js';
import { builder } from '../builder.js';

export const EntityType = builder.enumType('EntityType', {
  description: 'The kinds of framework entity, named as in the content and the GraphQL types.',
  values: Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, { description: `A ${kind}.` }])) as Record<
    (typeof ENTITY_KINDS)[number],
    { description: string }
  >,
});
