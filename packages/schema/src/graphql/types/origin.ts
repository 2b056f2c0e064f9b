import { builder } from '../builder.js';

export const Origin = builder.enumType('Origin', {
  description: "Where an object comes from: the upstream framework as published, or a company's overlay.",
  values: {
    UPSTREAM: { value: 'upstream', description: 'As the upstream framework publishes it.' },
    AMENDED: { value: 'amended', description: 'An upstream object an overlay changed; `amendedFields` says which fields.' },
    ADDED: { value: 'added', description: 'Added by an overlay; upstream has no such object.' },
  } as const,
});

export const ORIGIN_DESCRIPTION = 'UPSTREAM as published, AMENDED by an overlay, or ADDED by one.';
export const AMENDED_FIELDS_DESCRIPTION = "The fields an overlay's amendment gave, as this type names them; empty unless AMENDED.";
