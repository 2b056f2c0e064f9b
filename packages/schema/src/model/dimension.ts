import { z } from 'zod';
import { Markdown, entityFields } from './common.js';

export const Dimension = z
  .strictObject({
    ...entityFields,
    description: Markdown.meta({ description: 'What this dimension measures and why levels differ on it.' }),
  })
  .meta({ description: 'Something levels are compared on. Comparison rows follow the order dimensions are listed in.' });

export type DimensionInput = z.infer<typeof Dimension>;
