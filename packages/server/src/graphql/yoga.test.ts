import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlYoga } from './yoga.js';
import { openTestYoga } from './test-yoga.js';
import { PERSISTED_OPERATIONS } from './persisted-operations.js';

let yoga: GraphqlYoga;
beforeAll(async () => {
  yoga = await openTestYoga();
});

async function run(query: string, operationName: string): Promise<unknown> {
  const response = await yoga.fetch('http://altitude.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, operationName }),
  });
  return ((await response.json()) as { data?: unknown }).data;
}

describe('executing a document several times (graphql-jit from the second run)', () => {
  it('answers each operation of a document with several with its own data, however often the other ran', async () => {
    const document = 'query Levels { levels { slug } } query FailureModes { failureModes { slug } }';
    // Enough runs of one operation for the document to be compiled, were it allowed.
    for (let i = 0; i < 3; i++) expect(await run(document, 'FailureModes')).toHaveProperty('failureModes');
    expect(await run(document, 'Levels')).toEqual({ levels: [{ slug: 'staff' }, { slug: 'principal' }, { slug: 'distinguished' }] });
  });

  it('gives the same answer compiled as on its first, interpreted run', async () => {
    const query = 'query Compare { compareLevels(slugs: ["staff", "distinguished"]) { rows { dimension { slug } cells { headline } } } }';
    const first = await run(query, 'Compare');
    for (let i = 0; i < 3; i++) expect(await run(query, 'Compare')).toEqual(first);
  });
});

describe('the widgets’ operations', () => {
  // graphql-jit writes the fields of a fragment on an interface after the object's own fields; graphql-js
  // keeps the document's order. Different bytes would give a repeat a different ETag, and a static build
  // different files, so every persisted operation must answer byte for byte the same on every run.
  const sample: Record<string, Record<string, unknown>> = {
    LevelCard: { slug: 'staff', locale: 'de' },
    FailureModeCard: { slug: 'super-coder', locale: 'ja' },
    LevelComparison: { slugs: ['staff', 'principal'], locale: 'de' },
    FailureModeGrid: { locale: 'ja' },
    LeverageMechanisms: { locale: 'de' },
    SelfAssessment: { locale: 'ja' },
    RoleHealthCheck: { locale: 'de' },
  };
  it.each([...PERSISTED_OPERATIONS.values()].map((o) => [o.name, o.text] as const))(
    '%s answers the same bytes compiled as interpreted',
    async (name, text) => {
      const body = async () =>
        (
          await yoga.fetch('http://altitude.test/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
            body: JSON.stringify({ query: text, variables: sample[name] }),
          })
        ).text();
      expect(sample[name], `sample variables for ${name}`).toBeDefined();
      const first = await body();
      expect(first).not.toContain('"errors"');
      for (let i = 0; i < 3; i++) expect(await body()).toBe(first);
    },
  );
});

describe('a client’s document with a fragment before a field', () => {
  it('answers the same bytes on every run, in the document’s order', async () => {
    const query = 'fragment Served on Entity { locale } query Q { level(slug: "staff") { slug ...Served title } }';
    const body = async () =>
      (
        await yoga.fetch('http://altitude.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query }),
        })
      ).text();
    const first = await body();
    expect(first).toBe('{"data":{"level":{"slug":"staff","locale":"en","title":"Staff Engineer"}}}');
    for (let i = 0; i < 3; i++) expect(await body()).toBe(first);
  });
});

describe('errors of a compiled run', () => {
  async function errorsOf(query: string, variables: Record<string, unknown>): Promise<unknown> {
    const response = await yoga.fetch('http://altitude.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { errors?: unknown }).errors;
  }

  it('say where in the document they happened, as on the first run (any line ending)', async () => {
    const query = 'query Find($t: String!) {\r\n  levels { slug }\r\n\r\n    found: search(text: $t) { totalCount }\n}';
    const variables = { t: 'x'.repeat(300) };
    const first = await errorsOf(query, variables);
    expect(first).toMatchObject([{ locations: [{ line: 4, column: 5 }], path: ['found'], extensions: { code: 'BAD_USER_INPUT' } }]);
    for (let i = 0; i < 3; i++) expect(await errorsOf(query, variables)).toEqual(first);
  });
});
