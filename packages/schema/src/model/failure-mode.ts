import { z } from 'zod';
import { Markdown, MarkdownList, Slug, entityFields } from './common.js';

export const FailureMode = z
  .strictObject({
    ...entityFields,
    description: Markdown.meta({ description: 'How the company sets the role up to fail this way.' }),
    symptoms: MarkdownList('What you can observe when this is happening.'),
    consequences: MarkdownList('What it costs the person and the organisation.'),
    preventedBy: z
      .array(Slug)
      .min(1, { message: 'must name at least one org practice' })
      .meta({ description: 'Slugs of the org practices that prevent this failure mode.' }),
  })
  .meta({ description: 'A predictable way companies get the Distinguished Engineer role wrong.' });

export type FailureModeInput = z.infer<typeof FailureMode>;
