import { z } from 'zod';
import { Markdown, Slug, entityFields } from './common.js';

export const Expectation = z
  .strictObject({
    headline: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty' })
      .max(60, { message: 'must be at most 60 characters: a headline, not a sentence' })
      .meta({ description: 'A few words that show the step from the level below at a glance, e.g. "The whole company".' }),
    text: Markdown.meta({ description: 'What the level expects on this dimension, in a sentence or two.' }),
  })
  .meta({ description: "One level's expectation on one dimension." });

export const Level = z
  .strictObject({
    ...entityFields,
    rank: z.int().min(1).meta({ description: 'Position on the ladder; higher is more senior. Unique per level.' }),
    description: Markdown.meta({ description: 'The level in a paragraph or two.' }),
    expectations: z.record(Slug, Expectation).meta({
      description:
        'One expectation per dimension, keyed by dimension slug. Every dimension must be covered; read across levels, a row shows what changes.',
    }),
  })
  .meta({ description: 'A rung of the senior IC ladder: Staff, Principal, Distinguished.' });

export type LevelInput = z.infer<typeof Level>;
