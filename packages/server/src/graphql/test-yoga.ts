import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { readServerOptions, type ServerOptions } from '../config/server-options.js';
import { ContentStore } from '../content/content-store.js';
import { createLogger } from '../logger.js';
import { createGraphqlYoga, type GraphqlYoga } from './yoga.js';

/** For tests: the GraphQL server over the repository's content, in production mode, without HTTP. */
export async function openTestYoga(options: Partial<ServerOptions> = {}): Promise<GraphqlYoga> {
  const opened = await ContentStore.open(DEFAULT_CONTENT_DIR, process.cwd());
  if (!opened.ok) throw new Error(opened.messages.join('\n'));
  return createGraphqlYoga(opened.store, createLogger({ write: () => {} }), { ...readServerOptions({}), production: true, ...options });
}

export interface PostedAnswer {
  readonly status: number;
  /** The answer's length as sent. */
  readonly bytes: number;
  readonly body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** POSTs one query as a GraphQL-over-HTTP client does. */
export async function postQuery(yoga: GraphqlYoga, query: string, variables: Record<string, unknown> = {}): Promise<PostedAnswer> {
  const response = await yoga.fetch('http://altitude.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as PostedAnswer['body'] };
}
