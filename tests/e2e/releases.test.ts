import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, loadFramework } from '@altitude/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphql, runCli, startCliServer } from '../support/cli.js';
import { changeSubjectCount, dropSelfDefinedRole, editContent, retitlePatience } from '../support/content.js';

let work: string;
let items: number;
const content = () => path.join(work, 'content');
const release = (version: string) => runCli(['release', version, '--content', 'content'], { cwd: work });
const edit = (file: string, change: (text: string) => string) => editContent(content(), file, change);

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-release-'));
  await cp(DEFAULT_CONTENT_DIR, content(), { recursive: true });
  // Start from content that has never been released.
  await rm(path.join(content(), 'releases'), { recursive: true, force: true });
  items = await changeSubjectCount(content());
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('altitude release and the change feed', () => {
  it('freezes releases, refuses what it should, and serves the history as a change feed', async () => {
    const first = await release('0.1.0');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `Released 0.1.0: ${items} changes since the beginning (${items} created, 0 updated, 0 deleted). Snapshot: content/releases/0.1.0.json\n`,
    );
    const snapshot = JSON.parse(await readFile(path.join(content(), 'releases/0.1.0.json'), 'utf8')) as {
      version: string;
      snapshot: { levels: unknown[] };
    };
    expect(snapshot.version).toBe('0.1.0');
    expect(snapshot.snapshot.levels).toHaveLength(3);

    expect(await release('0.1.0')).toMatchObject({ code: 2, stderr: 'altitude: 0.1.0 is not greater than the last release, 0.1.0\n' });
    expect(await release('0.0.9')).toMatchObject({ code: 2 });
    expect(await release('1.0')).toMatchObject({ code: 2, stderr: 'altitude: "1.0" is not a semantic version such as 1.2.0\n' });
    expect(await release('0.2.0')).toMatchObject({
      code: 1,
      stderr: 'altitude: nothing has changed since release 0.1.0; edit the content, then release\n',
    });

    // One update, one deletion, one creation.
    await edit('capabilities.yaml', retitlePatience);
    await edit('tensions.yaml', dropSelfDefinedRole);
    await edit(
      'tensions.yaml',
      (t) =>
        `${t.trimEnd()}\n  - slug: being-a-different-shape\n    title: A different shape\n    summary: Peers are mostly managers.\n    basis: sourced\n    description: Few people in the room share the role's concerns.\n    sources:\n      - source: leaddev-reality-of-being-a-distinguished-engineer\n        section: Who you collaborate with\n`,
    );
    const second = await release('0.2.0');
    expect(second.stdout).toBe(
      'Released 0.2.0: 3 changes since 0.1.0 (1 created, 1 updated, 1 deleted). Snapshot: content/releases/0.2.0.json\n',
    );
    const header = await readFile(path.join(content(), 'framework.yaml'), 'utf8');
    expect(header).toMatch(/^# yaml-language-server: \$schema=\.\/content\.schema\.json\n/);
    expect(header).toMatch(/\n {2}version: "?0\.2\.0"?\n/);

    // An unreleased change on top.
    await edit('capabilities.yaml', (t) => t.replace(/(slug: judgement\n\s+title: )(.*)/, '$1Judgement from experience'));

    const server = await startCliServer(['--content', content()]);
    try {
      const { body } = await postGraphql(
        server.url,
        `{ frameworkVersion { version released publishedAt } releases { edges { node { version entityCount } } }
           changes(first: 200) { edges { cursor node { id kind subjectType slug subjectId subject { id } changedFields fromVersion toVersion publishedAt contentHash previousContentHash tombstone entity } } pageInfo { hasNextPage endCursor } } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.frameworkVersion).toEqual({ version: '0.2.0', released: false, publishedAt: null });
      expect(body.data.releases.edges.map((r: { node: { version: string } }) => r.node.version)).toEqual(['0.1.0', '0.2.0']);
      const events = body.data.changes.edges.map((e: { node: Record<string, unknown> }) => e.node) as Record<string, any>[];
      expect(events).toHaveLength(items + 3 + 1);
      expect(events.slice(0, items).every((e) => e.kind === 'CREATED' && e.fromVersion === null && e.toVersion === '0.1.0')).toBe(true);
      const second = events.slice(items, items + 3);
      expect(second.map((e) => `${e.kind} ${e.subjectType} ${e.slug}`)).toEqual([
        'UPDATED CAPABILITY patience',
        'CREATED TENSION being-a-different-shape',
        'DELETED TENSION self-defined-role',
      ]);
      // Linked to the live object, and to nothing once it is deleted.
      expect(second[0]!.subject).toEqual({ id: second[0]!.subjectId });
      expect(second[2]!.subject).toBeNull();
      expect(second[0]).toMatchObject({ changedFields: ['title'], fromVersion: '0.1.0', toVersion: '0.2.0', tombstone: false });
      expect(second[0]!.previousContentHash).not.toBe(second[0]!.contentHash);
      expect(second[2]).toMatchObject({
        tombstone: true,
        contentHash: null,
        entity: { slug: 'self-defined-role', title: expect.any(String) },
      });
      expect(events.at(-1)).toMatchObject({
        kind: 'UPDATED',
        slug: 'judgement',
        toVersion: null,
        publishedAt: null,
        subjectType: 'CAPABILITY',
      });
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

      // Paging with cursors walks the same list.
      const page = await postGraphql(server.url, '{ changes(first: 5) { edges { node { id } } pageInfo { hasNextPage endCursor } } }');
      const next = await postGraphql(server.url, 'query($after: String) { changes(first: 5, after: $after) { edges { node { id } } } }', {
        after: page.body.data.changes.pageInfo.endCursor,
      });
      expect(page.body.data.changes.pageInfo.hasNextPage).toBe(true);
      expect([...page.body.data.changes.edges, ...next.body.data.changes.edges].map((e: { node: { id: string } }) => e.node.id)).toEqual(
        events.slice(0, 10).map((e) => e.id),
      );
    } finally {
      await server.stop();
    }
  });
});

describe('altitude release is atomic', () => {
  // ALTITUDE_TEST_CRASH_AT is a test-only hook: the release kills itself (SIGKILL) right after the named write.
  it.each([
    ['snapshot-written', '0.1.0'],
    ['header-written', '0.2.0'],
    ['snapshot-final', '0.2.0'],
  ])('killed at %s, it leaves a whole release (%s): the version served has its snapshot', async (step, expected) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-release-crash-'));
    const run = (...args: string[]) => runCli([...args, '--content', 'content'], { cwd: dir, env: { ALTITUDE_TEST_CRASH_AT: step } });
    try {
      await cp(DEFAULT_CONTENT_DIR, path.join(dir, 'content'), { recursive: true });
      await rm(path.join(dir, 'content', 'releases'), { recursive: true, force: true });
      expect((await runCli(['release', '0.1.0', '--content', 'content'], { cwd: dir })).code).toBe(0);
      await editContent(path.join(dir, 'content'), 'capabilities.yaml', retitlePatience);

      const crashed = await run('release', '0.2.0');
      expect(crashed.code).toBeNull(); // killed, not exited
      expect(crashed.stdout).toBe('');

      const check = await run('check');
      expect(check.code, check.stderr).toBe(0);
      expect(check.stdout).toContain(`version ${expected},`);
      const loaded = await loadFramework(path.join(dir, 'content'));
      expect(loaded.ok).toBe(true);
      const framework = loaded.ok ? loaded.framework : undefined;
      expect(framework?.version).toBe(expected);
      // The new release is exactly this content; the old one is the last release, with the edit still unreleased.
      expect(framework?.currentRelease?.version).toBe(expected === '0.2.0' ? '0.2.0' : undefined);
      expect(framework?.releases.map((r) => r.version)).toEqual(expected === '0.1.0' ? ['0.1.0'] : ['0.1.0', '0.2.0']);

      // The next run tidies up: the release is made (or said to be made already), and no pending file is left.
      const again = await runCli(['release', '0.2.0', '--content', 'content'], { cwd: dir });
      expect(again.code).toBe(expected === '0.1.0' ? 0 : 2);
      expect(await readdir(path.join(dir, 'content', 'releases'))).toEqual(['0.1.0.json', '0.2.0.json']);
      expect((await runCli(['check', '--content', 'content'], { cwd: dir })).stdout).toContain('version 0.2.0,');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
