import { collectionNames, SLUG_PATTERN, type CollectionName } from '../../model/index.js';
import { OverlayEntryKeys, OverlayHeader, type OverlayHeaderInput } from '../../model/overlay.js';
import type { ContentError } from '../content-error.js';
import type { PathSegment } from '../field-path.js';
import type { ContentFileText } from '../read-content-files.js';
import { closest, shapeErrors } from '../shape-errors.js';
import { mappingFiles, type YamlFile } from '../yaml-file.js';
import { isMapping } from './merge-patch.js';

/** One entry of an overlay as written: the item's own fields, and what the overlay says about it. */
export interface OverlayEntry {
  readonly collection: CollectionName;
  readonly yaml: YamlFile;
  readonly path: readonly PathSegment[];
  readonly slug: string;
  /** The entry without `hidden` and `basedOn`: a patch for an amendment, a whole item for an addition. */
  readonly fields: Record<string, unknown>;
  readonly hidden: boolean;
  readonly basedOn: string | undefined;
}

export interface CollectedOverlay {
  readonly dir: string;
  readonly header: { readonly yaml: YamlFile; readonly value: OverlayHeaderInput } | undefined;
  readonly entries: OverlayEntry[];
  readonly errors: ContentError[];
}

const TOP_LEVEL_KEYS = ['overlay', ...collectionNames];

/**
 * Parses an overlay folder's files entry by entry. Only what an overlay adds
 * to the content format is checked here (the header, slugs, `hidden`,
 * `basedOn`); the items themselves are checked once merged, like content.
 */
export function collectOverlay(dir: string, files: readonly ContentFileText[]): CollectedOverlay {
  const entries: OverlayEntry[] = [];
  const errors: ContentError[] = [];
  let header: CollectedOverlay['header'];

  for (const { yaml, data } of mappingFiles(
    files,
    errors,
    `an overlay file must be a mapping of collections (${collectionNames.join(', ')}) or \`overlay:\``,
  )) {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'overlay') {
        const result = OverlayHeader.safeParse(value);
        if (!result.success)
          errors.push(...shapeErrors(yaml, prefixed(result.error.issues, ['overlay']), () => Object.keys(OverlayHeader.shape)));
        else if (header)
          errors.push(yaml.errorAt(['overlay'], 'the `overlay:` header is declared more than once; keep exactly one', 'key'));
        else header = { yaml, value: result.data };
        continue;
      }
      if (!(collectionNames as string[]).includes(key)) {
        const suggestion = closest(key, TOP_LEVEL_KEYS);
        errors.push(
          yaml.errorAt(
            [key],
            `unknown collection "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; an overlay file holds ${TOP_LEVEL_KEYS.join(', ')}`,
            'key',
          ),
        );
        continue;
      }
      const collection = key as CollectionName;
      if (!Array.isArray(value)) {
        errors.push(yaml.errorAt([collection], `expected a list of ${collection} entries, each with a slug`));
        continue;
      }
      value.forEach((raw: unknown, index) => {
        const path = [collection, index];
        const entry = overlayEntry(collection, yaml, path, raw, errors);
        if (entry) entries.push(entry);
      });
    }
  }
  if (!header && errors.length === 0)
    errors.push({
      file: dir,
      line: 1,
      column: 1,
      field: '',
      message: 'no overlay.yaml with an `overlay:` header (name, and optionally title and summary); `altitude overlay init` writes one',
    });
  return { dir, header, entries, errors };
}

function overlayEntry(
  collection: CollectionName,
  yaml: YamlFile,
  path: readonly PathSegment[],
  raw: unknown,
  errors: ContentError[],
): OverlayEntry | undefined {
  if (!isMapping(raw)) {
    errors.push(yaml.errorAt(path, 'expected an entry with a slug (and the fields it amends or adds)'));
    return undefined;
  }
  const { hidden, basedOn, ...fields } = raw;
  if (typeof fields.slug !== 'string' || !SLUG_PATTERN.test(fields.slug)) {
    errors.push(
      yaml.errorAt([...path, 'slug'], 'every overlay entry needs a kebab-case slug: the upstream item it changes, or its new item'),
    );
    return undefined;
  }
  let ok = true;
  if (hidden !== undefined && !OverlayEntryKeys.hidden.safeParse(hidden).success) {
    errors.push(yaml.errorAt([...path, 'hidden'], 'hidden takes only `true`; leave it out to keep the item'));
    ok = false;
  }
  if (basedOn !== undefined) {
    const result = OverlayEntryKeys.basedOn.safeParse(basedOn);
    if (!result.success) {
      errors.push(yaml.errorAt([...path, 'basedOn'], result.error.issues[0]!.message));
      ok = false;
    }
  }
  if (hidden === true && Object.keys(fields).length > 1) {
    const extra = Object.keys(fields).find((k) => k !== 'slug')!;
    errors.push(
      yaml.errorAt(
        [...path, extra],
        'a hidden entry takes only slug (and basedOn): the item is not served, so there is nothing to amend',
        'key',
      ),
    );
    ok = false;
  }
  return ok
    ? { collection, yaml, path, slug: fields.slug, fields, hidden: hidden === true, basedOn: basedOn as string | undefined }
    : undefined;
}

function prefixed<T extends { path: PropertyKey[] }>(issues: readonly T[], path: readonly PathSegment[]): T[] {
  return issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }));
}
