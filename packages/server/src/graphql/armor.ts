import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ServerOptions } from '../config/server-options.js';
import { useVariableAwareCost } from './query-cost.js';
import { useResponseSizeLimit } from './response-size.js';

const ADVICE = 'Split the query into smaller ones (the limits are listed in the README).';

/**
 * Limits on the shape of a query. Each sits well above what the widgets, the
 * GraphiQL and README examples and the tests ask (armor.test.ts measures
 * them all), and far below what it takes to make the server work hard.
 * Fragments are expanded before counting, so they cannot hide depth or cost.
 */
export const QUERY_LIMITS = {
  // The deepest document in use nests 5 levels.
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 1000,
  maxDirectives: 20,
  // Lists count as many times as the client sizes them (`first`, `ids`,
  // `slugs`), literal or variable (query-cost.ts), and long texts count
  // more than plain values: the change feed's documented 500-event page with
  // every field costs about 45 000, the widgets' at most about 1 400. The
  // largest answer this allows is about 1.5 MB (query-cost.test.ts).
  maxCost: 50_000,
} as const;

/**
 * Every limit on what one GraphQL request may ask for: armor's checks of the
 * document's shape (during validation), the cost counted again with the
 * variables known (just before execution) and the size of the answer (just
 * after).
 */
export function armorPlugins(options: Pick<ServerOptions, 'production' | 'maxResponseBytes'>): Plugin[] {
  // Reported as validation errors (not thrown), so yoga answers them as it
  // answers any invalid query: 400 with code GRAPHQL_VALIDATION_FAILED.
  const reported = {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} ${ADVICE}`)),
    ],
  };
  const config: GraphQLArmorConfig = {
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true, ...reported },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...reported },
    maxTokens: { n: QUERY_LIMITS.maxTokens, errorMessage: `Query validation error. ${ADVICE}` },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...reported },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, flattenFragments: true, ...reported },
    // "Did you mean …?" maps a hidden schema for whoever asks; in development it is a help.
    blockFieldSuggestion: { enabled: options.production },
  };
  return [
    ...(new EnvelopArmor(config).protect().plugins as Plugin[]),
    useVariableAwareCost(QUERY_LIMITS.maxCost, ADVICE),
    useResponseSizeLimit(options.maxResponseBytes, ADVICE),
  ];
}
