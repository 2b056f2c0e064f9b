import { readFile } from 'node:fs/promises';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { contentJsonSchemaText } from '../model/json-schema.js';
import { frameworkExportJsonSchema } from '../export/export-model.js';
import { CONTENT_SCHEMA_PATH, EXPORT_SCHEMA_PATH, SDL_PATH } from '../paths.js';
import { printAltitudeSchema, schema } from './schema.js';

describe('committed artefacts are in step with the code', () => {
  it('schema.graphql is what the code prints (run `pnpm generate` to update)', async () => {
    expect(await readFile(SDL_PATH, 'utf8')).toBe(printAltitudeSchema());
  });

  it('content/content.schema.json is what the model generates (run `pnpm generate` to update)', async () => {
    expect(await readFile(CONTENT_SCHEMA_PATH, 'utf8')).toBe(contentJsonSchemaText());
  });

  it('framework.schema.json (the export format) is what the export model generates (run `pnpm generate` to update)', async () => {
    expect(await readFile(EXPORT_SCHEMA_PATH, 'utf8')).toBe(`${JSON.stringify(frameworkExportJsonSchema(), null, 2)}\n`);
  });
});

describe('the GraphQL schema documents itself', () => {
  it('has a description on every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of (field as GraphQLField<unknown, unknown>).args ?? []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('exposes the query fields the API promises', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields());
    expect(fields).toEqual(
      expect.arrayContaining([
        'framework',
        'levels',
        'level',
        'dimensions',
        'transitions',
        'leverageMechanisms',
        'leverageMechanism',
        'failureModes',
        'failureMode',
        'orgPractices',
        'capabilities',
        'tensions',
        'misconceptions',
        'sources',
        'compareLevels',
        'search',
        'node',
        'nodes',
      ]),
    );
  });
});
