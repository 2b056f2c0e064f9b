import path from 'node:path';
import { exportFramework, type LoadOptions } from '@altitude/schema';
import { ConfigError, configuredLocales } from '../config/altitude-config.js';
import { deliveredRecord, planSync, type PlannedChange } from '../sync/plan.js';
import { jsonReporter, lineReporter, terminalReporter, type Reporter, type Sent, type SyncSummary } from '../sync/reporters.js';
import { snapshotMessage, SNAPSHOT_EVENT } from '../sync/snapshot.js';
import { STALE_MS, SyncLockedError, lockSyncState, type SyncLock } from '../sync/sync-lock.js';
import { SyncLocalesError, syncLocales, syncTranslations, type SyncTranslations } from '../sync/sync-locales.js';
import { SyncStateError, readSyncState, writeSyncState, type SyncState } from '../sync/sync-state.js';
import { DEFAULT_RETRY, INTERRUPTED, createSender, type RetryPolicy, type WebhookMessage } from '../sync/webhook-sender.js';
import { loadOrReport } from './load-or-report.js';

export interface SyncCommandOptions {
  readonly url: string;
  readonly secret: string;
  readonly state: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly contentDir: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  /** Where each locale takes missing strings from (the config's locales.fallbacks). */
  readonly localeFallbacks?: LoadOptions['localeFallbacks'];
  /** altitude.config.json or .yaml, for the locales it declares complete (default: the one in cwd). */
  readonly config?: string;
  readonly cwd: string;
  readonly retry: Partial<RetryPolicy>;
}

const usage = (message: string) => {
  process.stderr.write(`altitude sync: ${message}\n`);
  return 2;
};

/** A Standard Webhooks secret: whsec_ followed by base64 key bytes. */
function validSecret(secret: string): boolean {
  const key = secret.startsWith('whsec_') ? secret.slice(6) : '';
  // Standard Webhooks recommends keys of 24 to 64 bytes: 32 or more base64 characters.
  return key.length >= 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(key);
}

/** The message a planned change is sent as: a creation or update with the item in every locale synced. */
const changeMessage = (change: PlannedChange): WebhookMessage => ({
  eventType: change.eventType,
  webhookId: change.webhookId,
  data: {
    slug: change.slug,
    contentHash: change.contentHash,
    version: change.version,
    entity: change.entity,
    ...(change.kind === 'deleted'
      ? {}
      : {
          locale: change.locale,
          translations: change.translations,
          fallbacks: change.fallbacks,
          changedLocales: change.changedLocales,
        }),
  },
});

/** Exit codes of a run stopped by a signal, as shells report them (128 + the signal's number). */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * `altitude sync`: sends the target every change since what the state file
 * says it acknowledged, one signed webhook per change, and records each
 * acknowledgement atomically before sending the next. One run at a time per
 * state file (a lock beside it). A first sync ends with a snapshot event
 * listing every live entity. Exit 0 when everything is delivered (or
 * nothing was due), 1 when something failed, 2 for usage or configuration
 * errors (the state file in use included), 130 on Ctrl-C.
 */
export async function runSync(options: SyncCommandOptions): Promise<number> {
  let target: URL;
  try {
    target = new URL(options.url);
  } catch {
    return usage(`--url "${options.url}" is not a URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return usage(`--url must be http(s), not ${target.protocol}`);
  // Credentials in the URL would be printed in every line that names the
  // target and written into the state file, in clear.
  if (target.username || target.password)
    return usage(
      '--url must not carry a user name or password (user:pass@host): they would be printed and stored in the state file. ' +
        'The receiver can authenticate the sender by its signature (--secret); if it also needs its own credentials, send them as a header from a proxy in front of it.',
    );
  if (!validSecret(options.secret))
    return usage('--secret must be a Standard Webhooks secret: "whsec_" followed by a base64 key of at least 32 characters (24 bytes)');

  const framework = await loadOrReport(options.contentDir, options.cwd, options);
  if (!framework) return 2;
  let translations: SyncTranslations;
  try {
    const { complete } = await configuredLocales(options.cwd, options.config);
    translations = syncTranslations(framework, syncLocales(framework, complete));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SyncLocalesError) return usage(error.message);
    throw error;
  }
  const stateFile = path.resolve(options.cwd, options.state);

  // A dry run writes nothing, so it needs no lock; a real run reads the state only once it holds it.
  let lock: SyncLock | undefined;
  if (!options.dryRun) {
    try {
      lock = await lockSyncState(stateFile);
    } catch (error) {
      if (error instanceof SyncLockedError)
        return usage(
          `the state file ${stateFile} is in use by ${error.message}. Wait for it to end; a lock whose holder died is taken over at once on the same machine, or after ${STALE_MS / 1000} s without a refresh.`,
        );
      // A folder that does not exist or cannot be written: found before anything is sent, not after the first delivery.
      return usage(
        `cannot lock the state file ${stateFile} (${(error as Error).message}); --state must be a file in a folder you can write`,
      );
    }
    if (lock.tookOver) process.stderr.write(`altitude sync: took over the lock on ${stateFile} from ${lock.tookOver}\n`);
  }
  try {
    let state;
    try {
      state = await readSyncState(stateFile, target.href);
    } catch (error) {
      if (error instanceof SyncStateError) return usage(error.message);
      throw error;
    }
    return await deliverAll(options, target, framework, translations, stateFile, state, lock);
  } finally {
    await lock?.release();
  }
}

async function deliverAll(
  options: SyncCommandOptions,
  target: URL,
  framework: NonNullable<Awaited<ReturnType<typeof loadOrReport>>>,
  translations: SyncTranslations,
  stateFile: string,
  state: SyncState,
  lock: SyncLock | undefined,
): Promise<number> {
  const current = exportFramework(framework, '');
  const plan = planSync(current, state, translations, framework.view.locale);
  const firstSync = state.snapshotDue === true && Object.keys(state.delivered).length === 0;
  const snapshotDue = state.snapshotDue === true;
  const snapshot = snapshotMessage(current, framework.view, translations);
  let snapshotStatus: SyncSummary['snapshot'] = snapshotDue ? 'pending' : 'not due';
  const reporter: Reporter = options.json ? jsonReporter() : process.stdout.isTTY ? terminalReporter() : lineReporter();
  const started = Date.now();
  const outcome = new Map<PlannedChange, { status: 'delivered' | 'failed'; attempts: number; reason?: string }>();
  const summary = (extra: Partial<SyncSummary> = {}): SyncSummary => {
    const delivered = [...outcome.values()].filter((o) => o.status === 'delivered').length;
    const failed = [...outcome.values()].filter((o) => o.status === 'failed').length;
    return {
      target: target.href,
      version: framework.version,
      dryRun: options.dryRun,
      upToDate: plan.length === 0 && !snapshotDue,
      firstSync,
      snapshot: snapshotStatus,
      planned: plan.length,
      delivered,
      failed,
      remaining: plan.length - delivered,
      durationMs: Date.now() - started,
      locales: [framework.view.locale, ...translations.keys()],
      changes: plan.map((c) => ({
        eventType: c.eventType,
        slug: c.slug,
        webhookId: c.webhookId,
        locales: c.changedLocales,
        status: outcome.get(c)?.status ?? 'pending',
        ...(outcome.get(c) ?? {}),
      })),
      ...extra,
    };
  };

  reporter.plan(plan, { target: target.href, snapshotDue, ...(firstSync ? { firstSyncState: stateFile } : {}) });
  if ((plan.length === 0 && !snapshotDue) || options.dryRun) {
    reporter.finish(summary());
    return 0;
  }

  // Ctrl-C (or a lost lock) ends a back-off or a request in flight at once;
  // what was acknowledged before it is already recorded.
  const stop = new AbortController();
  let signalled: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    signalled = signal;
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const lockCheck = setInterval(() => lock?.lost() && stop.abort(), 1000).unref();

  // What is being sent, as the reporter names it (a change by its slug).
  let sending: Sent = snapshot;
  const send = createSender({
    url: target.href,
    secret: options.secret,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    onRetry: (_, failure) => reporter.retry(sending, failure),
    signal: stop.signal,
  });
  const deliver = (sent: Sent, message: WebhookMessage) => {
    sending = sent;
    return send(message);
  };
  // Why the run must stop now, if it must: checked before every send.
  const halted = (): number | undefined => {
    if (signalled) {
      reporter.finish(summary({ error: `Interrupted (${signalled}); everything acknowledged before it is recorded.` }));
      return SIGNAL_EXIT[signalled] ?? 1;
    }
    const lost = lock?.lost();
    if (lost) {
      reporter.finish(
        summary({ error: `Another run took over the lock on ${stateFile} (${lost.message}); stopped so the two do not interleave.` }),
      );
      return 1;
    }
    return undefined;
  };
  const record = async (what: string, attempts: number, change?: PlannedChange): Promise<number | undefined> => {
    try {
      await writeSyncState(stateFile, state);
      return undefined;
    } catch (error) {
      if (change) outcome.set(change, { status: 'failed', attempts, reason: 'delivered, but not recorded' });
      reporter.finish(
        summary({
          error: `${what} was delivered but the state file ${stateFile} could not be written (${(error as Error).message}); nothing else was sent.`,
        }),
      );
      return 1;
    }
  };
  try {
    for (const change of plan) {
      const stopped = halted();
      if (stopped !== undefined) return stopped;
      const delivery = await deliver(change, changeMessage(change));
      if (!delivery.ok) {
        if (delivery.reason === INTERRUPTED) return halted() ?? 1;
        outcome.set(change, { status: 'failed', attempts: delivery.attempts, reason: delivery.reason });
        reporter.failed(change, delivery);
        reporter.finish(
          summary({ error: `${change.eventType} ${change.slug} (${change.webhookId}) was not accepted: ${delivery.reason}.` }),
        );
        return 1;
      }
      state.delivered[change.key] = deliveredRecord(change, new Date().toISOString());
      // Recorded before the next send: a kill now loses nothing, and at most
      // this one change is sent again (with the same webhook-id).
      const unrecorded = await record(`${change.eventType} ${change.slug}`, delivery.attempts, change);
      if (unrecorded !== undefined) return unrecorded;
      outcome.set(change, { status: 'delivered', attempts: delivery.attempts });
      reporter.delivered(change, delivery);
    }

    if (snapshotDue) {
      const stopped = halted();
      if (stopped !== undefined) return stopped;
      const delivery = await deliver(snapshot, snapshot);
      if (!delivery.ok) {
        if (delivery.reason === INTERRUPTED) return halted() ?? 1;
        snapshotStatus = 'failed';
        reporter.failed(snapshot, delivery);
        reporter.finish(summary({ error: `${SNAPSHOT_EVENT} (${snapshot.webhookId}) was not accepted: ${delivery.reason}.` }));
        return 1;
      }
      delete state.snapshotDue;
      const unrecorded = await record(SNAPSHOT_EVENT, delivery.attempts);
      if (unrecorded !== undefined) return unrecorded;
      snapshotStatus = 'delivered';
      reporter.delivered(snapshot, delivery);
    }
  } finally {
    clearInterval(lockCheck);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  reporter.finish(summary());
  return 0;
}
