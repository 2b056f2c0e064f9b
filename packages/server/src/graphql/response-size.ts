import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

/**
 * The backstop behind the list limits and the query cost: an answer whose
 * JSON is over `maxBytes` is replaced by one error before it is sent. A legal
 * query stays far below the default (armor.test.ts measures the largest);
 * this catches whatever the cost estimate misjudges, such as long texts
 * added to the content. The status is 400, as for the other limits: without
 * `data`, GraphQL over HTTP asks for a 4xx or 5xx, and it is the request that
 * asks for too much.
 */
export function useResponseSizeLimit(maxBytes: number, advice: string): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          // Every operation this schema has answers once (no subscriptions, no @defer).
          if (isAsyncIterable(result)) return;
          const bytes = Buffer.byteLength(JSON.stringify(result));
          if (bytes <= maxBytes) return;
          setResult({
            errors: [
              new GraphQLError(
                `The answer would be ${bytes} bytes, over the limit of ${maxBytes} bytes (ALTITUDE_MAX_RESPONSE_BYTES). ${advice}`,
                { extensions: { code: RESPONSE_TOO_LARGE, http: { status: 400 } } },
              ),
            ],
          });
        },
      };
    },
  };
}
