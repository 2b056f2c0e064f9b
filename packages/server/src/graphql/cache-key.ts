import { hash } from 'node:crypto';
import { Kind, OperationTypeNode, parse, print, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { QUERY_LIMITS } from './armor.js';

/** What the response cache needs to know about a document. */
export interface DocumentShape {
  /** SHA-256 of the document as graphql-js prints it: spacing and comments do not change it. */
  readonly digest: string;
  /** The variables each query declares, by operation name ('' for an anonymous one). Mutations and subscriptions are absent: never cached. */
  readonly queries: ReadonlyMap<string, readonly string[]>;
  /** How many operations the document holds, of any kind. */
  readonly operations: number;
}

export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/** The shape of a parsed document. */
export function shapeOf(document: DocumentNode): DocumentShape {
  const queries = new Map<string, readonly string[]>();
  let operations = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    operations++;
    if (definition.operation !== OperationTypeNode.QUERY) continue;
    queries.set(
      definition.name?.value ?? '',
      (definition.variableDefinitions ?? []).map((v) => v.variable.name.value),
    );
  }
  return { digest: sha256(print(document)), queries, operations };
}

/** Documents longer than this are shaped on every request instead of remembered: the widgets' are under 1 KiB. */
const MAX_REMEMBERED_TEXT = 16 * 1024;
const MAX_REMEMBERED = 500;

/**
 * The shapes of documents seen lately, by their text. Bounded: at most
 * 500 documents of at most 16 KiB each (8 MiB at worst), the least
 * recently used forgotten first. A document that does not parse (or has more tokens than
 * the query limits allow) has no shape: it is never cached, and yoga says
 * what is wrong with it.
 */
export class DocumentShapes {
  /** `false`: the text does not parse (lru-cache holds no null). */
  readonly #byText = new LRUCache<string, DocumentShape | false>({ max: MAX_REMEMBERED });

  of(text: string): DocumentShape | undefined {
    const known = this.#byText.get(text);
    if (known !== undefined) return known || undefined;
    let shape: DocumentShape | false;
    try {
      shape = shapeOf(parse(text, { noLocation: true, maxTokens: QUERY_LIMITS.maxTokens }));
    } catch {
      shape = false;
    }
    if (text.length <= MAX_REMEMBERED_TEXT) this.#byText.set(text, shape);
    return shape || undefined;
  }
}

/** What makes one answer differ from another. */
export interface AnswerParts {
  readonly shape: DocumentShape;
  readonly operationName: string | undefined;
  readonly variables: unknown;
  /** The Accept header: yoga's content type follows it. */
  readonly accept: string;
}

/**
 * The response cache's key for a request: a digest of the printed document,
 * the operation, the values of the variables that operation declares (keys
 * sorted) and Accept. Anything else a request carries (unused variables,
 * other extensions, spacing) leads to the same key, so it cannot make a new
 * entry. Undefined when the answer must not be cached: a mutation, an
 * operation the document does not hold, variables that are not an object, or
 * values nested too deep to write out.
 */
export function answerKey({ shape, operationName, variables, accept }: AnswerParts): string | undefined {
  const name = operationName || (shape.operations === 1 ? [...shape.queries.keys()][0] : undefined);
  const declared = name === undefined ? undefined : shape.queries.get(name);
  if (declared === undefined) return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  const given = (variables ?? {}) as Record<string, unknown>;
  const budget = { left: MAX_VARIABLE_VALUES };
  let used = '';
  for (const variable of [...declared].sort()) {
    if (!Object.hasOwn(given, variable) || given[variable] === undefined) continue;
    const value = canonicalJson(given[variable], 0, budget);
    if (value === undefined) return undefined;
    used += `${JSON.stringify(variable)}:${value},`;
  }
  return hash('sha256', `${shape.digest}\n${name}\n${accept}\n${used}`, 'base64url');
}

const MAX_DEPTH = 32;
/**
 * Values (list items, object fields, scalars) written out for one key at
 * most. A request with more is not cached: its key would cost more to work
 * out than it saves, and no widget sends one (hostile ones do: 20,000 ids).
 */
const MAX_VARIABLE_VALUES = 1000;

/**
 * JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` agree;
 * undefined beyond MAX_DEPTH or once the budget of values is spent.
 */
function canonicalJson(value: unknown, depth: number, budget: { left: number }): string | undefined {
  if (--budget.left < 0) return undefined;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth >= MAX_DEPTH) return undefined;
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const json = canonicalJson(item, depth + 1, budget);
      if (json === undefined) return undefined;
      parts.push(json);
    }
    return `[${parts.join(',')}]`;
  }
  for (const key of Object.keys(value).sort()) {
    const json = canonicalJson((value as Record<string, unknown>)[key], depth + 1, budget);
    if (json === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${parts.join(',')}}`;
}
