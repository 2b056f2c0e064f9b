import { z } from 'zod';

/** kebab-case, lower-case ASCII: stable in URLs, YAML keys and global IDs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Slug = z
  .string()
  .regex(SLUG_PATTERN, {
    message: 'must be kebab-case: lower-case letters and digits separated by single hyphens',
  })
  .meta({ description: 'Stable kebab-case identifier; never reused once published.' });

/** Markdown source text. Rendered to sanitised HTML by the loader. */
export const Markdown = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .meta({ description: 'Markdown text (CommonMark + GitHub tables). Raw HTML is stripped on render.' });

export const Title = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .meta({ description: 'Human-readable name, shown as a heading.' });

export const Citation = z
  .strictObject({
    source: Slug.meta({ description: 'Slug of a source in sources.yaml.' }),
    section: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty' })
      .meta({ description: 'A section heading that exists in that source (listed in its `sections`).' }),
  })
  .meta({ description: 'Where in a source an item rests.' });

export const Citations = z
  .array(Citation)
  .min(1, { message: 'must cite at least one source section' })
  .meta({ description: 'Every item cites the source sections it rests on.' });

/** Fields every framework entity shares; each entity schema extends these. */
export const entityFields = {
  slug: Slug,
  title: Title,
  summary: Markdown.meta({ description: 'One or two sentences, in Markdown.' }),
  sources: Citations,
};

export const MarkdownList = (description: string) =>
  z.array(Markdown).min(1, { message: 'must list at least one item' }).meta({ description });
