/** A GraphQL document string that remembers its result and variables types. */
export type TypedQuery<TResult, TVariables> = string & {
  readonly __result?: TResult;
  readonly __variables?: TVariables;
};
