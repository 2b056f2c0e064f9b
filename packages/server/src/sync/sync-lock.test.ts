import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockSyncState, SyncLockedError } from './sync-lock.js';

let dir: string;
let state: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-lock-'));
  state = path.join(dir, 'state.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The id of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('lockSyncState', () => {
  it('lets one holder in, names it to the next, and lets go', async () => {
    const lock = await lockSyncState(state);
    const holder = JSON.parse(await readFile(`${state}.lock-holder.json`, 'utf8')) as { pid: number; host: string };
    expect(holder).toMatchObject({ pid: process.pid, host: os.hostname() });
    const second = await lockSyncState(state).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(SyncLockedError);
    expect((second as Error).message).toMatch(new RegExp(`^another altitude sync: pid ${process.pid} on .+, started .+ \\(\\d+ s ago\\)$`));
    await lock.release();
    const third = await lockSyncState(state);
    expect(third.tookOver).toBeUndefined();
    await third.release();
  });

  it('never takes a holder record left by an earlier lock for the live one', async () => {
    // A record naming a dead process, but written for another lock directory than the one now there.
    await mkdir(`${state}.lock`);
    await writeFile(
      `${state}.lock-holder.json`,
      JSON.stringify({ pid: deadPid(), host: os.hostname(), startedAt: new Date().toISOString(), lock: { ino: 1, birthtimeMs: 1 } }),
    );
    const refused = await lockSyncState(state).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SyncLockedError);
    expect((refused as Error).message).toBe('another altitude sync (it has not recorded who it is yet)');
  });

  it('lets only one of two runs take over a lock whose holder died', async () => {
    for (let round = 0; round < 25; round++) {
      await mkdir(`${state}.lock`);
      const lock = await stat(`${state}.lock`);
      await writeFile(
        `${state}.lock-holder.json`,
        JSON.stringify({
          pid: deadPid(),
          host: os.hostname(),
          startedAt: new Date().toISOString(),
          lock: { ino: lock.ino, birthtimeMs: lock.birthtimeMs },
        }),
      );
      const runs = await Promise.allSettled([lockSyncState(state), lockSyncState(state)]);
      const held = runs.filter((r) => r.status === 'fulfilled');
      expect(held, `round ${round}`).toHaveLength(1);
      for (const run of runs) if (run.status === 'rejected') expect(run.reason).toBeInstanceOf(SyncLockedError);
      await (held[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof lockSyncState>>>).value.release();
    }
  });
});
