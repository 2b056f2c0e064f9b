import { z } from 'zod';
import { Markdown, Title } from './common.js';

export const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export const FrameworkMeta = z
  .strictObject({
    title: Title,
    summary: Markdown.meta({ description: 'What the framework is, in a few sentences.' }),
    description: Markdown.optional().meta({ description: 'The framework in a few short paragraphs: what it rests on and what it claims.' }),
    version: z
      .string()
      .regex(SEMVER_PATTERN, { message: 'must be a semantic version such as 1.2.0' })
      .meta({ description: 'Semantic version of the content.' }),
  })
  .meta({ description: 'The framework as a whole. Exactly one content file declares it.' });

export type FrameworkMetaInput = z.infer<typeof FrameworkMeta>;
