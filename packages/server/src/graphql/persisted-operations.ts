import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schema } from '@altitude/schema';
import { Kind, parse, validate, type DocumentNode } from 'graphql';

export interface PersistedOperation {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly document: DocumentNode;
}

// The widgets' allow-list, generated from their .graphql files: the server
// runs these documents when a request names one by id.
const MANIFEST = fileURLToPath(import.meta.resolve('@altitude/widgets/persisted-operations.json'));

function load(): ReadonlyMap<string, PersistedOperation> {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
  return new Map(
    Object.entries(manifest).map(([id, text]) => {
      const document = parse(text);
      // A drifted manifest must stop the server at start, not fail a reader later.
      const errors = validate(schema, document);
      if (errors.length) throw new Error(`persisted operation ${id} does not match the schema: ${errors.map((e) => e.message).join(' ')}`);
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      return [id, { id, name: operation?.name?.value ?? id, text, document }];
    }),
  );
}

export const PERSISTED_OPERATIONS = load();

/** The persisted operation with this id, or undefined. */
export function persistedOperation(id: string): PersistedOperation | undefined {
  return PERSISTED_OPERATIONS.get(id);
}

/** The persisted operation named `name` (e.g. "LevelComparison"); for the CLI, tests and the benchmark. */
export function persistedOperationNamed(name: string): PersistedOperation {
  for (const operation of PERSISTED_OPERATIONS.values()) if (operation.name === name) return operation;
  throw new Error(`no persisted operation named ${name}`);
}
