import { z } from 'zod';
import { markdownProblem } from './markdown-bounds.js';

/** kebab-case, lower-case ASCII: stable in URLs, YAML keys and global IDs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Slug = z
  .string()
  .regex(SLUG_PATTERN, {
    message: 'must be kebab-case: lower-case letters and digits separated by single hyphens',
  })
  .meta({ description: 'Stable kebab-case identifier; never reused once published.' });

/**
 * Markdown source text. Rendered to sanitised HTML by the loader, on the
 * server's event loop: text past the bounds of markdown-bounds.ts (length,
 * nesting, open marks) is refused here, where its file and line are known.
 */
export const Markdown = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .superRefine((text, context) => {
    const problem = markdownProblem(text);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  })
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

/** The name of the section that holds an article's text before its first heading. */
export const INTRODUCTION_SECTION = 'Introduction';

export const Basis = z.enum(['sourced', 'interpreted']).meta({
  description:
    "`sourced`: the cited sections say this. `interpreted`: the framework's own judgement, built on the cited sections (say which part in `interpretation`).",
});

/** Longest quotation, in words: a phrase or a question, never a passage. */
export const MAX_QUOTATION_WORDS = 12;

export const Quotation = z
  .strictObject({
    text: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty' })
      .refine((text) => text.split(/\s+/).length <= MAX_QUOTATION_WORDS, {
        message: `must be at most ${MAX_QUOTATION_WORDS} words: quote a phrase, and say the rest in our words`,
      })
      .meta({ description: `The exact words of the cited section, at most ${MAX_QUOTATION_WORDS}.` }),
    speaker: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ description: "Who said it, when it is someone quoted by the article rather than the article's author." }),
    ...Citation.shape,
  })
  .meta({ description: 'Words quoted exactly, where the exact words matter, attributed to their source and section.' });

export const Quotations = z
  .array(Quotation)
  .max(4, { message: 'must hold at most 4 quotations: the content is ours, quotations are the exception' })
  .meta({ description: 'Exact words the item quotes, each attributed.' });

/** Fields every framework entity shares; each entity schema extends these. */
export const entityFields = {
  slug: Slug,
  title: Title,
  summary: Markdown.meta({ description: 'One or two sentences, in Markdown.' }),
  basis: Basis,
  interpretation: Markdown.optional().meta({
    description: "Required when `basis` is interpreted: what is the framework's judgement, and what the cited sections do say.",
  }),
  quotations: Quotations.optional(),
  sources: Citations,
};

/** A short text and whether the sources say it: the parts of an item that carry their own basis. */
export const basedText = (text: string, description: string) =>
  z.strictObject({ text: Markdown.meta({ description: text }), basis: Basis }).meta({ description });

/** What an item says of one level: a capability or a mechanism at Staff, Principal or Distinguished. */
export const LevelNote = basedText('What it looks like at this level, in a sentence or three.', "An item's expectation at one level.");

export const AtLevel = z.record(Slug, LevelNote).meta({
  description: 'One entry per level, keyed by level slug. Every level must be covered; read in order, the entries show what changes.',
});

export const MarkdownList = (description: string) =>
  z.array(Markdown).min(1, { message: 'must list at least one item' }).meta({ description });
