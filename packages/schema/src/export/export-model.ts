import { z } from 'zod';

// The canonical JSON form of the framework: what `altitude export --format
// json`, /export/framework.json, release snapshots and webhook payloads carry.
// Markdown fields hold the Markdown as authored; references are slugs.

const Slug = z.string().meta({ description: 'Stable kebab-case identifier, unique within its collection and never reused.' });
const Hash = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/)
  .meta({ description: 'sha256 of the item as authored; changes exactly when its content changes.' });
const Markdown = z.string().meta({ description: 'Markdown text.' });
const MarkdownList = z.array(Markdown);

const Citation = z.strictObject({
  source: Slug.meta({ description: 'Slug of the source cited.' }),
  section: z.string().meta({ description: 'A section heading of that source.' }),
});

const Basis = z
  .enum(['sourced', 'interpreted'])
  .meta({ description: "`sourced`: the cited sections say it; `interpreted`: the framework's judgement built on them." });

const Quotation = z
  .strictObject({
    text: z.string().meta({ description: 'The exact words.' }),
    speaker: z.string().nullable().meta({ description: "Who said them, when not the article's author." }),
    ...Citation.shape,
  })
  .meta({ description: 'Words quoted exactly, attributed.' });

const entity = {
  slug: Slug,
  title: z.string(),
  summary: Markdown,
  basis: Basis,
  interpretation: Markdown.nullable().meta({ description: "What is the framework's judgement; null when sourced." }),
  quotations: z.array(Quotation),
  sources: z.array(Citation),
  contentHash: Hash,
};

const AtLevel = z
  .array(z.strictObject({ level: Slug, text: Markdown, basis: Basis }))
  .meta({ description: 'What the item looks like at each level, in rank order.' });

export const SourceJson = z
  .strictObject({
    slug: Slug,
    title: z.string(),
    author: z.string().nullable(),
    publisher: z.string().nullable(),
    published: z.string().nullable().meta({ description: 'YYYY-MM-DD, when known.' }),
    url: z.string().nullable(),
    summary: Markdown,
    sections: z.array(z.string()),
    contentHash: Hash,
  })
  .meta({ title: 'Source', description: 'An article the framework rests on.' });

export const DimensionJson = z
  .strictObject({ ...entity, position: z.int().min(0), description: Markdown })
  .meta({ title: 'Dimension', description: 'Something levels are compared on; `position` orders comparison rows.' });

export const LevelJson = z
  .strictObject({
    ...entity,
    rank: z.int(),
    description: Markdown,
    expectations: z.array(
      z.strictObject({ dimension: Slug, headline: z.string(), text: Markdown, basis: Basis, quotation: Quotation.nullable() }),
    ),
    signalsBelow: z
      .array(z.strictObject({ text: Markdown, basis: Basis }))
      .meta({ description: 'Observable signs that someone holding the level operates below it.' }),
  })
  .meta({ title: 'Level', description: 'A rung of the ladder with one expectation per dimension, in dimension order.' });

export const TransitionJson = z
  .strictObject({ ...entity, from: Slug, to: Slug, whatChanges: MarkdownList, whyPeopleStall: MarkdownList })
  .meta({ title: 'Transition', description: 'The step from one level to the next.' });

export const LeverageMechanismJson = z
  .strictObject({ ...entity, description: Markdown, inPractice: MarkdownList, atLevel: AtLevel })
  .meta({ title: 'LeverageMechanism', description: 'A way the role creates leverage.' });

export const FailureModeJson = z
  .strictObject({ ...entity, description: Markdown, symptoms: MarkdownList, consequences: MarkdownList, preventedBy: z.array(Slug) })
  .meta({ title: 'FailureMode', description: 'A way companies get the role wrong; `preventedBy` names org practices.' });

export const OrgPracticeJson = z
  .strictObject({ ...entity, description: Markdown, examples: MarkdownList })
  .meta({ title: 'OrgPractice', description: 'Something companies that get the role right do.' });

export const CapabilityJson = z.strictObject({ ...entity, description: Markdown, atLevel: AtLevel }).meta({ title: 'Capability' });
export const TensionJson = z.strictObject({ ...entity, description: Markdown }).meta({ title: 'Tension' });
export const MisconceptionJson = z
  .strictObject({ ...entity, reality: Markdown, relatedFailureModes: z.array(Slug) })
  .meta({ title: 'Misconception' });
export const GlossaryTermJson = z
  .strictObject(entity)
  .meta({ title: 'GlossaryTerm', description: 'A word used in one sense throughout: `title` is the term, `summary` its definition.' });

/** Collection name → the JSON shape of its items. */
export const exportCollections = {
  sources: SourceJson,
  dimensions: DimensionJson,
  levels: LevelJson,
  transitions: TransitionJson,
  leverageMechanisms: LeverageMechanismJson,
  failureModes: FailureModeJson,
  orgPractices: OrgPracticeJson,
  capabilities: CapabilityJson,
  tensions: TensionJson,
  misconceptions: MisconceptionJson,
  glossary: GlossaryTermJson,
} as const;

export const FRAMEWORK_EXPORT_FORMAT = 'altitude.framework';
/** 2: every item says its basis, quotations, levels on capabilities and mechanisms, a glossary (content 0.2.0). */
export const FRAMEWORK_EXPORT_FORMAT_VERSION = 2;

export const FrameworkExport = z
  .strictObject({
    $schema: z.string().meta({ description: 'URL of this JSON Schema.' }),
    format: z.literal(FRAMEWORK_EXPORT_FORMAT),
    formatVersion: z.literal(FRAMEWORK_EXPORT_FORMAT_VERSION),
    framework: z.strictObject({
      title: z.string(),
      summary: Markdown,
      description: Markdown.nullable(),
      version: z.string().meta({ description: 'Semantic version of the content.' }),
      contentHash: Hash.meta({ description: 'sha256 over every item; changes whenever any content changes.' }),
      locale: z.string().optional().meta({
        description:
          'BCP 47 tag of the language the text is served in (`en`, `de`); a string missing or stale in it is served in its fallback locale. Absent in exports made before the framework had translations.',
      }),
    }),
    ...(Object.fromEntries(Object.entries(exportCollections).map(([name, item]) => [name, z.array(item)])) as {
      [K in keyof typeof exportCollections]: z.ZodArray<(typeof exportCollections)[K]>;
    }),
  })
  .meta({
    title: 'Altitude framework export',
    description: 'The Distinguished Engineer role framework in canonical JSON: every item with its stable slug and content hash.',
  });

export type FrameworkExportJson = z.infer<typeof FrameworkExport>;
export type ExportCollection = keyof typeof exportCollections;
export type EntityJson = z.infer<(typeof exportCollections)[ExportCollection]>;

/**
 * A release snapshot written in format 1 (content 0.1.x): read for the
 * change feed, which needs only each item's slug and hash, and kept as it was
 * published. Its items lack the fields format 2 added.
 */
export const LegacyFrameworkExport = z.strictObject({
  $schema: z.string(),
  format: z.literal(FRAMEWORK_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  framework: z.looseObject({ title: z.string(), summary: Markdown, version: z.string(), contentHash: Hash }),
  ...(Object.fromEntries(
    Object.keys(exportCollections)
      .filter((name) => name !== 'glossary')
      .map((name) => [name, z.array(z.looseObject({ slug: Slug, contentHash: Hash }))]),
  ) as Record<Exclude<ExportCollection, 'glossary'>, z.ZodArray<z.ZodObject<{ slug: typeof Slug; contentHash: typeof Hash }>>>),
});

export type LegacyFrameworkExportJson = z.infer<typeof LegacyFrameworkExport>;

export function frameworkExportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FrameworkExport, { target: 'draft-2020-12' }),
    $id: 'https://altitude.example.com/export/framework.schema.json',
  };
}
