import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeGlobalId, DEFAULT_CONTENT_DIR } from '@altitude/schema';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLI, runCli } from '../support/cli.js';
import { dropSelfDefinedRole, editContent, itemCount, retitlePatience } from '../support/content.js';
import { newSecret, startReceiver, type Behaviour } from '../support/webhook-receiver.js';

let items: number;
let work: string;
let receivers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  items = await itemCount(DEFAULT_CONTENT_DIR);
});
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-sync-'));
  await cp(DEFAULT_CONTENT_DIR, path.join(work, 'content'), { recursive: true });
});
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
  await rm(work, { recursive: true, force: true });
});

async function receiver(secret: string, behave?: Behaviour) {
  const r = await startReceiver(secret, behave);
  receivers.push(r);
  return r;
}

/** `altitude sync` as a child process the test can signal, with its output collected. */
function startSync(url: string, secret: string, ...extra: string[]) {
  const child = spawn(
    process.execPath,
    [CLI, 'sync', '--url', url, '--secret', secret, '--content', 'content', '--state', 'state.json', ...extra],
    { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

/** `altitude sync` against the copy of the content in `work`, with quick retries. */
const sync = (url: string, secret: string, ...extra: string[]) =>
  runCli(['sync', '--url', url, '--secret', secret, '--content', 'content', '--state', 'state.json', '--retry-base', '20', ...extra], {
    cwd: work,
  });

const state = async () =>
  JSON.parse(await readFile(path.join(work, 'state.json'), 'utf8')) as {
    delivered: Record<string, { contentHash: string; deleted: boolean }>;
  };

describe('altitude sync', () => {
  it('delivers every item once, signed, with stable ids, and records them', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    const run = await sync(hr.url, secret);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(hr.rejected).toEqual([]);
    // Every item, then the snapshot that ends a first sync.
    expect(hr.accepted()).toHaveLength(items + 1);
    expect(new Set(hr.received.map((r) => r.id)).size).toBe(items + 1);
    const level = hr.received.find((r) => r.type === 'level.created' && r.slug === 'staff')!;
    expect(level.payload.data).toMatchObject({
      slug: 'staff',
      version: expect.any(String),
      contentHash: expect.stringMatching(/^sha256:/),
    });
    expect(level.payload.data.entity).toMatchObject({ slug: 'staff', title: 'Staff Engineer', rank: 1 });
    expect(run.stdout).toContain(`${items} changes for ${hr.url}`);
    expect(run.stdout).toMatch(/sent {4}level\.created staff \(msg_[0-9a-f]{32}\) 204/);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(`^Delivered ${items} changes and the framework\\.snapshot event to ${hr.url.replace(/[.]/g, '\\.')} in [\\d.]+ s\\.$`),
    );
    expect(Object.keys((await state()).delivered)).toHaveLength(items);
  });

  it('sends nothing the second time and says the target is up to date', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    await sync(hr.url, secret);
    const before = hr.received.length;
    const again = await sync(hr.url, secret);
    expect(again.code).toBe(0);
    expect(hr.received.length).toBe(before);
    expect(again.stdout.trim()).toMatch(/is up to date \(version .+\); nothing to send\.$/);
  });

  it('after a content change, sends only that change, and a deletion as a tombstone', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    await sync(hr.url, secret);
    hr.received.length = 0;
    await editContent(path.join(work, 'content'), 'capabilities.yaml', retitlePatience);
    await editContent(path.join(work, 'content'), 'tensions.yaml', dropSelfDefinedRole);
    const run = await sync(hr.url, secret);
    expect(run.code).toBe(0);
    expect(hr.received.map((r) => `${r.type} ${r.slug}`)).toEqual(['capability.updated patience', 'tension.deleted self-defined-role']);
    expect(hr.received[0]!.payload.data.entity).toMatchObject({ title: 'Patience, over years' });
    expect(hr.received[1]!.payload.data.entity).toMatchObject({ slug: 'self-defined-role', title: expect.any(String) });
    expect((await state()).delivered['Tension/self-defined-role']!.deleted).toBe(true);
    expect((await sync(hr.url, secret)).stdout).toMatch(/is up to date/);
  });

  it('retries a 500 and delivers on the next attempt, with the same webhook-id', async () => {
    const secret = newSecret();
    const hr = await receiver(secret, (n) => (n === 1 ? { status: 500 } : { status: 200 }));
    const run = await sync(hr.url, secret);
    expect(run.code).toBe(0);
    expect(hr.received[0]!.answer).toBe(500);
    expect(hr.received[1]!.id).toBe(hr.received[0]!.id);
    expect(hr.accepted()).toHaveLength(items + 1);
    expect(run.stdout).toMatch(/retry {3}\S+ \S+: HTTP 500: refused with 500; attempt 2 in [\d.]+ s/);
  });

  it('honours Retry-After on a 429', async () => {
    const secret = newSecret();
    const times: number[] = [];
    const hr = await receiver(secret, (n) => {
      times.push(Date.now());
      return n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 };
    });
    const run = await sync(hr.url, secret);
    expect(run.code).toBe(0);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    expect(hr.accepted()).toHaveLength(items + 1);
  });

  it('stops at a 410 with an error naming the change and the response, keeping what was delivered', async () => {
    const secret = newSecret();
    const hr = await receiver(secret, (n) => (n === 3 ? { status: 410 } : { status: 200 }));
    const run = await sync(hr.url, secret);
    expect(run.code).toBe(1);
    const third = hr.received[2]!;
    expect(run.stdout).toContain(`FAILED  ${third.type} ${third.slug} (${third.id}): HTTP 410: refused with 410`);
    expect(run.stdout).toContain(
      `Delivered 2 of ${items}; ${items - 2} not delivered. ${third.type} ${third.slug} (${third.id}) was not accepted: HTTP 410`,
    );
    expect(hr.received).toHaveLength(3);
    expect(Object.keys((await state()).delivered)).toHaveLength(2);
  });

  it('does not follow a redirect or count it as delivered', async () => {
    const secret = newSecret();
    const hr = await receiver(secret, () => ({ status: 307, headers: { location: 'https://elsewhere.example/hooks' } }));
    const run = await sync(hr.url, secret);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('HTTP 307 redirect to https://elsewhere.example/hooks; point --url at the final address');
    expect(hr.received).toHaveLength(1);
    // Nothing was acknowledged, so nothing was recorded.
    expect(existsSync(path.join(work, 'state.json'))).toBe(false);
  });

  it('reads the secret from ALTITUDE_WEBHOOK_SECRET', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    const run = await runCli(['sync', '--url', hr.url, '--content', 'content', '--state', 'state.json', '--dry-run'], {
      cwd: work,
      env: { ALTITUDE_WEBHOOK_SECRET: secret },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run:');
  });

  it('retries a delivery that times out', async () => {
    const secret = newSecret();
    const hr = await receiver(secret, (n) => (n === 2 ? { status: 200, delayMs: 2_500 } : { status: 200 }));
    const run = await sync(hr.url, secret, '--timeout', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/retry {3}\S+ \S+: no answer within 1 s; attempt 2 in/);
    expect(new Set(hr.accepted().map((r) => r.id)).size).toBe(items + 1);
  });

  it('retries a connection dropped mid-request', async () => {
    const secret = newSecret();
    const hr = await receiver(secret, (n) => (n === 5 ? 'drop' : { status: 200 }));
    const run = await sync(hr.url, secret);
    expect(run.code).toBe(0);
    expect(hr.received[4]!.answer).toBe('dropped');
    expect(hr.received[5]!.id).toBe(hr.received[4]!.id);
    expect(new Set(hr.accepted().map((r) => r.id)).size).toBe(items + 1);
  });

  it('loses nothing when killed mid-run: the next run sends exactly what was not acknowledged', async () => {
    const secret = newSecret();
    const hr = await receiver(secret, () => ({ status: 200, delayMs: 60 }));
    const child = spawn(
      process.execPath,
      [CLI, 'sync', '--url', hr.url, '--secret', secret, '--content', 'content', '--state', 'state.json'],
      {
        cwd: work,
        stdio: 'ignore',
      },
    );
    await vi.waitFor(() => expect(hr.received.length).toBeGreaterThanOrEqual(10), { interval: 5, timeout: 30_000 });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const acknowledged = Object.keys((await state()).delivered).length;
    expect(acknowledged).toBeGreaterThanOrEqual(9);
    expect(acknowledged).toBeLessThan(items);

    const rerun = await sync(hr.url, secret);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`${items - acknowledged} changes for`);
    const ids = hr.received.map((r) => r.id);
    expect(new Set(ids).size).toBe(items + 1);
    // Anything sent twice was sent with the same webhook-id, so the receiver can drop the repeat.
    expect(ids.length - new Set(ids).size).toBeLessThanOrEqual(1);
    expect(Object.keys((await state()).delivered)).toHaveLength(items);
  });

  it('--dry-run prints the plan and sends nothing; --json prints a summary', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    const dry = await sync(hr.url, secret, '--dry-run');
    expect(dry.code).toBe(0);
    expect(hr.received).toHaveLength(0);
    expect(dry.stdout).toMatch(/│ created │ Level +│ staff/);
    expect(dry.stdout.trim().split('\n').at(-1)).toBe(
      `Dry run: ${items} changes and the framework.snapshot event would be sent to ${hr.url}; nothing was sent.`,
    );
    const json = await sync(hr.url, secret, '--json');
    const summary = JSON.parse(json.stdout) as { planned: number; delivered: number; failed: number; changes: { status: string }[] };
    expect(summary).toMatchObject({ planned: items, delivered: items, failed: 0 });
    expect(summary.changes.every((c) => c.status === 'delivered')).toBe(true);
  });

  it('shows a progress bar on a terminal', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    // util-linux `script` runs the command on a pseudo-terminal, as a person at a shell would.
    const command = [
      process.execPath,
      CLI,
      'sync',
      '--url',
      hr.url,
      '--secret',
      secret,
      '--content',
      'content',
      '--state',
      'state.json',
    ].join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(output).toContain('Syncing [');
    expect(output).toContain(`${items + 1}/${items + 1}`);
    expect(output).toContain(`Delivered ${items} changes and the framework.snapshot event to ${hr.url}`);
  });

  it('exits 2 on usage and configuration errors, before sending anything', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    expect((await sync('not a url', secret)).code).toBe(2);
    const nowhere = await runCli(
      ['sync', '--url', hr.url, '--secret', secret, '--content', 'content', '--state', 'no-such-folder/state.json'],
      {
        cwd: work,
      },
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain(`cannot lock the state file ${path.join(work, 'no-such-folder/state.json')} (`);
    expect(hr.received).toHaveLength(0);
    const badSecret = await sync(hr.url, 'hunter2');
    expect(badSecret.code).toBe(2);
    expect(badSecret.stderr).toContain('--secret must be a Standard Webhooks secret');
    await sync(hr.url, secret);
    const other = await sync('http://127.0.0.1:9/other', secret);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`records deliveries to ${hr.url}, not http://127.0.0.1:9/other; give each target its own --state file`);
  });
});

describe('altitude sync: one run at a time, Ctrl-C, first sync', () => {
  it('refuses a second run on the same state file, naming the one that holds it (exit 2), and sends nothing', async () => {
    const secret = newSecret();
    const hr = await receiver(secret, () => ({ status: 200, delayMs: 100 }));
    const first = startSync(hr.url, secret);
    try {
      await vi.waitFor(() => expect(hr.received.length).toBeGreaterThanOrEqual(2), { interval: 10, timeout: 30_000 });
      const second = await sync(hr.url, secret);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(
        `the state file ${path.join(work, 'state.json')} is in use by another altitude sync: pid ${first.child.pid} on ${os.hostname()}, started `,
      );
      // Every request the receiver saw came from the first run: each id once, in its order, no repeats.
      const ids = hr.received.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      first.child.kill('SIGINT');
      await first.exited;
    }
    // The first run let go of its lock on the way out: a new run goes ahead and finishes the job.
    const resumed = await sync(hr.url, secret);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toBe('');
    expect(Object.keys((await state()).delivered)).toHaveLength(items);
  });

  it('takes over a lock left by a run that died: at once on this machine, after the stale time elsewhere', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    const lock = path.join(work, 'state.json.lock');
    const leaveLock = async (holder: { pid: number; host: string }, ageMs: number) => {
      await mkdir(lock);
      const s = await stat(lock);
      await writeFile(
        path.join(work, 'state.json.lock-holder.json'),
        JSON.stringify({
          ...holder,
          startedAt: new Date(Date.now() - ageMs).toISOString(),
          lock: { ino: s.ino, birthtimeMs: s.birthtimeMs },
        }),
      );
      const then = new Date(Date.now() - ageMs);
      await utimes(lock, then, then);
    };

    // Killed a moment ago on this machine: its process is gone.
    const pid = await deadPid();
    await leaveLock({ pid, host: os.hostname() }, 1_000);
    const real = await sync(hr.url, secret);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stderr.startsWith(`altitude sync: took over the lock on ${path.join(work, 'state.json')} from `)).toBe(true);
    expect(real.stderr).toMatch(new RegExp(`from another altitude sync: pid ${pid} on .+, whose process is gone\\n$`));
    expect(Object.keys((await state()).delivered)).toHaveLength(items);

    // On another machine its pid means nothing here: the lock is taken over only once nobody refreshed it for 30 s.
    await editContent(path.join(work, 'content'), 'capabilities.yaml', retitlePatience);
    await leaveLock({ pid: 1, host: 'build-agent-7.example' }, 5_000);
    const fresh = await sync(hr.url, secret);
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toContain('is in use by another altitude sync: pid 1 on build-agent-7.example');
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    const taken = await sync(hr.url, secret);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toMatch(/from another altitude sync: pid 1 on build-agent-7\.example, started .*, not refreshed for 6\d s\n$/);
    expect(hr.received.at(-1)!.type).toBe('capability.updated');
  });

  it('stops at once on Ctrl-C during a retry back-off (exit 130), keeping what was acknowledged', async () => {
    const secret = newSecret();
    // The third delivery is told to come back in ten minutes.
    const hr = await receiver(secret, (n) => (n === 3 ? { status: 503, headers: { 'retry-after': '600' } } : { status: 200 }));
    const run = startSync(hr.url, secret, '--max-retry-time', '3600');
    await vi.waitFor(() => expect(run.stdout()).toMatch(/retry {3}.*attempt 2 in 600\.0 s/), { interval: 10, timeout: 30_000 });
    const signalled = Date.now();
    run.child.kill('SIGINT');
    const [code] = await Promise.race([
      run.exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still waiting out the back-off 20 s after Ctrl-C')), 20_000)),
    ]).finally(() => run.child.kill('SIGKILL'));
    expect(code).toBe(130);
    expect(Date.now() - signalled).toBeLessThan(20_000);
    expect(run.stdout()).toContain(
      `Delivered 2 of ${items}; ${items - 2} not delivered. Interrupted (SIGINT); everything acknowledged before it is recorded.`,
    );
    expect(Object.keys((await state()).delivered)).toHaveLength(2);
    expect(hr.received).toHaveLength(3);
    // The lock went with the run.
    expect(existsSync(path.join(work, 'state.json.lock'))).toBe(false);
  }, 40_000);

  it('says a run with no state file is a first sync and ends it with a signed snapshot of every live entity', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    const run = await sync(hr.url, secret);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      `First sync to ${hr.url}: there is no state file ${path.join(work, 'state.json')} yet. Every item is sent, then a framework.snapshot event listing them all.`,
    );
    expect(hr.rejected).toEqual([]);
    const last = hr.received.at(-1)!;
    expect(last.type).toBe('framework.snapshot');
    expect(run.stdout).toMatch(/sent {4}framework\.snapshot \(msg_[0-9a-f]{32}\) 204/);
    const data = last.payload.data as unknown as {
      version: string;
      contentHash: string;
      count: number;
      entities: { type: string; slug: string; id: string; contentHash: string }[];
    };
    expect(data.count).toBe(items);
    expect(data.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const delivered = new Map(hr.received.slice(0, -1).map((r) => [`${r.type} ${r.slug}`, r.payload.data.contentHash]));
    for (const entity of data.entities) {
      expect(decodeGlobalId(entity.id)).toEqual({ typename: entity.type, id: entity.slug, locale: 'en', view: 'upstream' });
      const eventType = `${entity.type.charAt(0).toLowerCase()}${entity.type.slice(1)}.created`;
      expect(entity.contentHash).toBe(delivered.get(`${eventType} ${entity.slug}`));
    }
    expect(new Set(data.entities.map((e) => `${e.type}/${e.slug}`))).toEqual(new Set(Object.keys((await state()).delivered)));

    // Not a first sync any more: a later change is sent alone, without a snapshot.
    await editContent(path.join(work, 'content'), 'tensions.yaml', dropSelfDefinedRole);
    hr.received.length = 0;
    const later = await sync(hr.url, secret);
    expect(later.stdout).not.toContain('First sync');
    expect(hr.received.map((r) => r.type)).toEqual(['tension.deleted']);
  });

  it('ends a first sync cut short with the snapshot when it is resumed', async () => {
    const secret = newSecret();
    const hr = await receiver(secret, (n) => (n === 3 ? { status: 410 } : { status: 200 }));
    expect((await sync(hr.url, secret)).code).toBe(1);
    const resumed = await sync(hr.url, secret);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('still owes its framework.snapshot event');
    expect(hr.received.at(-1)!.type).toBe('framework.snapshot');
    expect((await sync(hr.url, secret)).stdout).toMatch(/is up to date/);
  });

  it('prints what the receiver said without its control characters', async () => {
    const secret = newSecret();
    const body = '\u001b[2J\u001b[31mno such tenant\u001b[0m\rALL GOOD\u0007\u001b]0;pwned\u0007\u202eevil\nmore';
    const hr = await receiver(secret, () => ({ status: 422, body }));
    const run = await sync(hr.url, secret);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('HTTP 422: no such tenant ALL GOOD evil more');
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  });

  it('refuses a --url with credentials before sending anything, without printing them', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    const withCredentials = hr.url.replace('http://', 'http://hr-bot:s3cr3t-pw@');
    const run = await sync(withCredentials, secret);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--url must not carry a user name or password');
    expect(run.stderr).toContain('send them as a header');
    expect(run.stderr).not.toContain('s3cr3t-pw');
    expect(hr.received).toHaveLength(0);
    expect(existsSync(path.join(work, 'state.json'))).toBe(false);
  });
});
