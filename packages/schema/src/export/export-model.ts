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

const entity = {
  slug: Slug,
  title: z.string(),
  summary: Markdown,
  sources: z.array(Citation),
  contentHash: Hash,
};

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
    expectations: z.array(z.strictObject({ dimension: Slug, headline: z.string(), text: Markdown })),
  })
  .meta({ title: 'Level', description: 'A rung of the ladder with one expectation per dimension, in dimension order.' });

export const TransitionJson = z
  .strictObject({ ...entity, from: Slug, to: Slug, whatChanges: MarkdownList, whyPeopleStall: MarkdownList })
  .meta({ title: 'Transition', description: 'The step from one level to the next.' });

export const LeverageMechanismJson = z
  .strictObject({ ...entity, description: Markdown, inPractice: MarkdownList })
  .meta({ title: 'LeverageMechanism', description: 'A way the role creates leverage.' });

export const FailureModeJson = z
  .strictObject({ ...entity, description: Markdown, symptoms: MarkdownList, consequences: MarkdownList, preventedBy: z.array(Slug) })
  .meta({ title: 'FailureMode', description: 'A way companies get the role wrong; `preventedBy` names org practices.' });

export const OrgPracticeJson = z
  .strictObject({ ...entity, description: Markdown, examples: MarkdownList })
  .meta({ title: 'OrgPractice', description: 'Something companies that get the role right do.' });

export const CapabilityJson = z.strictObject({ ...entity, description: Markdown }).meta({ title: 'Capability' });
export const TensionJson = z.strictObject({ ...entity, description: Markdown }).meta({ title: 'Tension' });
export const MisconceptionJson = z
  .strictObject({ ...entity, reality: Markdown, relatedFailureModes: z.array(Slug) })
  .meta({ title: 'Misconception' });

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
} as const;

export const FRAMEWORK_EXPORT_FORMAT = 'altitude.framework';
export const FRAMEWORK_EXPORT_FORMAT_VERSION = 1;

export const FrameworkExport = z
  .strictObject({
    $schema: z.string().meta({ description: 'URL of this JSON Schema.' }),
    format: z.literal(FRAMEWORK_EXPORT_FORMAT),
    formatVersion: z.literal(FRAMEWORK_EXPORT_FORMAT_VERSION),
    framework: z.strictObject({
      title: z.string(),
      summary: Markdown,
      version: z.string().meta({ description: 'Semantic version of the content.' }),
      contentHash: Hash.meta({ description: 'sha256 over every item; changes whenever any content changes.' }),
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

export function frameworkExportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FrameworkExport, { target: 'draft-2020-12' }),
    $id: 'https://altitude.example.com/export/framework.schema.json',
  };
}
