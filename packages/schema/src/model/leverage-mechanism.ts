import { z } from 'zod';
import { AtLevel, Markdown, MarkdownList, entityFields } from './common.js';

export const LeverageMechanism = z
  .strictObject({
    ...entityFields,
    description: Markdown.meta({ description: 'How this mechanism multiplies the work of others.' }),
    inPractice: MarkdownList('What doing it looks like day to day.'),
    atLevel: AtLevel,
  })
  .meta({ description: 'A way a Distinguished Engineer creates leverage across the company.' });

export type LeverageMechanismInput = z.infer<typeof LeverageMechanism>;
