import { schema, type AltitudeContext } from '@altitude/schema';
import { createYoga, type YogaLogger } from 'graphql-yoga';
import type { ContentStore } from '../content/content-store.js';
import type { Logger } from '../logger.js';

export const GRAPHQL_PATH = '/graphql';

/** graphql-yoga over the shared schema; each request sees the content loaded at that moment. */
export function createGraphqlHandler(store: ContentStore, logger: Logger) {
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
    // Anyone may read the framework, but never with the reader's cookies:
    // behind an SSO proxy, credentialed cross-site reads would leak access.
    cors: { origin: '*', credentials: false },
    logging: yogaLogger,
    // Browsers are answered by graphiql-page.ts before reaching yoga.
    graphiql: false,
  });
}
