import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { CompleteAnswers } from './complete-answers.js';

// A nullable field that fails gives data and errors together: the case the
// content schema (all its root fields non-null) cannot produce.
const schema = createSchema({
  typeDefs: 'type Query { ok: String, broken: String }',
  resolvers: {
    Query: {
      ok: () => 'fine',
      broken: () => {
        throw new Error('no');
      },
    },
  },
});

async function ask(query: string): Promise<{ complete: boolean; body: Record<string, unknown> }> {
  const answers = new CompleteAnswers();
  const yoga = createYoga({ schema, plugins: [answers.plugin], logging: false, maskedErrors: false });
  const request = new Request('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const response = await yoga.fetch(request);
  return { complete: answers.has(request), body: (await response.json()) as Record<string, unknown> };
}

describe('CompleteAnswers', () => {
  it('marks an answer with data and no errors', async () => {
    expect(await ask('{ ok }')).toEqual({ complete: true, body: { data: { ok: 'fine' } } });
  });

  it('does not mark an answer with data and errors together', async () => {
    const answer = await ask('{ ok broken }');
    expect(answer.body).toMatchObject({ data: { ok: 'fine', broken: null }, errors: [{ path: ['broken'] }] });
    expect(answer.complete).toBe(false);
  });

  it('does not mark a refused query or an answer without data', async () => {
    expect((await ask('{ nope }')).complete).toBe(false);
    expect((await ask('{')).complete).toBe(false);
  });
});
