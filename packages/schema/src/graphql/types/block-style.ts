import { builder } from '../builder.js';

export const BlockStyle = builder.enumType('BlockStyle', {
  description: 'How a block of rich text is set. A heading is served as a PARAGRAPH of STRONG spans.',
  values: {
    PARAGRAPH: { value: 'paragraph', description: 'A paragraph, a table cell or a heading.' },
    QUOTE: { value: 'quote', description: 'A paragraph inside a block quote, at any depth.' },
    CODE: { value: 'code', description: 'A code block: one span, its line breaks and spaces as written.' },
  } as const,
});
