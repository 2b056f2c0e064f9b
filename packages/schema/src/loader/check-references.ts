import path from 'node:path';
import type { CollectionName } from '../model/index.js';
import { MAX_COLLECTION_ITEMS, SLUG_PATTERN } from '../model/index.js';
import type { ContentError } from './content-error.js';
import type { CollectedContent, RawItem } from './collect-items.js';
import type { PathSegment } from './field-path.js';
import { closest } from './shape-errors.js';

/** First item written for each slug, per collection. */
export type SlugIndex = ReadonlyMap<CollectionName, ReadonlyMap<string, RawItem>>;

/** What one item of a collection is called in messages. */
export const NOUN: Record<CollectionName, string> = {
  sources: 'source',
  dimensions: 'dimension',
  levels: 'level',
  transitions: 'transition',
  leverageMechanisms: 'leverage mechanism',
  failureModes: 'failure mode',
  orgPractices: 'org practice',
  capabilities: 'capability',
  tensions: 'tension',
  misconceptions: 'misconception',
  glossary: 'glossary term',
};

// References are checked on the item as written, with guards, so that an item
// with an unrelated shape error (say, an unknown field) still has its dangling
// references reported in the same run.
type Raw = Record<string, unknown>;
const asRecord = (value: unknown): Raw | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const asInt = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);

/**
 * Everything the shape alone cannot tell: unique slugs, one framework header,
 * and every reference pointing at something that exists.
 */
export function checkReferences(
  content: CollectedContent,
  contentDir: string,
  cwd: string,
  hidden: ReadonlyMap<string, { readonly overlay: string }> = new Map(),
  maxItems?: number,
): { errors: ContentError[]; index: SlugIndex } {
  const errors: ContentError[] = [];
  const index = new Map<CollectionName, Map<string, RawItem>>();

  for (const item of content.items) {
    if (item.slug === undefined || !SLUG_PATTERN.test(item.slug)) continue; // shape errors already say so
    const bySlug = index.get(item.collection) ?? new Map<string, RawItem>();
    index.set(item.collection, bySlug);
    const first = bySlug.get(item.slug);
    if (first) {
      const pos = first.yaml.positionOf([...first.path, 'slug']);
      errors.push(
        item.yaml.errorAt(
          [...item.path, 'slug'],
          `duplicate slug "${item.slug}": a ${NOUN[item.collection]} with this slug is already defined at ${path.relative(cwd, first.yaml.file) || first.yaml.file}:${pos.line}:${pos.column}`,
        ),
      );
    } else {
      bySlug.set(item.slug, item);
    }
  }

  const counts = new Map<CollectionName, number>();
  for (const item of content.items) {
    const count = (counts.get(item.collection) ?? 0) + 1;
    counts.set(item.collection, count);
    // Reported once, at the first item over the limit.
    const max = maxItems ?? MAX_COLLECTION_ITEMS[item.collection];
    if (count === max + 1)
      errors.push(
        item.yaml.errorAt(
          item.path,
          `too many ${NOUN[item.collection]} items: ${item.collection} holds at most ${max}, and this is item ${count}`,
        ),
      );
  }

  if (content.headers.length === 0) {
    errors.push({
      file: contentDir,
      line: 1,
      column: 1,
      field: 'framework',
      message: 'no content file declares the `framework:` header (title, summary, version)',
    });
  }
  for (const extra of content.headers.slice(1)) {
    errors.push(extra.yaml.errorAt(['framework'], 'the `framework:` header is declared more than once; keep exactly one', 'key'));
  }

  const slugs = (collection: CollectionName) => [...(index.get(collection)?.keys() ?? [])];
  const rawOf = (collection: CollectionName, slug: string) => asRecord(index.get(collection)?.get(slug)?.raw);

  /** Reports `slug` at `at` when it names nothing in `collection`; true when it resolves. */
  const expectSlug = (
    item: RawItem,
    at: readonly PathSegment[],
    collection: CollectionName,
    slug: unknown,
    how: 'key' | 'value' = 'value',
  ) => {
    if (typeof slug !== 'string') return false; // a shape error already covers it
    if (index.get(collection)?.has(slug)) return true;
    const hiddenBy = hidden.get(`${collection}/${slug}`);
    if (hiddenBy) {
      errors.push(
        item.yaml.errorAt(
          [...item.path, ...at],
          `refers to ${NOUN[collection]} "${slug}", which overlay ${hiddenBy.overlay} hides; hide or amend this item too, or stop hiding it`,
          how,
        ),
      );
      return false;
    }
    const known = slugs(collection);
    const suggestion = closest(slug, known);
    errors.push(
      item.yaml.errorAt(
        [...item.path, ...at],
        `unknown ${NOUN[collection]} "${slug}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ${known.length ? `known ${NOUN[collection]}s: ${known.join(', ')}` : `no ${NOUN[collection]}s are defined`}`,
        how,
      ),
    );
    return false;
  };

  /** A citation (or quotation) at `at` names a source and one of its sections. */
  const expectCitation = (item: RawItem, at: readonly PathSegment[], entry: unknown) => {
    const citation = asRecord(entry);
    if (!citation || !expectSlug(item, [...at, 'source'], 'sources', citation.source)) return;
    const sections = asList(rawOf('sources', citation.source as string)?.sections).filter((s): s is string => typeof s === 'string');
    const section = asString(citation.section);
    if (section !== undefined && !sections.includes(section)) {
      errors.push(
        item.yaml.errorAt(
          [...item.path, ...at, 'section'],
          `unknown section "${section}" in source "${String(citation.source)}"; its sections are: ${sections.map((s) => `"${s}"`).join(', ')}`,
        ),
      );
    }
  };

  const dimensionSlugs = slugs('dimensions');
  const levelSlugs = slugs('levels');
  const ranks = new Map<number, RawItem>();

  for (const item of content.items) {
    const raw = asRecord(item.raw);
    if (!raw) continue;

    asList(raw.sources).forEach((entry, i) => expectCitation(item, ['sources', i], entry));
    asList(raw.quotations).forEach((entry, i) => expectCitation(item, ['quotations', i], entry));

    // Interpretation is the framework's own judgement: a reader is told which part.
    if (raw.basis === 'interpreted' && raw.interpretation === undefined) {
      errors.push(
        item.yaml.errorAt(
          [...item.path, 'basis'],
          "an interpreted item needs `interpretation`: say what is the framework's judgement and what the cited sections do say",
        ),
      );
    }
    if (raw.basis === 'sourced' && raw.interpretation !== undefined) {
      errors.push(
        item.yaml.errorAt(
          [...item.path, 'interpretation'],
          '`interpretation` is for interpreted items; this one is marked sourced (the cited sections say it)',
          'key',
        ),
      );
    }

    const atLevel = asRecord(raw.atLevel);
    if (atLevel) {
      for (const key of Object.keys(atLevel)) expectSlug(item, ['atLevel', key], 'levels', key, 'key');
      const missing = levelSlugs.filter((l) => !(l in atLevel));
      if (missing.length > 0) {
        errors.push(
          item.yaml.errorAt(
            [...item.path, 'atLevel'],
            `missing an entry for level${missing.length === 1 ? '' : 's'} ${missing.map((m) => `"${m}"`).join(', ')}; every level needs one`,
            'key',
          ),
        );
      }
    }

    switch (item.collection) {
      case 'levels': {
        const expectations = asRecord(raw.expectations);
        if (expectations) {
          for (const [key, cell] of Object.entries(expectations)) {
            expectSlug(item, ['expectations', key], 'dimensions', key, 'key');
            const quotation = asRecord(cell)?.quotation;
            if (quotation !== undefined) expectCitation(item, ['expectations', key, 'quotation'], quotation);
          }
          const missing = dimensionSlugs.filter((d) => !(d in expectations));
          if (missing.length > 0) {
            errors.push(
              item.yaml.errorAt(
                [...item.path, 'expectations'],
                `missing an expectation for dimension${missing.length === 1 ? '' : 's'} ${missing.map((m) => `"${m}"`).join(', ')}; every level needs one per dimension`,
                'key',
              ),
            );
          }
        }
        const rank = asInt(raw.rank);
        if (rank === undefined) break;
        const clash = ranks.get(rank);
        if (clash)
          errors.push(
            item.yaml.errorAt([...item.path, 'rank'], `rank ${rank} is already used by level "${clash.slug ?? '?'}"; ranks must be unique`),
          );
        else ranks.set(rank, item);
        break;
      }
      case 'transitions': {
        const okFrom = expectSlug(item, ['from'], 'levels', raw.from);
        const okTo = expectSlug(item, ['to'], 'levels', raw.to);
        const fromRank = okFrom ? asInt(rawOf('levels', raw.from as string)?.rank) : undefined;
        const toRank = okTo ? asInt(rawOf('levels', raw.to as string)?.rank) : undefined;
        if (fromRank !== undefined && toRank !== undefined && toRank <= fromRank) {
          errors.push(
            item.yaml.errorAt(
              [...item.path, 'to'],
              `level "${String(raw.to)}" (rank ${toRank}) must rank above "${String(raw.from)}" (rank ${fromRank})`,
            ),
          );
        }
        break;
      }
      case 'failureModes':
        asList(raw.preventedBy).forEach((slug, i) => expectSlug(item, ['preventedBy', i], 'orgPractices', slug));
        break;
      case 'misconceptions':
        asList(raw.relatedFailureModes).forEach((slug, i) => expectSlug(item, ['relatedFailureModes', i], 'failureModes', slug));
        break;
      default:
        break;
    }
  }
  return { errors, index };
}
