import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerOptions } from '../config/server-options.js';
import type { ContentStore } from '../content/content-store.js';
import { AutomaticPersistedQueries } from '../graphql/automatic-persisted-queries.js';
import { answerKey, DocumentShapes } from '../graphql/cache-key.js';
import { ResponseCache, type CachedResponse } from '../graphql/response-cache.js';
import type { CompleteAnswers } from '../graphql/complete-answers.js';
import type { GraphqlYoga } from '../graphql/yoga.js';
import type { Logger } from '../logger.js';
import { CSRF_HEADERS, corsPolicy, type CorsPolicy } from './cors.js';
import { GraphqlHttpError, sendGraphqlError } from './graphql-errors.js';
import { paramsOfBody, paramsOfUrl, resolveRequest, type ResolvedRequest } from './graphql-params.js';
import { readBody } from './read-body.js';
import { prepareBytes, sendPrepared, type PreparedBytes } from './send.js';

/**
 * How long shared caches (a CDN) may serve an answer, and then serve it stale
 * while they fetch a fresh one. Browsers keep it a minute, then revalidate by ETag.
 */
export const GRAPHQL_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400';

/** Most entries the response cache holds, whatever their size (its bytes are bounded by options.cacheMaxBytes). */
export const CACHE_MAX_ENTRIES = 2000;

/** POST bodies up to this long are remembered as they are, beside the answer's key (see ResponseCache.alias). */
const MAX_POST_ALIAS_BYTES = 2000;

/**
 * A fresh answer smaller than this goes out uncompressed even to a client
 * that accepts gzip: most are never asked for again, and gzip is most of the
 * work of a cache miss. Its repeats are sent gzipped.
 */
const EAGER_GZIP_BYTES = 64 * 1024;

/** Yoga's answer, whether it was complete (data, no errors), so worth keeping, and whether its document was valid. */
export interface Executed {
  readonly response: Response;
  readonly complete: boolean;
  readonly valid?: boolean;
}

/** A request for yoga, as URL and init: yoga builds it with its own (lighter) Request class. */
export interface YogaRequest {
  readonly url: string;
  readonly init: { method: string; headers: Record<string, string>; body: Buffer | null; signal: AbortSignal };
  /** A POST body already parsed by the route: handed to yoga as it is, as parsing a large one twice blocks the server twice. */
  readonly parsed?: object;
}

/** Runs a GraphQL request through yoga; separate so the timeout can be tested with a slow one. */
export type Execute = (request: YogaRequest) => Promise<Executed>;

/**
 * `/graphql`, in front of yoga: CORS, CSRF prevention, the body limit, the
 * execution timeout, persisted operations (`GET ?id=…&variables=…`),
 * automatic persisted queries (graphql-params.ts) and the response cache. A cached answer is written straight from memory, which is
 * what lets the widgets' traffic run near the speed of static files.
 */
export function createGraphqlRoute(store: ContentStore, logger: Logger, options: ServerOptions, execute: Execute) {
  const cache = new ResponseCache(CACHE_MAX_ENTRIES, options.cacheMaxBytes);
  const apq = new AutomaticPersistedQueries();
  const shapes = new DocumentShapes();
  const cors: CorsPolicy = corsPolicy(options.corsOrigins);

  // With one CORS answer for every origin, a cached answer's headers are the
  // same for every request: they are laid out once, on its first send.
  const sameForAll = !cors.vary;

  /** `fresh`: just computed, so sent uncompressed when small (see EAGER_GZIP_BYTES). */
  const send = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse, cacheable: boolean, fresh = false) => {
    const which = cacheable ? 'shared' : 'private';
    let prepared = entry.prepared?.[which];
    if (!sameForAll || !prepared) {
      prepared = prepareBytes(entry, {
        ...cors.headers(req),
        'content-type': entry.contentType,
        // Only GETs can be held by shared caches; a POST answer is the reader's alone.
        'cache-control': cacheable ? GRAPHQL_CACHE_CONTROL : 'no-store',
        vary: cors.vary ? 'accept, accept-encoding, origin' : 'accept, accept-encoding',
      });
      if (sameForAll) (entry.prepared ??= {})[which] = prepared;
    }
    // A client that holds the uncompressed answer (sent when it was fresh) is told it is still good.
    const holdsIdentity = req.headers['if-none-match']?.includes(entry.etag) === true;
    const identity = holdsIdentity || (fresh && !entry.gzipped && entry.body.length < EAGER_GZIP_BYTES);
    sendPrepared(req, res, identity ? identityOnly(prepared) : prepared);
  };

  /** What a cached answer is filed under, or undefined when it must not be cached (see answerKey). */
  const keyOf = (req: IncomingMessage, resolved: ResolvedRequest): string | undefined => {
    if (resolved.text === undefined) return undefined;
    const shape = shapes.of(resolved.text);
    return (
      shape &&
      answerKey({ shape, operationName: resolved.operationName, variables: resolved.params.variables, accept: req.headers.accept ?? '' })
    );
  };

  /**
   * Sends the cached answer when there is one, else runs the request through
   * yoga and keeps a complete answer. `alias`: a GET's raw query string, so
   * that its repeats find the answer without working out the key.
   */
  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    resolved: ResolvedRequest,
    body: Buffer | undefined,
    alias: string | undefined,
  ) => {
    const version = store.framework.contentHash;
    const shared = body === undefined;
    const key = keyOf(req, resolved);
    if (key !== undefined) {
      const hit = cache.get(version, key);
      if (hit) {
        // A kept answer means the document ran in full, so it is valid: a
        // hash the store has since forgotten is remembered again, or clients
        // would get PersistedQueryNotFound for as long as the answer is kept.
        if (resolved.register !== undefined) apq.register(resolved.register, resolved.text!);
        if (alias !== undefined) cache.alias(version, key, alias);
        return send(req, res, hit, shared);
      }
    }
    const stop = new AbortController();
    const executed = await withTimeout(execute(toYogaRequest(req, url, body, resolved, stop.signal)), options.queryTimeoutMs);
    if (!executed) {
      // Yoga's execution cancellation stops resolving at the next field.
      stop.abort();
      logger.warn('query timed out', { timeoutMs: options.queryTimeoutMs, operation: resolved.operationName });
      throw new GraphqlHttpError(
        200,
        `The query did not finish within ${options.queryTimeoutMs} ms and was stopped. Ask for fewer fields or fewer items.`,
        'QUERY_TIMEOUT',
        true,
      );
    }
    if (resolved.register !== undefined && executed.valid) apq.register(resolved.register, resolved.text!);
    const { response } = executed;
    const bytes = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? 'application/json; charset=utf-8';
    if (response.status === 200 && executed.complete && key !== undefined) {
      return send(req, res, cache.set(version, key, bytes, contentType, alias), shared, true);
    }
    if (bytes.length === 0 && response.status >= 400) throw emptyRefusal(response.status);
    const headers: Record<string, string> = { ...cors.headers(req), 'content-type': contentType, 'cache-control': 'no-store' };
    const allow = response.headers.get('allow');
    if (allow) headers.allow = allow;
    res.writeHead(response.status, { ...headers, 'content-length': String(bytes.length) }).end(req.method === 'HEAD' ? undefined : bytes);
  };

  /** A GET's fast-path key: its query string exactly as sent (`?` first, or empty), and Accept, which yoga's answer depends on. */
  const aliasOf = (req: IncomingMessage) => `${req.headers.accept ?? ''}\n${searchOf(req)}`;

  /** Sends the cached answer to a GET whose exact query string was answered before; says whether it did. */
  const sendCachedGet = (req: IncomingMessage, res: ServerResponse, alias: string): boolean => {
    const hit = cache.getByAlias(store.framework.contentHash, alias);
    if (hit) send(req, res, hit, true);
    return hit !== undefined;
  };

  /**
   * Synchronous up to the cache: a GET repeated exactly is answered without
   * a promise. A GET's parameters are checked only on a miss, since a cached
   * query string has already passed the same checks.
   */
  const route = (req: IncomingMessage, res: ServerResponse, url: URL, cacheTried: boolean): Promise<void> | void => {
    const method = req.method ?? '';
    if (method === 'GET' || method === 'HEAD') {
      const alias = aliasOf(req);
      if (!cacheTried && sendCachedGet(req, res, alias)) return;
      const resolved = resolveRequest(paramsOfUrl(url), apq);
      // A GET that registers a hash (urql sends them) must reach the store every time, never the fast path.
      return answer(req, res, url, resolved, undefined, resolved.register === undefined ? alias : undefined);
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
      // A short body sent before, byte for byte, finds its answer without being parsed.
      const alias = body.length <= MAX_POST_ALIAS_BYTES ? `${req.headers.accept ?? ''}\nPOST\n${body.toString('latin1')}` : undefined;
      const hit = alias === undefined ? undefined : cache.getByAlias(store.framework.contentHash, alias);
      if (hit) return send(req, res, hit, false);
      const params = paramsOfBody(body);
      // Not one JSON object: yoga says what is wrong with it.
      const resolved = params ? resolveRequest(params, apq) : unresolved;
      // A registration is not remembered by its bytes: its repeat must register again if the hash was forgotten.
      return answer(req, res, url, resolved, body, resolved.register === undefined ? alias : undefined);
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
   * did: the app asks this before it parses the URL, as the fast-path key is
   * the raw query string. Only a request the route answered before can be in the cache.
   */
  const answerFromCache = (req: IncomingMessage, res: ServerResponse): boolean =>
    (req.method === 'GET' || req.method === 'HEAD') && sendCachedGet(req, res, aliasOf(req));

  return Object.assign(handle, {
    answerFromCache,
    /** What the response cache and the automatic persisted queries hold; for tests. */
    held: () => ({ entries: cache.size, bytes: cache.bytes, persistedQueries: apq.size }),
  });
}

/** A request whose body is not a GraphQL request object: passed to yoga as it is, never cached. */
const unresolved: ResolvedRequest = {
  params: { query: undefined, operationName: undefined, variables: undefined, extensions: undefined, id: undefined },
  text: undefined,
  operationName: undefined,
  named: false,
  register: undefined,
};

/** Prepared bytes that send the identity variant whatever the client accepts. */
function identityOnly(prepared: PreparedBytes): PreparedBytes {
  return { identity: prepared.identity, gzip: prepared.identity };
}

/** The query string as the client wrote it, `?` included. */
function searchOf(req: IncomingMessage): string {
  const target = req.url ?? '';
  const start = target.indexOf('?');
  return start === -1 ? '' : target.slice(start);
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

/** What yoga is asked: a document named by id or hash becomes the text it names. */
function toYogaRequest(
  req: IncomingMessage,
  url: URL,
  body: Buffer | undefined,
  resolved: ResolvedRequest,
  signal: AbortSignal,
): YogaRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    headers[name] = typeof value === 'string' ? value : value.join(', ');
  }
  const method = req.method === 'HEAD' ? 'GET' : req.method!;
  let target = `http://localhost${req.url ?? '/'}`;
  const sent: Buffer | null = method === 'POST' && body ? body : null;
  let parsed = resolved.params.body;
  if (resolved.named) {
    const { text, operationName, params } = resolved;
    if (method === 'POST') {
      parsed = { query: text, operationName, variables: params.variables };
    } else {
      const variables = url.searchParams.get('variables');
      target =
        `http://localhost${url.pathname}?query=${encodeURIComponent(text!)}` +
        (operationName ? `&operationName=${encodeURIComponent(operationName)}` : '') +
        (variables !== null ? `&variables=${encodeURIComponent(variables)}` : '');
    }
  }
  return { url: target, init: { method, headers, body: sent, signal }, parsed };
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

/**
 * Yoga's fetch, as the route's executor; `answers` is the plugin yoga was
 * created with. The request is built with yoga's fetch API (whatwg-node's),
 * about ten times cheaper to construct than Node's own Request.
 */
export function yogaExecutor(yoga: GraphqlYoga, answers: CompleteAnswers): Execute {
  return async ({ url, init, parsed }) => {
    // whatwg-node's Request takes a Buffer as it is (Node's types do not say so).
    const request = new yoga.fetchAPI.Request(url, init as RequestInit);
    // Yoga reads a JSON body with request.json().
    if (parsed !== undefined) Object.defineProperty(request, 'json', { value: () => Promise.resolve(parsed) });
    const response = await yoga.fetch(request, {});
    return { response, complete: answers.has(request), valid: answers.validated(request) };
  };
}
