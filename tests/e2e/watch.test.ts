import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postGraphql, startCliServer, type CliServer } from '../support/cli.js';

let dir: string;
let server: CliServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-watch-'));
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  server = await startCliServer(['--watch', '--content', dir]);
});
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const patienceTitle = async () =>
  (await postGraphql(server.url, '{ search(text: "patience", first: 1) { entity { title } } framework { contentHash } }')).body.data;

describe('altitude serve --watch', () => {
  it('survives a broken edit and picks up the fixed one', async () => {
    const before = await patienceTitle();
    const file = path.join(dir, 'capabilities.yaml');
    const good = await readFile(file, 'utf8');

    // A broken edit: a typo in a field name. The server reports it with the checker's message…
    await writeFile(file, good.replace(/(slug: patience\n\s+)title:/, '$1titel:'));
    const failure = await server.waitForLog((l) => l.msg === 'content reload failed; still serving the last good content');
    expect((failure.errors as string[]).join('\n')).toMatch(
      /capabilities\.yaml:\d+:5 capabilities\[\d+\]\.titel: unknown field "titel" \(did you mean "title"\?\)/,
    );
    await vi.waitFor(() => expect(server.stderr()).toContain('unknown field "titel"'));

    // …and keeps serving the last good content.
    expect(await patienceTitle()).toEqual(before);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);

    // The fixed edit is picked up.
    await writeFile(file, good.replace(/(slug: patience\n\s+title: )(.*)/, '$1Patience over years'));
    await server.waitForLog((l) => l.msg === 'content reloaded');
    const after = await patienceTitle();
    expect(after.search[0].entity.title).toBe('Patience over years');
    expect(after.framework.contentHash).not.toBe(before.framework.contentHash);
  });
});
