import { localeChain } from '../i18n/locale.js';
import { words } from '../i18n/messages.js';
import { AltitudeRequestError } from './request-error.js';
import { isStaticEndpoint, OPERATION_ACCEPT, operationUrl } from './operation-url.js';
import type { PersistedOperation } from './persisted-operation.js';

/** How long a widget waits for an answer before saying the API did not answer. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A deliberately small client for persisted operations. One instance per
 * endpoint is shared by every widget on the page: identical requests in flight are sent once, and
 * answers are kept for the life of the page. Failures are not kept, so a
 * widget re-rendered later tries again.
 */
export class GraphqlClient {
  readonly #results = new Map<string, Promise<unknown>>();
  /** Answers already in hand, for a synchronous first render (and hydration of server-rendered widgets). */
  readonly #settled = new Map<string, unknown>();
  #sent = 0;

  constructor(
    readonly endpoint: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** How many HTTP requests this client has made (for tests and diagnostics). */
  get requestCount(): number {
    return this.#sent;
  }

  request<TResult, TVariables>(operation: PersistedOperation<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const key = operationUrl(this.endpoint, operation, variables);
    let result = this.#results.get(key) as Promise<TResult> | undefined;
    if (!result) {
      const broader = this.#broaderLocale(variables);
      result = this.#send<TResult>(key).catch((error: unknown) => {
        // A static build holds answers for the locales it served, not for every tag a page may carry:
        // de-CH asks again as de, and a language it has no files for as English, as the server would fall back.
        if (broader === undefined || !(error instanceof AltitudeRequestError) || error.status !== 404) throw error;
        return this.request(operation, broader);
      });
      this.#results.set(key, result);
      result.then(
        (data) => this.#settled.set(key, data),
        () => this.#results.delete(key),
      );
    }
    return result;
  }

  /** On a static endpoint, the same variables with the locale one subtag shorter (none: English); else undefined. */
  #broaderLocale<TVariables>(variables: TVariables): TVariables | undefined {
    const locale = (variables as { locale?: unknown } | null)?.locale;
    if (typeof locale !== 'string' || !isStaticEndpoint(this.endpoint)) return undefined;
    return { ...variables, locale: localeChain(locale)[1] ?? null };
  }

  /** The answer to this exact request if it is already known, without waiting. */
  peek<TResult, TVariables>(operation: PersistedOperation<TResult, TVariables>, variables: TVariables): TResult | undefined {
    return this.#settled.get(operationUrl(this.endpoint, operation, variables)) as TResult | undefined;
  }

  /** Records an answer obtained elsewhere (a server-rendered page ships the data it rendered). */
  prime<TResult, TVariables>(operation: PersistedOperation<TResult, TVariables>, variables: TVariables, data: TResult): void {
    const key = operationUrl(this.endpoint, operation, variables);
    this.#settled.set(key, data);
    this.#results.set(key, Promise.resolve(data));
  }

  async #send<TResult>(url: string): Promise<TResult> {
    this.#sent++;
    let response: Response;
    try {
      // A plain GET with only safelisted headers: no CORS preflight, and the
      // browser, a CDN and the server can all answer it from cache.
      response = await this.fetchImpl(url, {
        headers: { accept: OPERATION_ACCEPT },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new AltitudeRequestError(
        'network',
        this.endpoint,
        timedOut
          ? words('The Altitude API at {endpoint} did not answer within {seconds} seconds.', {
              endpoint: this.endpoint,
              seconds: REQUEST_TIMEOUT_MS / 1000,
            })
          : words('Could not reach the Altitude API at {endpoint}.', { endpoint: this.endpoint }),
      );
    }
    if (response.status === 404 && isStaticEndpoint(this.endpoint)) {
      throw new AltitudeRequestError(
        'http',
        this.endpoint,
        words('The static Altitude files at {endpoint} have no answer for these attributes ({url} was not found); check the slugs.', {
          endpoint: this.endpoint,
          url,
        }),
        404,
      );
    }
    const notGraphql = words('The Altitude API at {endpoint} answered {status} with something that is not GraphQL.', {
      endpoint: this.endpoint,
      status: response.status,
    });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new AltitudeRequestError(response.ok ? 'response' : 'http', this.endpoint, notGraphql, response.status);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new AltitudeRequestError('response', this.endpoint, notGraphql, response.status);
    }
    const { data, errors } = body as { data?: unknown; errors?: unknown };
    if (errors !== undefined && !Array.isArray(errors)) {
      throw new AltitudeRequestError(
        'response',
        this.endpoint,
        words('The Altitude API at {endpoint} answered with malformed errors.', { endpoint: this.endpoint }),
        response.status,
      );
    }
    const messages = (errors ?? []).map((e: unknown) => {
      const message = e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
      return typeof message === 'string' ? message : 'Unknown error';
    });
    if (messages.length > 0) throw new AltitudeRequestError('graphql', this.endpoint, messages.join(' '), response.status);
    if (!response.ok || data == null || typeof data !== 'object') {
      throw new AltitudeRequestError(
        'http',
        this.endpoint,
        words('The Altitude API at {endpoint} answered {status}.', { endpoint: this.endpoint, status: response.status }),
        response.status,
      );
    }
    return data as TResult;
  }
}

/** Endpoints a page may use before the least recently used one's client (and answers) are let go. */
export const MAX_PAGE_CLIENTS = 32;

// In insertion order, so the first key is the least recently used endpoint.
const clients = new Map<string, GraphqlClient>();
/** The client of the one server render under way, if any (see withRenderClient). */
let lent: GraphqlClient | undefined;

/** What a server-rendered page embeds, as `<script type="application/json" data-altitude-cache>`. */
export interface CacheEntry {
  readonly endpoint: string;
  readonly operation: string;
  readonly variables: unknown;
  readonly data: unknown;
}

/** The page-wide client for `endpoint`, primed with any answers the page was rendered with. */
export function clientFor(endpoint: string): GraphqlClient {
  // A server render registers nothing: a page-wide map on a server would
  // keep one client per Host header it was ever asked for.
  if (lent) return lent.endpoint === endpoint ? lent : new GraphqlClient(endpoint, refuseFetch);
  let client = clients.get(endpoint);
  if (client) {
    clients.delete(endpoint);
  } else {
    client = new GraphqlClient(endpoint);
    if (typeof document !== 'undefined') {
      for (const script of document.querySelectorAll('script[type="application/json"][data-altitude-cache]')) {
        try {
          const entries = JSON.parse(script.textContent ?? '[]') as CacheEntry[];
          for (const entry of entries) if (entry.endpoint === endpoint) client.prime(entry.operation, entry.variables, entry.data);
        } catch {
          // A damaged cache only costs a request.
        }
      }
    }
    if (clients.size >= MAX_PAGE_CLIENTS) clients.delete(clients.keys().next().value!);
  }
  clients.set(endpoint, client);
  return client;
}

/** How many page-wide clients are kept (for tests and diagnostics). */
export function pageClientCount(): number {
  return clients.size;
}

/** A server render sends no requests: a widget has the data it was primed with, or shows itself loading. */
const refuseFetch: typeof fetch = () => Promise.reject(new Error('A server render does not fetch.'));

/**
 * Runs a synchronous server render with a client of its own as every
 * widget's client, instead of the page-wide ones: what `render` primes it
 * with serves the render and goes when the render is done.
 */
export function withRenderClient<T>(endpoint: string, render: (client: GraphqlClient) => T): T {
  const previous = lent;
  const client = new GraphqlClient(endpoint, refuseFetch);
  lent = client;
  try {
    return render(client);
  } finally {
    lent = previous;
  }
}
