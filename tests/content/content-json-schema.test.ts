import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SCHEMA_PATH, DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

// What an editor with the YAML language server sees: the published JSON
// Schema, applied by a standard validator, accepts the real content and
// rejects what the loader rejects.
let validate: ReturnType<Ajv2020['compile']>;
beforeAll(async () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
  validate = ajv.compile(JSON.parse(await readFile(CONTENT_SCHEMA_PATH, 'utf8')) as object);
});

describe('content/content.schema.json', () => {
  it('accepts every real content file', async () => {
    const files = (await readdir(DEFAULT_CONTENT_DIR)).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const ok = validate(parse(await readFile(path.join(DEFAULT_CONTENT_DIR, file), 'utf8')));
      expect(ok ? [] : validate.errors, file).toEqual([]);
    }
  });

  it('rejects an unknown field, a bad slug and a missing field', () => {
    const note = { text: 'T', basis: 'interpreted' };
    const base = {
      slug: 'x',
      title: 'X',
      summary: 'S',
      basis: 'sourced',
      description: 'D',
      atLevel: { staff: note, principal: note, distinguished: note },
      sources: [{ source: 's', section: 'A' }],
    };
    expect(validate({ capabilities: [base] })).toBe(true);
    expect(validate({ capabilities: [{ ...base, colour: 'red' }] })).toBe(false);
    expect(validate({ capabilities: [{ ...base, slug: 'Not A Slug' }] })).toBe(false);
    expect(validate({ capabilities: [{ ...base, basis: 'guessed' }] })).toBe(false);
    const { description: _dropped, ...missing } = base;
    expect(validate({ capabilities: [missing] })).toBe(false);
  });
});
