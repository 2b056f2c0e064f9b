import { z } from 'zod';
import { Markdown, MarkdownList, entityFields } from './common.js';

export const OrgPractice = z
  .strictObject({
    ...entityFields,
    description: Markdown.meta({ description: 'What the company does and why it works.' }),
    examples: MarkdownList('Concrete forms the practice takes.'),
  })
  .meta({ description: 'Something companies that get the role right do.' });

export type OrgPracticeInput = z.infer<typeof OrgPractice>;
