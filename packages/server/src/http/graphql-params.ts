import { sha256 } from '../graphql/cache-key.js';
import type { AutomaticPersistedQueries } from '../graphql/automatic-persisted-queries.js';
import { persistedOperation, PERSISTED_OPERATIONS, type PersistedOperation } from '../graphql/persisted-operations.js';
import { GraphqlHttpError } from './graphql-errors.js';

/**
 * The longest query text taken: far beyond any real document (the token
 * limit stops those near 1,000 tokens), and short enough that a parsed one,
 * about 70 times its text in memory, stays small. Comments and long strings
 * pass the token limit; this bounds them.
 */
export const MAX_QUERY_CHARACTERS = 32 * 1024;

/** A GraphQL request's parameters, from a query string or a JSON body. */
export interface GraphqlParams {
  readonly query: string | undefined;
  readonly operationName: string | undefined;
  readonly variables: unknown;
  readonly extensions: unknown;
  /** A widget's persisted operation (`?id=`). */
  readonly id: string | undefined;
  /** A POST's body as JSON.parse gave it, so yoga need not parse it again. */
  readonly body?: object;
}

/** The document a request runs, once `id` and automatic persisted queries are resolved. */
export interface ResolvedRequest {
  readonly params: GraphqlParams;
  /** Undefined when the request sends none; yoga then says so. */
  readonly text: string | undefined;
  readonly operationName: string | undefined;
  /** The request names its document (by id or hash) instead of carrying it: yoga must be handed the text. */
  readonly named: boolean;
  /** A hash that was sent with its document and checked: registered once yoga finds the document valid. */
  readonly register: string | undefined;
}

/** The parameters of a GET; `variables` and `extensions` must be JSON objects (yoga would fail on anything else with a 500). */
export function paramsOfUrl(url: URL): GraphqlParams {
  const search = url.searchParams;
  return {
    query: search.get('query') ?? undefined,
    operationName: search.get('operationName') || undefined,
    variables: jsonParam(search, 'variables'),
    extensions: jsonParam(search, 'extensions'),
    id: search.get('id') ?? undefined,
  };
}

/** The parameters of a POST body; undefined when it is not one JSON object (yoga explains what is wrong). */
export function paramsOfBody(body: Buffer): GraphqlParams | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const { query, operationName, variables, extensions } = parsed as Record<string, unknown>;
  if ((query !== undefined && typeof query !== 'string') || (operationName != null && typeof operationName !== 'string')) return undefined;
  if (!isObjectOrAbsent(variables) || !isObjectOrAbsent(extensions)) return undefined;
  return { query, operationName: operationName || undefined, variables, extensions, id: undefined, body: parsed };
}

/**
 * The document a request runs: the one it carries, a widget's persisted
 * operation (`id`), or an automatic persisted query
 * (`extensions.persistedQuery.sha256Hash`, as Apollo Client and urql send it).
 * An unknown hash is answered PersistedQueryNotFound, which makes those
 * clients send the document with its hash; the hash is checked against it.
 */
export function resolveRequest(params: GraphqlParams, apq: AutomaticPersistedQueries): ResolvedRequest {
  if (params.query !== undefined && params.query.length > MAX_QUERY_CHARACTERS)
    throw new GraphqlHttpError(
      400,
      `The query is ${params.query.length} characters long, over the limit of ${MAX_QUERY_CHARACTERS} (comments and spaces count). Send a shorter document.`,
      'QUERY_TOO_LONG',
    );
  const plain = { params, operationName: params.operationName, named: false, register: undefined };
  if (params.id !== undefined) {
    const persisted = checkPersisted(params.id, params.query);
    return { ...plain, text: persisted.text, operationName: persisted.name, named: true };
  }
  const hash = persistedQueryHash(params.extensions);
  if (hash === undefined) return { ...plain, text: params.query };
  if (params.query !== undefined) {
    const actual = sha256(params.query);
    if (actual !== hash)
      throw new GraphqlHttpError(
        400,
        `extensions.persistedQuery.sha256Hash is ${hash}, but the SHA-256 of the query sent is ${actual}. Hash the exact query text you send.`,
        'PERSISTED_QUERY_HASH_MISMATCH',
      );
    return { ...plain, text: params.query, register: hash };
  }
  // A widget's persisted operation is known by its hash too.
  const text = apq.get(hash) ?? persistedOperation(hash)?.text;
  if (text === undefined)
    // The message and the code are what Apollo Client and urql look for before sending the query itself.
    throw new GraphqlHttpError(404, 'PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND');
  return { ...plain, text, named: true };
}

/** The hash of an automatic persisted query, if the extensions ask for one. */
function persistedQueryHash(extensions: unknown): string | undefined {
  if (extensions === null || typeof extensions !== 'object') return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (persisted === undefined || persisted === null) return undefined;
  const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1)
    throw new GraphqlHttpError(
      400,
      `extensions.persistedQuery.version is ${JSON.stringify(version)?.slice(0, 20)}; this server speaks version 1 of automatic persisted queries.`,
      'PERSISTED_QUERY_NOT_SUPPORTED',
    );
  if (typeof sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(sha256Hash))
    throw new GraphqlHttpError(
      400,
      'extensions.persistedQuery.sha256Hash must be the SHA-256 of the query, as 64 lowercase hexadecimal digits.',
      'BAD_REQUEST',
    );
  return sha256Hash;
}

/** The persisted operation a GET names by id; a 400 when there is none or the GET also sends a query. */
function checkPersisted(id: string, query: string | undefined): PersistedOperation {
  if (query !== undefined) {
    throw new GraphqlHttpError(400, 'Send either id (a persisted operation) or query, not both.', 'BAD_REQUEST');
  }
  const operation = persistedOperation(id);
  if (!operation) {
    const known = [...PERSISTED_OPERATIONS.values()].map((o) => `${o.name} (${o.id})`).join(', ');
    throw new GraphqlHttpError(
      400,
      `Unknown persisted operation id "${id.slice(0, 80)}". This server knows: ${known}. To run any other query, send it as query.`,
      'PERSISTED_OPERATION_NOT_FOUND',
    );
  }
  return operation;
}

const isObjectOrAbsent = (value: unknown) => value == null || (typeof value === 'object' && !Array.isArray(value));

function jsonParam(search: URLSearchParams, name: string): unknown {
  const value = search.get(name);
  if (value === null || value === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new GraphqlHttpError(400, `The ${name} parameter is not valid JSON (${(error as Error).message}).`, 'BAD_REQUEST');
  }
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed)))
    throw new GraphqlHttpError(400, `The ${name} parameter must be a JSON object, like {"slug":"staff"}.`, 'BAD_REQUEST');
  return parsed;
}
