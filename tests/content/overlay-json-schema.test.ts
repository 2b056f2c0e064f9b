import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

// What an editor with the YAML language server sees in an overlay folder.
const ACME = path.join(REPO_ROOT, 'examples/acme-ladder/ladder');
let validate: ReturnType<Ajv2020['compile']>;
beforeAll(async () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
  validate = ajv.compile(JSON.parse(await readFile(path.join(REPO_ROOT, 'packages/schema/overlay.schema.json'), 'utf8')) as object);
});

describe('packages/schema/overlay.schema.json', () => {
  it('accepts every file of the Acme example', async () => {
    for (const file of (await readdir(ACME)).filter((f) => f.endsWith('.yaml'))) {
      const ok = validate(parse(await readFile(path.join(ACME, file), 'utf8')));
      expect(ok ? [] : validate.errors, file).toEqual([]);
    }
  });

  it('accepts an amendment of one field of one cell, and rejects a misspelt field, a bad hash or an entry without a slug', () => {
    const cell = { slug: 'staff', basedOn: `sha256:${'a'.repeat(64)}`, expectations: { 'time-horizon': { headline: 'A quarter' } } };
    expect(validate({ levels: [cell] })).toBe(true);
    expect(validate({ levels: [{ ...cell, titel: 'x' }] })).toBe(false);
    expect(validate({ levels: [{ ...cell, basedOn: 'abc' }] })).toBe(false);
    expect(validate({ levels: [{ title: 'x' }] })).toBe(false);
    expect(validate({ tensions: [{ slug: 'loneliness', hidden: true }] })).toBe(true);
    expect(validate({ tensions: [{ slug: 'loneliness', hidden: false }] })).toBe(false);
  });
});
