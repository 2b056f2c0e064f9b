import { z } from 'zod';
import { Basis, Markdown, Quotation, Slug, basedText, entityFields } from './common.js';

export const Expectation = z
  .strictObject({
    headline: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty' })
      .max(60, { message: 'must be at most 60 characters: a headline, not a sentence' })
      .meta({ description: 'A few words that show the step from the level below at a glance, e.g. "The whole company".' }),
    text: Markdown.meta({
      description: 'What the level expects on this dimension, in a sentence or two; it does not begin by repeating the headline.',
    }),
    basis: Basis,
    quotation: Quotation.optional(),
  })
  .meta({ description: "One level's expectation on one dimension." });

export const BelowLevelSignal = basedText(
  'Something others could see, in a sentence.',
  'An observable sign that someone holding the level is operating below it.',
);

export const Level = z
  .strictObject({
    ...entityFields,
    rank: z.int().min(1).meta({ description: 'Position on the ladder; higher is more senior. Unique per level.' }),
    description: Markdown.meta({ description: 'The level in a paragraph or two.' }),
    expectations: z.record(Slug, Expectation).meta({
      description:
        'One expectation per dimension, keyed by dimension slug. Every dimension must be covered; read across levels, a row shows what changes.',
    }),
    signalsBelow: z
      .array(BelowLevelSignal)
      .min(2, { message: 'must list at least 2 signals' })
      .max(6, { message: 'must list at most 6 signals' })
      .meta({
        description:
          'Signs, for a self-check, that someone holding this level is operating below it; distinct from the failure modes, which are what a company gets wrong.',
      }),
  })
  .meta({ description: 'A rung of the senior IC ladder: Staff, Principal, Distinguished.' });

export type LevelInput = z.infer<typeof Level>;
