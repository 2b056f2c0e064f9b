import { diff, type Change, type CriticalityLevel, type TypeOfChangeType } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** One difference between two schemas, as graphql-inspector classifies it. */
export interface ApiChange {
  /** Inspector's change type, e.g. `FIELD_TYPE_CHANGED`. */
  type: TypeOfChangeType;
  /** Inspector's path, e.g. `Query.compareLevels` or `EntityType.FailureMode`; see SCHEMA_PATH. */
  path: string;
  message: string;
  level: `${CriticalityLevel}`;
  /** Why inspector rates it so; inspector gives none for many changes. */
  reason: string | undefined;
}

/**
 * Inspector gives no path for changes to the schema's root types; they get
 * this one so every change can be named in the changelog.
 */
export const SCHEMA_PATH = '(schema)';

function build(sdl: string, name: string): GraphQLSchema {
  try {
    return buildSchema(sdl);
  } catch (error) {
    throw new Error(`${name} is not a valid GraphQL schema: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** What changed from `oldSdl` to `newSdl`; the names only serve error messages. */
export async function diffSdl(
  oldSdl: string,
  newSdl: string,
  names = { old: 'the old schema', new: 'the new schema' },
): Promise<ApiChange[]> {
  // Inspector's own Change defaults its type parameter to any; name the union it really is.
  const changes = (await diff(build(oldSdl, names.old), build(newSdl, names.new))) as Change<TypeOfChangeType>[];
  return changes.map((change) => ({
    type: change.type,
    path: change.path ?? SCHEMA_PATH,
    message: change.message,
    level: change.criticality.level,
    reason: change.criticality.reason,
  }));
}
