import { z } from 'zod';
import { Markdown, Slug, entityFields } from './common.js';

export const Misconception = z
  .strictObject({
    ...entityFields,
    reality: Markdown.meta({ description: 'What the role is actually about, in place of the misconception.' }),
    relatedFailureModes: z
      .array(Slug)
      .optional()
      .meta({ description: 'Slugs of failure modes a company falls into when it believes this.' }),
  })
  .meta({ description: 'A common but wrong picture of what the role is.' });

export type MisconceptionInput = z.infer<typeof Misconception>;
