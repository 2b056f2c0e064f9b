import { z } from 'zod';
import { Markdown, Slug, Title } from './common.js';

export const Source = z
  .strictObject({
    slug: Slug,
    title: Title,
    author: z.string().trim().min(1).optional().meta({ description: 'Author, when the article names one.' }),
    publisher: z.string().trim().min(1).optional().meta({ description: 'Publisher or site.' }),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
      .optional()
      .meta({ description: 'Publication date, YYYY-MM-DD, when the article gives one.' }),
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .optional()
      .meta({ description: 'Where the article can be read (http or https).' }),
    summary: Markdown.meta({ description: 'What the article covers, in our words.' }),
    sections: z.array(z.string().trim().min(1)).min(1, { message: 'must list at least one section heading' }).meta({
      description:
        'The section headings of the article, exactly as they appear in it, and `Introduction` for its text before the first heading. Citations must name one of these.',
    }),
  })
  .meta({ description: 'An article the framework rests on.' });

export type SourceInput = z.infer<typeof Source>;
