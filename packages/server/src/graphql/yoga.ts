import { schema, type AltitudeContext } from '@altitude/schema';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, useExecutionCancellation, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { ServerOptions } from '../config/server-options.js';
import type { ContentStore } from '../content/content-store.js';
import type { Logger } from '../logger.js';
import { armorPlugins } from './armor.js';

export const GRAPHQL_PATH = '/graphql';

/** `__schema` and `__type` refused; `__typename` still works. */
const disableIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

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
    plugins: [
      useExecutionCancellation(),
      ...armorPlugins(options),
      ...(options.introspection ? [] : [disableIntrospection]),
      ...extraPlugins,
    ],
  });
}

export type GraphqlYoga = ReturnType<typeof createGraphqlYoga>;
