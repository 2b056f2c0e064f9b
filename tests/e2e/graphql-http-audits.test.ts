import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer, type CliServer } from '../support/cli.js';

// The GraphQL-over-HTTP conformance audits, against the real server started
// by the CLI. Every audit must pass: MUST, SHOULD and MAY alike.
let server: CliServer;
beforeAll(async () => {
  server = await startCliServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('graphql-http serverAudits', () => {
  const audits = serverAudits({ url: () => `${server.url}/graphql` });

  it('has a full audit suite to run', () => {
    expect(audits.length).toBeGreaterThan(50);
  });

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }
});
