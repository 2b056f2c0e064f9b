import type { z } from 'zod';
import { ContentFile, FrameworkMeta, collectionNames, collections, type CollectionName, type FrameworkMetaInput } from '../model/index.js';
import type { ContentError } from './content-error.js';
import type { PathSegment } from './field-path.js';
import type { ContentFileText } from './read-content-files.js';
import { objectKeys, schemaAt } from './schema-at.js';
import { shapeErrors } from './shape-errors.js';
import { mappingFiles, type YamlFile } from './yaml-file.js';

/** An item as written, whether or not it passed validation. */
export interface RawItem {
  readonly collection: CollectionName;
  readonly yaml: YamlFile;
  readonly path: readonly PathSegment[];
  /** The written slug when it is a string, even if the item is otherwise invalid. */
  readonly slug: string | undefined;
  /** The item as written, for reference checks that still apply when its shape is wrong. */
  readonly raw: unknown;
  /** The validated item, or undefined when it has shape errors. */
  readonly value: unknown;
}

export interface RawHeader {
  readonly yaml: YamlFile;
  readonly value: FrameworkMetaInput | undefined;
}

export interface CollectedContent {
  readonly items: RawItem[];
  readonly headers: RawHeader[];
  readonly errors: ContentError[];
}

/**
 * Parses and validates every file item by item, so that one bad item does not
 * hide the errors of the others, and the slugs of bad items still count when
 * other items refer to them (no spurious "unknown slug" errors).
 */
export function collectItems(files: readonly ContentFileText[]): CollectedContent {
  const items: RawItem[] = [];
  const headers: RawHeader[] = [];
  const errors: ContentError[] = [];
  const allowedKeysAt = (path: readonly PathSegment[]) => objectKeys(schemaAt(ContentFile, path));

  for (const { yaml, data } of mappingFiles(
    files,
    errors,
    `a content file must be a mapping of collections (${collectionNames.join(', ')})`,
  )) {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'framework') {
        const result = FrameworkMeta.safeParse(value);
        if (!result.success) errors.push(...shapeErrors(yaml, prefix(result.error.issues, ['framework']), allowedKeysAt));
        headers.push({ yaml, value: result.success ? result.data : undefined });
        continue;
      }
      if (!(collectionNames as string[]).includes(key)) {
        errors.push(...shapeErrors(yaml, [{ code: 'unrecognized_keys', keys: [key], path: [], message: '', input: data }], allowedKeysAt));
        continue;
      }
      const collection = key as CollectionName;
      if (!Array.isArray(value)) {
        errors.push(
          yaml.errorAt([collection], `expected a list of ${collection}, got ${value === null ? 'an empty value' : typeof value}`),
        );
        continue;
      }
      const schema = collections[collection] as z.ZodType;
      value.forEach((item: unknown, index) => {
        const path = [collection, index];
        const result = schema.safeParse(item);
        if (!result.success) errors.push(...shapeErrors(yaml, prefix(result.error.issues, path), allowedKeysAt));
        const slug = item && typeof item === 'object' && 'slug' in item && typeof item.slug === 'string' ? item.slug : undefined;
        items.push({ collection, yaml, path, slug, raw: item, value: result.success ? result.data : undefined });
      });
    }
  }
  return { items, headers, errors };
}

function prefix(issues: readonly z.core.$ZodIssue[], path: readonly PathSegment[]): z.core.$ZodIssue[] {
  return issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }));
}
