import { z } from 'zod';
import { Markdown, Slug, entityFields } from './common.js';

export const Level = z
  .strictObject({
    ...entityFields,
    rank: z.int().min(1).meta({ description: 'Position on the ladder; higher is more senior. Unique per level.' }),
    description: Markdown.meta({ description: 'The level in a paragraph or two.' }),
    expectations: z.record(Slug, Markdown).meta({
      description:
        'One expectation per dimension, keyed by dimension slug. Every dimension must be covered; read across levels, a row shows what changes.',
    }),
  })
  .meta({ description: 'A rung of the senior IC ladder: Staff, Principal, Distinguished.' });

export type LevelInput = z.infer<typeof Level>;
