import { schema, type AltitudeContext } from '@altitude/schema';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { BREAK, Kind, NoSchemaIntrospectionCustomRule, visit, type DocumentNode } from 'graphql';
import { createYoga, useExecutionCancellation, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { ServerOptions } from '../config/server-options.js';
import type { ContentStore } from '../content/content-store.js';
import type { Logger } from '../logger.js';
import { armorPlugins } from './armor.js';
import { keepErrorLocations } from './error-locations.js';
import { boundedParseCaches } from './parse-caches.js';

export const GRAPHQL_PATH = '/graphql';

/** `__schema` and `__type` refused; `__typename` still works. */
const disableIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

/** At most this many documents are held compiled at once; others run on graphql-js. */
const MAX_COMPILED_DOCUMENTS = 100;

/**
 * Runs a document through graphql-jit from its second execution on. A
 * compiled query executes several times faster than graphql-js, but
 * compiling costs more than one execution: a stream of documents each sent
 * once (as a hostile client would send) stays on graphql-js. Yoga's parse
 * cache hands back the same DocumentNode for the same text, and the compiled
 * queries are held by document in a WeakMap, so they go when yoga forgets
 * the document; at most MAX_COMPILED_DOCUMENTS are alive at a time. The
 * plugin compiles a document for the operation first asked of it and files it
 * by document alone, so a document holding several operations stays on
 * graphql-js: compiled, it would answer every operation with the first one.
 */
function jitFromSecondRun() {
  const runs = new WeakSet<DocumentNode>();
  const compiled = new WeakSet<DocumentNode>();
  const interpreted = new WeakSet<DocumentNode>();
  let alive = 0;
  const forgotten = new FinalizationRegistry<undefined>(() => alive--);
  return useGraphQlJit(
    {},
    {
      enableIf: ({ document }) => {
        if (compiled.has(document)) return true;
        if (!runs.has(document)) {
          runs.add(document);
          return false;
        }
        // Looked at once, on the second run: a document that must stay interpreted is remembered as such.
        if (interpreted.has(document)) return false;
        if (!hasOneOperation(document) || !compiledKeepsFieldOrder(document)) {
          interpreted.add(document);
          return false;
        }
        if (alive >= MAX_COMPILED_DOCUMENTS) return false;
        compiled.add(document);
        alive++;
        forgotten.register(document, undefined);
        return true;
      },
    },
  );
}

/**
 * graphql-jit writes a fragment's fields after the fields written beside it,
 * where graphql-js keeps the document's order (as the spec asks). The same
 * answer in other bytes would change its ETag from the first run to the
 * next, so a document with a fragment before a field in one selection stays
 * on graphql-js. The widgets' operations put their fragments last.
 */
function compiledKeepsFieldOrder(document: DocumentNode): boolean {
  let keeps = true;
  visit(document, {
    SelectionSet(node) {
      const lastField = node.selections.findLastIndex((selection) => selection.kind === Kind.FIELD);
      if (node.selections.some((selection, i) => selection.kind !== Kind.FIELD && i < lastField)) {
        keeps = false;
        return BREAK;
      }
      return undefined;
    },
  });
  return keeps;
}

function hasOneOperation(document: DocumentNode): boolean {
  let operations = 0;
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) operations++;
  return operations === 1;
}

/**
 * graphql-yoga over the shared schema; each request sees the content loaded
 * at that moment. HTTP concerns (CORS, CSRF, body size, caching, timeouts)
 * are handled in front of it by graphql-route.ts.
 */
export function createGraphqlYoga(store: ContentStore, logger: Logger, options: ServerOptions, extraPlugins: Plugin[] = []) {
  const yogaLogger: YogaLogger = {
    debug: () => {},
    info: (...args: unknown[]) => logger.info('graphql', { detail: args.map(String) }),
    warn: (...args: unknown[]) => logger.warn('graphql', { detail: args.map(String) }),
    error: (...args: unknown[]) => logger.error('graphql', { detail: args.map(String) }),
  };
  return createYoga<Record<string, unknown>, AltitudeContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: () => ({ framework: store.framework }),
    landingPage: false,
    cors: false,
    logging: yogaLogger,
    // Unexpected errors reach the reader as "Unexpected error." with no stack
    // or message; the log keeps the details. Errors the API means to give
    // (an unknown slug, a bad cursor) are GraphQLErrors and pass unchanged.
    maskedErrors: { isDev: false },
    // Browsers are answered by graphiql-page.ts before reaching yoga.
    graphiql: false,
    parserAndValidationCache: boundedParseCaches(),
    // The route reads the body within options.maxBodyBytes and parses it once;
    // yoga's own limit would wrap the request in a new one and parse it again.
    maxRequestBodySize: false,
    plugins: [
      useExecutionCancellation(),
      jitFromSecondRun(),
      keepErrorLocations(),
      ...armorPlugins(options),
      ...(options.introspection ? [] : [disableIntrospection]),
      ...extraPlugins,
    ],
  });
}

export type GraphqlYoga = ReturnType<typeof createGraphqlYoga>;
