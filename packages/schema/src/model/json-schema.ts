import { z } from 'zod';
import { ContentFile } from './index.js';

/**
 * JSON Schema (draft 2020-12) for content files, from the same zod model the
 * loader validates with, so editor autocompletion and `altitude check` agree.
 */
export function contentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ContentFile, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://altitude.example.com/schema/content.schema.json',
  };
}

export function contentJsonSchemaText(): string {
  return `${JSON.stringify(contentJsonSchema(), null, 2)}\n`;
}
