import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

/** A result as yoga hands it on: graphql-jit attaches its own serialiser. */
type Serialisable = ExecutionResult & { stringify?: (result: ExecutionResult) => string };

/**
 * The backstop behind the list limits and the query cost: an answer whose
 * JSON is over `maxBytes` is replaced by one error before it is sent. A legal
 * query stays well below the default (query-cost.test.ts measures the
 * largest); this catches whatever the cost estimate misjudges, such as long
 * texts added to the content. The status is 400, as for the other limits:
 * without `data`, GraphQL over HTTP asks for a 4xx or 5xx, and it is the
 * request that asks for too much.
 */
export function useResponseSizeLimit(maxBytes: number, advice: string): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          // Every operation this schema has answers once (no subscriptions, no @defer).
          if (isAsyncIterable(result)) return;
          const answer = result as Serialisable;
          const serialise = answer.stringify ?? JSON.stringify;
          const text = serialise(answer);
          const bytes = Buffer.byteLength(text);
          if (bytes > maxBytes) {
            setResult({
              errors: [
                new GraphQLError(
                  `The answer would be ${bytes} bytes, over the limit of ${maxBytes} bytes (ALTITUDE_MAX_RESPONSE_BYTES). ${advice}`,
                  { extensions: { code: RESPONSE_TOO_LARGE, http: { status: 400 } } },
                ),
              ],
            });
          } else if (!answer.errors && !answer.extensions) {
            // Yoga serialises the answer again to send it; without errors or
            // extensions to clean first it writes exactly this text, so it is
            // handed over instead of being made twice. Not enumerable, so a
            // copy of the answer does not take it along.
            Object.defineProperty(answer, 'stringify', {
              value: (sent: ExecutionResult) => (sent === answer ? text : serialise(sent)),
              configurable: true,
              writable: true,
            });
          }
        },
      };
    },
  };
}
