import { z } from 'zod';
import { collectionNames, collections } from './index.js';
import { OverlayEntryKeys, OverlayHeader } from './overlay.js';
import { Slug } from './common.js';

/**
 * JSON Schema (draft 2020-12) for overlay files, for editors: the overlay
 * header, and per collection entries with every field of the item (so names,
 * types and descriptions autocomplete) plus `hidden` and `basedOn`. Nothing
 * but `slug` is required, since an amendment gives only what it changes;
 * `altitude check` says when an addition is incomplete.
 */
export function overlayJsonSchema(): Record<string, unknown> {
  const entry = (name: (typeof collectionNames)[number]) =>
    (collections[name] as z.ZodObject)
      .partial()
      .extend({ slug: Slug, hidden: OverlayEntryKeys.hidden.optional(), basedOn: OverlayEntryKeys.basedOn.optional() });
  const file = z
    .strictObject({
      overlay: OverlayHeader.optional(),
      ...Object.fromEntries(collectionNames.map((name) => [name, z.array(entry(name)).optional()])),
    })
    .meta({
      title: 'Altitude overlay file',
      description: "A company's amendments, additions and hidden items on top of the Altitude framework.",
    });
  return {
    ...withoutNestedRequired(z.toJSONSchema(file, { io: 'input', target: 'draft-2020-12' })),
    $id: 'https://altitude.example.com/schema/overlay.schema.json',
  };
}

/**
 * Keeps only the `required` that hold for every entry (its `slug`) and for the
 * header (its `name`): an amendment may give one field of one cell.
 */
function withoutNestedRequired(schema: unknown): Record<string, unknown> {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'required' || !Array.isArray(child)) out[key] = walk(child);
      else if (child.includes('slug')) out[key] = ['slug'];
      else if (child.includes('name')) out[key] = ['name'];
    }
    return out;
  };
  return walk(schema) as Record<string, unknown>;
}

export function overlayJsonSchemaText(): string {
  return `${JSON.stringify(overlayJsonSchema(), null, 2)}\n`;
}
