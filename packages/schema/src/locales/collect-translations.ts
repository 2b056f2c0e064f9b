import type { RawItem } from '../loader/collect-items.js';
import type { ContentError } from '../loader/content-error.js';
import { formatFieldPath, type PathSegment } from '../loader/field-path.js';
import type { ContentFileText } from '../loader/read-content-files.js';
import { closest } from '../loader/shape-errors.js';
import { mappingFiles, type YamlFile } from '../loader/yaml-file.js';
import { collectionNames, type CollectionName } from '../model/index.js';
import { markdownProblem } from '../model/markdown-bounds.js';
import { translatableFields, translatableStrings } from './translatable.js';
import { isMapping } from '../loader/overlay/merge-patch.js';

/** One translated string, where it was written, and the hash of the English it was made from. */
export interface TranslatedString {
  readonly text: string;
  readonly from: string;
  readonly yaml: YamlFile;
  readonly path: readonly PathSegment[];
}

/** A locale's translations, keyed `<collection>/<slug>` (`framework/` for the header), then by string key. */
export type LocaleTranslations = ReadonlyMap<string, ReadonlyMap<string, TranslatedString>>;

const HASH = /^[0-9a-f]{12}$/;

/** Every leaf of a translation entry (other than slug and translatedFrom), with its path. */
function leaves(value: unknown, path: PathSegment[], out: { path: PathSegment[]; value: unknown }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (isMapping(value)) for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else out.push({ path, value });
}

/**
 * Reads one locale's translation files against the items they translate:
 * every unknown slug, unknown field and wrong type is a located error, and
 * every translated string must say which English it was made from.
 */
export function collectTranslations(
  files: readonly ContentFileText[],
  items: readonly RawItem[],
  header: Record<string, unknown>,
  hidden: ReadonlySet<string> = new Set(),
): { translations: LocaleTranslations; errors: ContentError[]; warnings: ContentError[]; strings: number } {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const translations = new Map<string, Map<string, TranslatedString>>();
  const bySlug = new Map(items.map((item) => [`${item.collection}/${item.slug}`, item]));
  let strings = 0;

  for (const { yaml, data } of mappingFiles(
    files,
    errors,
    `a translation file must be a mapping of collections (${collectionNames.join(', ')}) or framework`,
  )) {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'framework') {
        if (!isMapping(value)) errors.push(yaml.errorAt([key], 'expected the translated framework header (title, summary, description)'));
        else entry('framework', undefined, header, yaml, [key], value);
        continue;
      }
      if (!(collectionNames as string[]).includes(key)) {
        const suggestion = closest(key, [...collectionNames, 'framework']);
        errors.push(yaml.errorAt([key], `unknown collection "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, 'key'));
        continue;
      }
      if (!Array.isArray(value)) {
        errors.push(yaml.errorAt([key], `expected a list of ${key} entries, each with a slug`));
        continue;
      }
      value.forEach((raw: unknown, index) => {
        const path = [key, index];
        if (!isMapping(raw) || typeof raw.slug !== 'string') {
          errors.push(yaml.errorAt(path, 'expected an entry with the slug of the item it translates'));
          return;
        }
        const item = bySlug.get(`${key}/${raw.slug}`);
        // An item an overlay hides is not served, so neither is its translation.
        if (!item && hidden.has(`${key}/${raw.slug}`)) return;
        if (!item) {
          // A warning, not an error: translators work apart from authors, and an item removed
          // from the content must not stop the translations of everything else being served.
          const known = items.filter((i) => i.collection === key).map((i) => i.slug ?? '');
          const suggestion = closest(raw.slug, known);
          warnings.push(
            yaml.errorAt(
              [...path, 'slug'],
              `there is no ${key} item "${raw.slug}" to translate${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; the entry is ignored: remove it, or fix its slug`,
            ),
          );
          return;
        }
        entry(key as CollectionName, raw.slug, item.value as Record<string, unknown>, yaml, path, raw);
      });
    }
  }
  return { translations, errors, warnings, strings };

  function entry(
    collection: CollectionName | 'framework',
    slug: string | undefined,
    source: Record<string, unknown>,
    yaml: YamlFile,
    at: PathSegment[],
    raw: Record<string, unknown>,
  ): void {
    const sourceKeys = new Map(translatableStrings(collection, source).map((s) => [s.key, s]));
    const { slug: _slug, translatedFrom, ...fields } = raw;
    const from = isMapping(translatedFrom) ? translatedFrom : {};
    if (translatedFrom !== undefined && !isMapping(translatedFrom))
      errors.push(
        yaml.errorAt([...at, 'translatedFrom'], 'expected a mapping of each translated field to the hash of the English it translates'),
      );
    const found: { path: PathSegment[]; value: unknown }[] = [];
    leaves(fields, [], found);
    const strings_ = new Map<string, TranslatedString>();
    for (const { path, value } of found) {
      const key = formatFieldPath(path);
      if (!sourceKeys.has(key)) {
        const fieldNames = translatableFields(collection);
        const field = String(path[0]);
        if (fieldNames.includes(field)) {
          // The English no longer has this string (a list got shorter, a dimension went):
          // drift between authors and translators, reported but not in the way of serving.
          warnings.push(yaml.errorAt([...at, ...path], `the English has no "${key}" any more; the translation is ignored: remove it`));
        } else {
          const suggestion = closest(field, fieldNames);
          errors.push(
            yaml.errorAt(
              [...at, ...path],
              `unknown field "${field}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; translatable here: ${fieldNames.join(', ')}`,
              'key',
            ),
          );
        }
        continue;
      }
      if (typeof value !== 'string') {
        errors.push(
          yaml.errorAt([...at, ...path], `expected the translated text, got ${value === null ? 'an empty value' : typeof value}`),
        );
        continue;
      }
      // Translations bypass the content model, so the bounds on what a
      // string may cost to render are checked here, as the model checks them.
      const problem = markdownProblem(value);
      if (problem !== undefined) {
        errors.push(yaml.errorAt([...at, ...path], problem));
        continue;
      }
      const hash = from[key];
      if (typeof hash !== 'string' || !HASH.test(hash)) {
        errors.push(
          yaml.errorAt(
            hash === undefined ? [...at, ...path] : [...at, 'translatedFrom', key],
            hash === undefined
              ? `"${key}" is translated but translatedFrom does not say from which English; add ${key}: <the 12-digit hash altitude locales status prints>`
              : 'expected the first 12 hex digits of the sha256 of the English text',
          ),
        );
        continue;
      }
      strings_.set(key, { text: value, from: hash, yaml, path: [...at, ...path] });
    }
    for (const key of Object.keys(from))
      if (!strings_.has(key) && !found.some((f) => formatFieldPath(f.path) === key))
        errors.push(
          yaml.errorAt([...at, 'translatedFrom', key], `translatedFrom names "${key}", which this entry does not translate`, 'key'),
        );
    strings += strings_.size;
    const id = `${collection}/${slug ?? ''}`;
    translations.set(id, new Map([...(translations.get(id) ?? []), ...strings_]));
  }
}
