import { GraphQLError, type DocumentNode, type Source } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * Keeps `locations` on the errors of compiled runs. graphql-jit gives its
 * errors line and column but no AST nodes, and yoga rebuilds every error from
 * its nodes before sending it, so a compiled run's errors would lose where in
 * the document they happened: a client would see the same error with and
 * without locations depending on whether the document had run before.
 * Rebuilt here from the document's source, as graphql-js builds its own.
 */
export function keepErrorLocations(): Plugin {
  return {
    onExecute({ args }) {
      const source = (args.document as DocumentNode).loc?.source;
      if (!source) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          const errors: readonly GraphQLError[] | undefined = result.errors;
          if (!errors?.some(lostLocations)) return;
          // Scanned once for all of the result's errors: a list field can fail on every item.
          const lineStarts = lineStartsOf(source.body);
          setResult({
            ...result,
            errors: errors.map((error) => (lostLocations(error) ? relocated(error, source, lineStarts) : error)),
          });
        },
      };
    },
  };
}

/** An error that says where it happened but holds nothing yoga can say it from. */
function lostLocations(error: GraphQLError): boolean {
  return error.nodes === undefined && error.positions === undefined && (error.locations?.length ?? 0) > 0;
}

function relocated(error: GraphQLError, source: Source, lineStarts: readonly number[]): GraphQLError {
  return new GraphQLError(error.message, {
    source,
    positions: error.locations!.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1),
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/** Where each line of a document starts; GraphQL ends lines with \r\n, \n or \r. */
function lineStartsOf(body: string): number[] {
  const starts = [0];
  for (const match of body.matchAll(/\r\n|[\n\r]/g)) starts.push(match.index + match[0].length);
  return starts;
}
