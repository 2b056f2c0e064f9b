import { describe, expect, it } from 'vitest';
import { openTestYoga, postQuery } from './test-yoga.js';

const QUERY = '{ levels { slug description expectations { text } } }';

describe('the response size limit', () => {
  it('refuses an answer over the configured size with RESPONSE_TOO_LARGE naming the limit, and sends none of it', async () => {
    const full = await postQuery(await openTestYoga(), QUERY);
    expect(full.bytes).toBeGreaterThan(3000);

    const { status, bytes, body } = await postQuery(await openTestYoga({ maxResponseBytes: 2000 }), QUERY);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(body.errors?.[0]?.message).toMatch(
      /^The answer would be \d+ bytes, over the limit of 2000 bytes \(ALTITUDE_MAX_RESPONSE_BYTES\)\./,
    );
    expect(bytes).toBeLessThan(1000);
  });

  it('sends an answer up to the limit unchanged', async () => {
    const full = await postQuery(await openTestYoga(), QUERY);
    const exact = await postQuery(await openTestYoga({ maxResponseBytes: full.bytes }), QUERY);
    expect(exact).toEqual(full);
  });
});
