import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postGraphql, startCliServer, type CliServer, type LogLine } from '../support/cli.js';

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
  (
    await postGraphql(
      server.url,
      '{ search(text: "patience", first: 1) { edges { node { entity { title } } } } framework { contentHash } }',
    )
  ).body.data;

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
    // stderr is a pipe of its own: it may arrive after the log line on stdout.
    await vi.waitFor(() => expect(server.stderr()).toContain('unknown field "titel"'), { timeout: 5_000 });

    // …and keeps serving the last good content.
    expect(await patienceTitle()).toEqual(before);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);

    // The fixed edit is picked up.
    await writeFile(file, good.replace(/(slug: patience\n\s+title: )(.*)/, '$1Patience over years'));
    await server.waitForLog((l) => l.msg === 'content reloaded');
    const after = await patienceTitle();
    expect(after.search.edges[0].node.entity.title).toBe('Patience over years');
    expect(after.framework.contentHash).not.toBe(before.framework.contentHash);
  });

  it(
    'survives reloads that meet what it must refuse, or that throw, and keeps serving the last good content',
    { timeout: 90_000 },
    async () => {
      const before = await patienceTitle();
      const tensions = path.join(dir, 'tensions.yaml');
      const good = await readFile(tensions, 'utf8');
      const releases = path.join(dir, 'releases');
      const nudged = path.join(dir, 'misconceptions.yaml');
      const nudgedText = await readFile(nudged, 'utf8');
      const restoreTensions = async () => {
        await rm(tensions, { recursive: true, force: true });
        await writeFile(tensions, good);
      };
      const breakages: [string, () => Promise<void>, RegExp, () => Promise<void>][] = [
        [
          // A non-YAML change is not watched, so a rewrite of a YAML file triggers the reload; it used to end the process.
          'the releases folder replaced by a file',
          async () => {
            await rm(releases, { recursive: true });
            await writeFile(releases, 'not a folder');
            await writeFile(tensions, `${good}\n`);
          },
          /releases:1:1 is not a folder/,
          async () => {
            await rm(releases);
            await cp(path.join(DEFAULT_CONTENT_DIR, 'releases'), releases, { recursive: true });
            await writeFile(tensions, good);
          },
        ],
        [
          // Its read used to wait for a writer for ever, holding up every later reload.
          'a content file replaced by a named pipe',
          async () => {
            await rm(tensions);
            execFileSync('mkfifo', [tensions]);
          },
          /tensions\.yaml:1:1 is a named pipe \(FIFO\), not a regular file/,
          restoreTensions,
        ],
        [
          'a content file replaced by a directory',
          async () => {
            await rm(tensions);
            await mkdir(tensions);
          },
          /tensions\.yaml:1:1 is a directory, not a regular file/,
          restoreTensions,
        ],
        [
          'a content file replaced by a dangling symlink',
          async () => {
            await rm(tensions);
            await symlink(path.join(dir, 'nowhere.yaml'), tensions);
          },
          /tensions\.yaml:1:1 is a symbolic link to nothing/,
          restoreTensions,
        ],
        [
          '"[" × 20,000',
          () => writeFile(tensions, '['.repeat(20_000)),
          /tensions\.yaml:1:65 YAML nested deeper than 64 levels/,
          restoreTensions,
        ],
      ];
      for (const [name, breakIt, expected, restore] of breakages) {
        const mark = server.logs.length;
        const isNew = (l: LogLine) => server.logs.indexOf(l) >= mark;
        await breakIt();
        // Editing another file guarantees an event, whatever the watcher makes of the broken one.
        await writeFile(nudged, nudgedText);
        const failure = await server.waitForLog((l) => isNew(l) && l.msg === 'content reload failed; still serving the last good content');
        expect((failure.errors as string[]).join('\n'), name).toMatch(expected);
        expect(server.child.exitCode, name).toBeNull();
        expect(await patienceTitle(), name).toEqual(before);
        expect((await fetch(`${server.url}/ready`)).status, name).toBe(200);
        await restore();
      }

      // Reloads still happen: none is stuck behind the named pipe.
      const mark = server.logs.length;
      await writeFile(tensions, good.replace('slug: loneliness', 'slug: lonely-at-the-top'));
      await server.waitForLog((l) => server.logs.indexOf(l) >= mark && l.msg === 'content reloaded');
      const slugs = (await postGraphql(server.url, '{ tensions { slug } }')).body.data.tensions.map((t: { slug: string }) => t.slug);
      expect(slugs).toContain('lonely-at-the-top');
      await writeFile(tensions, good);
    },
  );
});
