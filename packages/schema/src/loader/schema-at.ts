import type { z } from 'zod';
import type { PathSegment } from './field-path.js';

type AnySchema = z.core.$ZodType;

/**
 * The zod schema that governs the value at `path` inside `root`, found by
 * walking objects, arrays, records and optionals. Used to list the fields
 * allowed where an unknown one was written.
 */
export function schemaAt(root: AnySchema, path: readonly PathSegment[]): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(root);
  for (const segment of path) {
    if (!current) return undefined;
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object' && typeof segment === 'string') {
      current = (def.shape as Record<string, AnySchema>)[segment];
    } else if (def.type === 'array') {
      current = def.element as AnySchema;
    } else if (def.type === 'record') {
      current = def.valueType as AnySchema;
    } else {
      return undefined;
    }
    current = current ? unwrap(current) : undefined;
  }
  return current;
}

export function objectKeys(schema: AnySchema | undefined): string[] {
  if (!schema) return [];
  const def = schema._zod.def as unknown as { type: string; shape?: Record<string, unknown> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as unknown as { type: string; innerType?: AnySchema };
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) current = def.innerType;
    else return current;
  }
}
