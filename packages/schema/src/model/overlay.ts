import { z } from 'zod';
import { Markdown, Slug } from './common.js';
import { SEMVER_PATTERN } from './framework-meta.js';

/** The `overlay:` header of an overlay folder's `overlay.yaml`. */
export const OverlayHeader = z
  .strictObject({
    name: Slug.meta({
      description: 'kebab-case name of the overlay, unique in a stack of overlays; global IDs of what it serves carry it.',
    }),
    title: z.string().trim().min(1).optional().meta({ description: "The framework's title as this company serves it." }),
    summary: Markdown.optional().meta({ description: "The framework's summary as this company serves it." }),
    version: z
      .string()
      .regex(SEMVER_PATTERN, { message: 'must be a semantic version such as 1.2.0' })
      .optional()
      .meta({ description: "The company framework's own version, set by `altitude release` with this overlay." }),
  })
  .meta({ description: 'An overlay: a company ladder on top of the upstream framework.' });

export type OverlayHeaderInput = z.infer<typeof OverlayHeader>;

export const CONTENT_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** Keys an overlay entry may carry besides the item's own fields. */
export const OverlayEntryKeys = {
  hidden: z.literal(true).meta({ description: 'Hide the upstream item of this slug; every reference to it must be resolved.' }),
  basedOn: z
    .string()
    .regex(CONTENT_HASH_PATTERN, { message: 'must be a content hash such as sha256:3f2a… (altitude check prints the one to use)' })
    .meta({ description: 'The upstream contentHash this amendment was written against; altitude overlay pin records it.' }),
};
