import { describe, expect, it } from 'vitest';
import { diffSdl, SCHEMA_PATH } from './schema-diff.js';

describe('diffSdl', () => {
  it('names each change by inspector type, path, message and criticality', async () => {
    const changes = await diffSdl('type Query { a: String b: Int }', 'type Query { a: String! c: Int }');
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'FIELD_REMOVED', path: 'Query.b', level: 'BREAKING', reason: expect.any(String) }),
        expect.objectContaining({ type: 'FIELD_TYPE_CHANGED', path: 'Query.a', level: 'NON_BREAKING' }),
        expect.objectContaining({
          type: 'FIELD_ADDED',
          path: 'Query.c',
          level: 'NON_BREAKING',
          message: "Field 'c' was added to object type 'Query'",
        }),
      ]),
    );
  });

  it('gives changes to the root types, which inspector leaves without a path, a path of their own', async () => {
    const changes = await diffSdl('type Query { a: Int }', 'schema { query: Root } type Root { a: Int }');
    expect(changes).toContainEqual(expect.objectContaining({ type: 'SCHEMA_QUERY_TYPE_CHANGED', path: SCHEMA_PATH, level: 'BREAKING' }));
  });

  it('says which schema does not parse', async () => {
    await expect(diffSdl('type Query { a: Int }', 'type Query {', { old: '0.1.0', new: 'the current schema' })).rejects.toThrow(
      /^the current schema is not a valid GraphQL schema: Syntax Error/,
    );
  });
});
