import { ArgumentError } from '../graph/argument-error.js';
import MiniSearch from 'minisearch';
import type { Entity, Framework } from '../graph/types.js';
import { makeSnippet, type Snippet } from './snippet.js';

export interface SearchHit {
  readonly entity: Entity;
  readonly score: number;
  readonly snippet: Snippet;
}

export const MAX_SEARCH_RESULTS = 50;
/** Longer text is refused: a search box's question, not a document. */
export const MAX_SEARCH_TEXT_LENGTH = 200;
/** More words are refused; each word is one pass over the index. */
export const MAX_SEARCH_WORDS = 10;
/**
 * Typos are forgiven (fuzzy matching) only in words up to this long. MiniSearch's
 * fuzzy match fills an edit-distance matrix whose size grows with the square of
 * the word's length: a 20,000-letter word held the event loop for seconds. No
 * word of the framework is this long, so a longer one can only match exactly
 * (or as a prefix, which costs one walk down the index).
 */
export const MAX_FUZZY_WORD_LENGTH = 20;

/** Search text over the limits above; the message names the limit and what was sent. */
export class SearchTextError extends ArgumentError {
  override readonly name = 'SearchTextError';
}

interface IndexedDoc {
  id: number;
  title: string;
  summary: string;
  body: string;
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

// One index per loaded framework; a reload builds a new graph, so the old
// index is collected with it.
const indexes = new WeakMap<Framework, MiniSearch<IndexedDoc>>();

function indexFor(framework: Framework): MiniSearch<IndexedDoc> {
  let index = indexes.get(framework);
  if (!index) {
    index = new MiniSearch<IndexedDoc>({
      fields: ['title', 'summary', 'body'],
      searchOptions: {
        boost: { title: 3, summary: 1.5 },
        prefix: true,
        fuzzy: (term) => (term.length <= MAX_FUZZY_WORD_LENGTH ? 0.2 : false),
        combineWith: 'AND',
      },
    });
    index.addAll(
      framework.entities.map((entity, id) => ({ id, title: entity.title, summary: entity.summary.text, body: bodyText(entity) })),
    );
    indexes.set(framework, index);
  }
  return index;
}

/**
 * Ranked hits across every entity type. All query words must match (with
 * prefix and light fuzzy matching); when none does, any word may, so a
 * partly misspelt query still finds something.
 */
export function searchFramework(framework: Framework, text: string, first = 10): SearchHit[] {
  return searchPage(framework, text, 0, first).hits;
}

/** Hits `offset` to `offset + first` of a search, and how many there are in all. */
export function searchPage(framework: Framework, text: string, offset: number, first: number): { hits: SearchHit[]; total: number } {
  checkSearchText(text);
  const query = text.trim();
  if (!query) return { hits: [], total: 0 };
  const index = indexFor(framework);
  let results = index.search(query);
  if (results.length === 0) results = index.search(query, { combineWith: 'OR' });
  const hits = results.slice(offset, offset + first).map((result) => {
    const entity = framework.entities[result.id as number]!;
    return {
      entity,
      score: Math.round(result.score * 1000) / 1000,
      snippet: makeSnippet([entity.summary.text, bodyText(entity), entity.title], result.terms),
    };
  });
  return { hits, total: results.length };
}

function checkSearchText(text: string): void {
  if (text.length > MAX_SEARCH_TEXT_LENGTH)
    throw new SearchTextError(`text must be at most ${MAX_SEARCH_TEXT_LENGTH} characters, got ${text.length}.`, {
      argument: 'text',
      value: text.length,
    });
  const words = tokenize(text).filter(Boolean).length;
  if (words > MAX_SEARCH_WORDS)
    throw new SearchTextError(`text must be at most ${MAX_SEARCH_WORDS} words, got ${words}.`, { argument: 'text', value: words });
}

/** Every text an entity carries beyond its title and summary. */
export function bodyText(entity: Entity): string {
  const parts: string[] = [];
  switch (entity.kind) {
    case 'Dimension':
    case 'Tension':
      parts.push(entity.description.text);
      break;
    case 'Capability':
      parts.push(entity.description.text, ...entity.atLevel.map((n) => n.text.text));
      break;
    case 'Level':
      parts.push(
        entity.description.text,
        ...entity.expectations.map((e) => `${e.headline}. ${e.text.text}`),
        ...entity.signalsBelow.map((s) => s.text.text),
      );
      break;
    case 'Transition':
      parts.push(...entity.whatChanges.map((t) => t.text), ...entity.whyPeopleStall.map((t) => t.text));
      break;
    case 'LeverageMechanism':
      parts.push(entity.description.text, ...entity.inPractice.map((t) => t.text), ...entity.atLevel.map((n) => n.text.text));
      break;
    case 'FailureMode':
      parts.push(entity.description.text, ...entity.symptoms.map((t) => t.text), ...entity.consequences.map((t) => t.text));
      break;
    case 'OrgPractice':
      parts.push(entity.description.text, ...entity.examples.map((t) => t.text));
      break;
    case 'Misconception':
      parts.push(entity.reality.text);
      break;
    case 'GlossaryTerm':
      break;
  }
  return parts.join(' ');
}
