import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';

/**
 * A lock nobody refreshed for this long belongs to a run that died (or a
 * machine that slept); the next run takes it over. The holder refreshes it
 * every STALE_MS / 4.
 */
export const STALE_MS = 30_000;

/** Who holds a lock: written beside it, since proper-lockfile records nothing. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  /** Identity of the lock directory this record belongs to, so a record left by a dead run is never taken for the live one's. */
  readonly lock: { readonly ino: number; readonly birthtimeMs: number };
}

export class SyncLockedError extends Error {
  override readonly name = 'SyncLockedError';
}

export interface SyncLock {
  /** Set when this run took over a lock another run left behind: who, and why it was stale. */
  readonly tookOver?: string;
  /** Set when another run took the lock over (ours went stale): stop before sending anything else. */
  readonly lost: () => Error | undefined;
  release(): Promise<void>;
}

const lockDir = (stateFile: string) => `${stateFile}.lock`;
const holderFile = (stateFile: string) => `${stateFile}.lock-holder.json`;

async function lockIdentity(stateFile: string) {
  const s = await stat(lockDir(stateFile));
  return { ino: s.ino, birthtimeMs: s.birthtimeMs };
}

async function readHolder(stateFile: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await readFile(holderFile(stateFile), 'utf8')) as LockHolder;
    const now = await lockIdentity(stateFile);
    // A record from an earlier lock (a run killed before it could remove it) says nothing about this one.
    return holder.lock?.ino === now.ino && holder.lock.birthtimeMs === now.birthtimeMs ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id exists on this machine (EPERM: it exists but is not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderText(holder: LockHolder | undefined): string {
  if (!holder) return 'another altitude sync (it has not recorded who it is yet)';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(holder.startedAt)) / 1000));
  return `another altitude sync: pid ${holder.pid} on ${holder.host}, started ${holder.startedAt} (${seconds} s ago)`;
}

/**
 * Takes the exclusive lock on a sync state file, or throws a SyncLockedError
 * naming who holds it. A lock is stale, and taken over, when its holder
 * stopped refreshing it STALE_MS ago (proper-lockfile's own test) or, on
 * this machine, when the process named in the holder record is gone.
 */
export async function lockSyncState(stateFile: string): Promise<SyncLock> {
  let lost: Error | undefined;
  const options = {
    realpath: false,
    stale: STALE_MS,
    update: STALE_MS / 4,
    retries: 0,
    lockfilePath: lockDir(stateFile),
    onCompromised: (error: Error) => (lost = error),
  };
  // What was there before, to say so when it turns out to be stale and is taken over.
  const previous = await stat(lockDir(stateFile)).then(
    async (s) => ({ holder: await readHolder(stateFile), mtimeMs: s.mtimeMs }),
    () => undefined,
  );
  let tookOver: string | undefined;
  let releaseLock: () => Promise<void>;
  try {
    releaseLock = await lockfile.lock(stateFile, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = await readHolder(stateFile);
    if (!holder || holder.host !== os.hostname() || alive(holder.pid)) throw new SyncLockedError(holderText(holder));
    // Its holder died on this machine. Its lock is moved aside in one step,
    // so of two runs that saw it dead only one moves it; and a run that moved
    // a lock someone took in the meantime (not the dead one's) puts it back.
    const aside = `${lockDir(stateFile)}.stale-${process.pid}-${randomUUID()}`;
    try {
      await rename(lockDir(stateFile), aside);
    } catch {
      throw new SyncLockedError(holderText(await readHolder(stateFile)));
    }
    const moved = await stat(aside);
    if (moved.ino !== holder.lock.ino || moved.birthtimeMs !== holder.lock.birthtimeMs) {
      await rename(aside, lockDir(stateFile)).catch(() => {});
      throw new SyncLockedError(holderText(await readHolder(stateFile)));
    }
    await rmdir(aside).catch(() => {});
    try {
      releaseLock = await lockfile.lock(stateFile, options);
      tookOver = `${holderText(holder)}, whose process is gone`;
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'ELOCKED') throw again;
      throw new SyncLockedError(holderText(await readHolder(stateFile)));
    }
  }
  if (previous && !tookOver && Date.now() - previous.mtimeMs > STALE_MS)
    tookOver = `${holderText(previous.holder)}, not refreshed for ${Math.round((Date.now() - previous.mtimeMs) / 1000)} s`;
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    lock: await lockIdentity(stateFile),
  };
  await writeFileAtomic(holderFile(stateFile), `${JSON.stringify(holder)}\n`);
  return {
    ...(tookOver ? { tookOver } : {}),
    lost: () => lost,
    async release() {
      if (lost) return;
      await rm(holderFile(stateFile), { force: true });
      await releaseLock();
    },
  };
}
