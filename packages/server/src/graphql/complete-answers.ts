import type { Plugin, YogaInitialContext } from 'graphql-yoga';

/** What yoga hands to result processing: one result, a batch, or a stream. */
type ResultProcessorInput = Parameters<NonNullable<Plugin['onResultProcess']>>[0]['result'];

/**
 * The requests yoga answered in full: data and no errors. Only those answers
 * are kept by the response cache, as an error may come from a passing
 * condition. Yoga says so as it answers, so the route need not parse the
 * answer's bytes again to find out. It also records the requests whose
 * document passed validation (every rule, the query limits included): only
 * those may be registered as automatic persisted queries.
 */
export class CompleteAnswers {
  readonly #requests = new WeakSet<Request>();
  readonly #valid = new WeakSet<Request>();

  readonly plugin: Plugin = {
    onValidate: ({ context }) => {
      const { request } = context as Partial<YogaInitialContext>;
      return ({ valid }) => {
        if (valid && request) this.#valid.add(request);
      };
    },
    onResultProcess: ({ request, result }) => {
      if (isComplete(result)) this.#requests.add(request);
    },
  };

  has(request: Request): boolean {
    return this.#requests.has(request);
  }

  /** Whether the request's document parsed and passed validation. */
  validated(request: Request): boolean {
    return this.#valid.has(request);
  }
}

function isComplete(result: ResultProcessorInput): boolean {
  // Batches and streams are answered whole every time; neither is kept.
  if (Array.isArray(result) || Symbol.asyncIterator in result) return false;
  return !result.errors?.length && result.data !== undefined && result.data !== null;
}
