import { z } from 'zod';
import { AtLevel, Markdown, entityFields } from './common.js';

export const Capability = z
  .strictObject({
    ...entityFields,
    description: Markdown.meta({ description: 'What the capability is and why the role needs it.' }),
    atLevel: AtLevel,
  })
  .meta({ description: 'A skill the role depends on beyond technical depth.' });

export type CapabilityInput = z.infer<typeof Capability>;
