import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerOptions } from '../config/server-options.js';
import type { ContentStore } from '../content/content-store.js';
import { persistedOperation, PERSISTED_OPERATIONS, type PersistedOperation } from '../graphql/persisted-operations.js';
import { ResponseCache, type CachedResponse } from '../graphql/response-cache.js';
import type { CompleteAnswers } from '../graphql/complete-answers.js';
import type { GraphqlYoga } from '../graphql/yoga.js';
import type { Logger } from '../logger.js';
import { CSRF_HEADERS, corsPolicy, type CorsPolicy } from './cors.js';
import { GraphqlHttpError, sendGraphqlError } from './graphql-errors.js';
import { readBody } from './read-body.js';
import { prepareBytes, sendPrepared } from './send.js';

/**
 * How long shared caches (a CDN) may serve an answer, and then serve it stale
 * while they fetch a fresh one. Browsers keep it a minute, then revalidate by ETag.
 */
export const GRAPHQL_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400';

/** Yoga's answer, and whether it was complete (data, no errors), so worth keeping. */
export interface Executed {
  readonly response: Response;
  readonly complete: boolean;
}

/** Runs a GraphQL request through yoga; separate so the timeout can be tested with a slow one. */
export type Execute = (request: Request) => Promise<Executed>;

/**
 * `/graphql`, in front of yoga: CORS, CSRF prevention, the body limit, the
 * execution timeout, persisted operations (`GET ?id=…&variables=…`) and the
 * response cache. A cached answer is written straight from memory, which is
 * what lets the widgets' traffic run near the speed of static files.
 */
export function createGraphqlRoute(store: ContentStore, logger: Logger, options: ServerOptions, execute: Execute) {
  const cache = new ResponseCache();
  const cors: CorsPolicy = corsPolicy(options.corsOrigins);

  // With one CORS answer for every origin, a cached answer's headers are the
  // same for every request: they are laid out once, on its first send.
  const sameForAll = !cors.vary;

  const send = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse, cacheable: boolean) => {
    if (sameForAll && entry.prepared) return sendPrepared(req, res, entry.prepared);
    const prepared = prepareBytes(entry, {
      ...cors.headers(req),
      'content-type': entry.contentType,
      // Only GETs can be held by shared caches; a POST answer is the reader's alone.
      'cache-control': cacheable ? GRAPHQL_CACHE_CONTROL : 'no-store',
      vary: cors.vary ? 'accept, accept-encoding, origin' : 'accept, accept-encoding',
    });
    if (sameForAll) entry.prepared = prepared;
    sendPrepared(req, res, prepared);
  };

  /** Runs the request through yoga, and keeps a successful answer for the next request with the same key. */
  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    key: string,
    body: Buffer | undefined,
    persisted: PersistedOperation | undefined,
  ) => {
    const version = store.framework.contentHash;
    const shared = body === undefined;
    const stop = new AbortController();
    const executed = await withTimeout(execute(toFetchRequest(req, url, body, persisted, stop.signal)), options.queryTimeoutMs);
    if (!executed) {
      // Yoga's execution cancellation stops resolving at the next field.
      stop.abort();
      logger.warn('query timed out', { timeoutMs: options.queryTimeoutMs, operation: persisted?.name ?? operationNameOf(body) });
      throw new GraphqlHttpError(
        200,
        `The query did not finish within ${options.queryTimeoutMs} ms and was stopped. Ask for fewer fields or fewer items.`,
        'QUERY_TIMEOUT',
        true,
      );
    }
    const { response } = executed;
    const bytes = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? 'application/json; charset=utf-8';
    if (response.status === 200 && executed.complete) {
      return send(req, res, cache.set(version, key, bytes, contentType), shared);
    }
    if (bytes.length === 0 && response.status >= 400) throw emptyRefusal(response.status);
    const headers: Record<string, string> = { ...cors.headers(req), 'content-type': contentType, 'cache-control': 'no-store' };
    const allow = response.headers.get('allow');
    if (allow) headers.allow = allow;
    res.writeHead(response.status, { ...headers, 'content-length': String(bytes.length) }).end(req.method === 'HEAD' ? undefined : bytes);
  };

  const getKey = (req: IncomingMessage) => cacheKey('G', req, searchOf(req));

  /** Sends the cached answer to a GET, if there is one; says whether it did. */
  const sendCachedGet = (req: IncomingMessage, res: ServerResponse, key: string): boolean => {
    const hit = cache.get(store.framework.contentHash, key);
    if (hit) send(req, res, hit, true);
    return hit !== undefined;
  };

  /**
   * Synchronous up to the cache: a cached GET is answered without a promise.
   * A GET's parameters are checked only on a miss, since a cached key has
   * already passed the same checks.
   */
  const route = (req: IncomingMessage, res: ServerResponse, url: URL, cacheTried: boolean): Promise<void> | void => {
    const method = req.method ?? '';
    if (method === 'GET' || method === 'HEAD') {
      const key = getKey(req);
      if (!cacheTried && sendCachedGet(req, res, key)) return;
      const id = url.searchParams.get('id');
      const persisted = id === null ? undefined : checkPersisted(id, url);
      checkJsonParams(url);
      return answer(req, res, url, key, undefined, persisted);
    }
    if (method === 'OPTIONS') return cors.preflight(req, res);
    if (method !== 'POST') {
      throw new GraphqlHttpError(405, `${method} is not allowed on /graphql; use GET or POST.`, 'METHOD_NOT_ALLOWED', false, {
        allow: 'GET, HEAD, POST, OPTIONS',
      });
    }
    if (!isPreflighted(req)) {
      throw new GraphqlHttpError(
        403,
        'This POST could be a cross-site request forgery (a plain form can send it), so it was refused. ' +
          'Send the body as JSON with Content-Type: application/json, or add the header X-Altitude-CSRF: 1.',
        'CSRF_PREVENTED',
      );
    }
    return readBody(req, options.maxBodyBytes).then((body) => {
      const key = cacheKey('P', req, body.toString('latin1'));
      const hit = cache.get(store.framework.contentHash, key);
      return hit ? send(req, res, hit, false) : answer(req, res, url, key, body, undefined);
    });
  };

  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    if (error instanceof GraphqlHttpError) return sendGraphqlError(req, res, error, cors.headers(req));
    logger.error('graphql request failed', { error: String(error), stack: (error as Error).stack });
    sendGraphqlError(
      req,
      res,
      new GraphqlHttpError(400, 'The request could not be processed; the server log has the details.', 'BAD_REQUEST'),
      cors.headers(req),
    );
  };

  /** `cacheTried`: the app already asked answerFromCache, which missed. */
  const handle = (req: IncomingMessage, res: ServerResponse, url: URL, cacheTried = false): void => {
    try {
      route(req, res, url, cacheTried)?.catch((error: unknown) => fail(req, res, error));
    } catch (error) {
      fail(req, res, error);
    }
  };

  /**
   * Sends the cached answer to a GET when there is one, and says whether it
   * did: the app asks this before it parses the URL, as the key is the raw
   * query string. Only a request the route answered before can be in the cache.
   */
  const answerFromCache = (req: IncomingMessage, res: ServerResponse): boolean =>
    (req.method === 'GET' || req.method === 'HEAD') && sendCachedGet(req, res, getKey(req));

  return Object.assign(handle, { answerFromCache });
}

/** The query string as the client wrote it, `?` included. */
function searchOf(req: IncomingMessage): string {
  const target = req.url ?? '';
  const start = target.indexOf('?');
  return start === -1 ? '' : target.slice(start);
}

/**
 * What a cached answer is filed under. The query string (or body) as the
 * client sent it is the key: the widgets always send the canonical form, and
 * any other spelling only costs its own entry. Accept is part of it, as
 * yoga's answer (its content type) depends on it.
 */
function cacheKey(method: 'G' | 'P', req: IncomingMessage, request: string): string {
  return `${method}\n${req.headers.accept ?? ''}\n${request}`;
}

/**
 * Whether a POST can only have been sent after a CORS preflight, so a page on
 * another origin could not have forged it. GETs need no such proof: they can
 * only run queries (yoga refuses mutations over GET, and this schema has
 * none), and a forged one cannot read the answer. That is what lets widgets
 * send plain, cacheable GETs with no preflight round-trip.
 */
function isPreflighted(req: IncomingMessage): boolean {
  if (CSRF_HEADERS.some((name) => req.headers[name])) return true;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  // The three content types a plain <form> can send; anything else needs a preflight.
  return type !== '' && type !== 'text/plain' && type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data';
}

/** The persisted operation a GET names by id; a 400 when there is none or the GET also sends a query. */
function checkPersisted(id: string, url: URL): PersistedOperation {
  if (url.searchParams.has('query')) {
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

/** `variables` and `extensions` in a query string must be JSON objects; yoga would fail on anything else with a 500. */
function checkJsonParams(url: URL): void {
  for (const name of ['variables', 'extensions']) {
    const value = url.searchParams.get(name);
    if (value === null || value === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      throw new GraphqlHttpError(400, `The ${name} parameter is not valid JSON (${(error as Error).message}).`, 'BAD_REQUEST');
    }
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed)))
      throw new GraphqlHttpError(400, `The ${name} parameter must be a JSON object, like {"slug":"staff"}.`, 'BAD_REQUEST');
  }
}

/** Yoga refuses some requests with a status and no body; say why, in GraphQL's shape. */
function emptyRefusal(status: number): GraphqlHttpError {
  if (status === 406)
    return new GraphqlHttpError(
      406,
      'This endpoint answers application/graphql-response+json or application/json, and the Accept header allows neither.',
      'NOT_ACCEPTABLE',
    );
  if (status === 415)
    return new GraphqlHttpError(415, 'Send the body as application/json (or application/graphql-response+json).', 'UNSUPPORTED_MEDIA_TYPE');
  return new GraphqlHttpError(status, `The request was refused (HTTP ${status}).`, 'BAD_REQUEST');
}

/** The request yoga sees: a persisted id becomes the document it names. */
function toFetchRequest(
  req: IncomingMessage,
  url: URL,
  body: Buffer | undefined,
  persisted: PersistedOperation | undefined,
  signal: AbortSignal,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const one of [value].flat()) headers.append(name, one);
  }
  let target = url;
  if (persisted) {
    target = new URL(url.pathname, url);
    target.searchParams.set('query', persisted.text);
    target.searchParams.set('operationName', persisted.name);
    const variables = url.searchParams.get('variables');
    if (variables !== null) target.searchParams.set('variables', variables);
  }
  const method = req.method === 'HEAD' ? 'GET' : req.method!;
  return new Request(target, { method, headers, body: method === 'POST' && body ? new Uint8Array(body) : null, signal });
}

/** The operationName a POST body gives, for the log. */
function operationNameOf(body: Buffer | undefined): string | undefined {
  try {
    return body ? (JSON.parse(body.toString('utf8')) as { operationName?: string }).operationName : undefined;
  } catch {
    return undefined;
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Yoga's fetch, as the route's executor; `answers` is the plugin yoga was created with. */
export function yogaExecutor(yoga: GraphqlYoga, answers: CompleteAnswers): Execute {
  return async (request) => {
    const response = await yoga.fetch(request, {});
    return { response, complete: answers.has(request) };
  };
}
