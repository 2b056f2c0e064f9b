import { builder } from '../builder.js';

export const Basis = builder.enumType('Basis', {
  description: "Whether the cited source sections say something, or it is the framework's own judgement built on them.",
  values: {
    SOURCED: { value: 'sourced', description: 'The cited sections say it.' },
    INTERPRETED: {
      value: 'interpreted',
      description: "The framework's judgement, built on the cited sections (for an entity, `interpretation` says which part).",
    },
  } as const,
});
