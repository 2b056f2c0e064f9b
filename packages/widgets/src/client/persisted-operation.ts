/**
 * A persisted operation: the id the server knows a widget's GraphQL document
 * by (the SHA-256 of its text, see persisted-operations.json), typed with the
 * document's result and variables. Widgets send only the id, so their
 * requests are short cacheable GETs and the bundle carries no query text.
 */
export type PersistedOperation<TResult, TVariables> = string & {
  readonly __result?: TResult;
  readonly __variables?: TVariables;
};
