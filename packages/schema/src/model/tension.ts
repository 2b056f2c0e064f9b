import { z } from 'zod';
import { Markdown, entityFields } from './common.js';

export const Tension = z
  .strictObject({
    ...entityFields,
    description: Markdown.meta({ description: 'Both sides of the tension and how people in the role live with it.' }),
  })
  .meta({ description: 'A pull in two directions that comes with the role.' });

export type TensionInput = z.infer<typeof Tension>;
