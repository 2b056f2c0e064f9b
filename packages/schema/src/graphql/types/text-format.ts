import { builder } from '../builder.js';

export const TextFormat = builder.enumType('TextFormat', {
  description: 'How a text field is returned. Content is authored in Markdown.',
  values: {
    MARKDOWN: { description: 'The Markdown as authored.' },
    HTML: { description: 'Rendered HTML, sanitised with an allow-list: no scripts, event handlers or javascript: URLs.' },
    TEXT: { description: 'Plain text with formatting removed, for CSV cells, HR systems and search.' },
  } as const,
});
