import { builder } from '../builder.js';

export const ListKind = builder.enumType('ListKind', {
  description: 'Which kind of list a block is an item of.',
  values: {
    BULLET: { value: 'bullet', description: 'An unordered list.' },
    NUMBER: { value: 'number', description: 'An ordered list, numbered from 1.' },
  } as const,
});
