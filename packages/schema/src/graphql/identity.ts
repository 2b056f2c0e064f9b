// What `key` and `contentHash` mean, said once for every type that has them.

export const KEY_DESCRIPTION =
  "The object's type and slug (`Level:staff`), the same in every locale and overlay: for matching what different views served. Not an ID: `node` takes `id`.";

export const CONTENT_HASH_DESCRIPTION =
  "sha256 of this object as served (its own fields, after any overlay and translation): it changes exactly when one of them does, so sync jobs can tell what changed. Links to other objects count as their slugs; lists derived from other objects (a level's `transitionsIn`, a source's `citedBy`, a dimension's `expectations`, a failure mode's `misconceptions`, a practice's `prevents`) and a dimension's `position` are outside it.";

export const ENTITY_COUNT_DESCRIPTION =
  'How many entities and sources the content holds (expectations are counted with their levels, not on their own).';
