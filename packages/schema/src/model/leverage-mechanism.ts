import { z } from 'zod';
import { Markdown, MarkdownList, entityFields } from './common.js';

export const LeverageMechanism = z
  .strictObject({
    ...entityFields,
    description: Markdown.meta({ description: 'How this mechanism multiplies the work of others.' }),
    inPractice: MarkdownList('What doing it looks like day to day.'),
  })
  .meta({ description: 'A way a Distinguished Engineer creates leverage across an organisation.' });

export type LeverageMechanismInput = z.infer<typeof LeverageMechanism>;
