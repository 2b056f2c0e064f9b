import path from 'node:path';
import { exportFramework } from '@altitude/schema';
import { planSync, type PlannedChange } from '../sync/plan.js';
import { jsonReporter, lineReporter, terminalReporter, type Reporter, type SyncSummary } from '../sync/reporters.js';
import { SyncStateError, readSyncState, writeSyncState } from '../sync/sync-state.js';
import { DEFAULT_RETRY, createSender, type RetryPolicy } from '../sync/webhook-sender.js';
import { loadOrReport } from './load-or-report.js';

export interface SyncCommandOptions {
  readonly url: string;
  readonly secret: string;
  readonly state: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly contentDir: string;
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

/**
 * `altitude sync`: sends the target every change since what the state file
 * says it acknowledged, one signed webhook per change, and records each
 * acknowledgement atomically before sending the next. Exit 0 when
 * everything is delivered (or nothing was due), 1 when something failed,
 * 2 for usage or configuration errors.
 */
export async function runSync(options: SyncCommandOptions): Promise<number> {
  let target: URL;
  try {
    target = new URL(options.url);
  } catch {
    return usage(`--url "${options.url}" is not a URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return usage(`--url must be http(s), not ${target.protocol}`);
  if (!validSecret(options.secret))
    return usage('--secret must be a Standard Webhooks secret: "whsec_" followed by a base64 key of at least 32 characters (24 bytes)');

  const framework = await loadOrReport(options.contentDir, options.cwd);
  if (!framework) return 2;
  const stateFile = path.resolve(options.cwd, options.state);
  let state;
  try {
    state = await readSyncState(stateFile, target.href);
  } catch (error) {
    if (error instanceof SyncStateError) return usage(error.message);
    throw error;
  }

  const plan = planSync(exportFramework(framework, ''), state);
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
      upToDate: plan.length === 0,
      planned: plan.length,
      delivered,
      failed,
      remaining: plan.length - delivered,
      durationMs: Date.now() - started,
      changes: plan.map((c) => ({
        eventType: c.eventType,
        slug: c.slug,
        webhookId: c.webhookId,
        status: outcome.get(c)?.status ?? 'pending',
        ...(outcome.get(c) ?? {}),
      })),
      ...extra,
    };
  };

  reporter.plan(plan, target.href);
  if (plan.length === 0 || options.dryRun) {
    reporter.finish(summary());
    return 0;
  }

  // Ctrl-C lets the delivery in flight finish and be recorded, then stops.
  let interrupted = false;
  const onSignal = () => (interrupted = true);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const deliver = createSender({
    url: target.href,
    secret: options.secret,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    onRetry: (change, failure) => reporter.retry(change, failure),
  });
  try {
    for (const change of plan) {
      if (interrupted) {
        reporter.finish(summary({ error: 'Interrupted.' }));
        return 1;
      }
      const delivery = await deliver(change);
      if (!delivery.ok) {
        outcome.set(change, { status: 'failed', attempts: delivery.attempts, reason: delivery.reason });
        reporter.failed(change, delivery);
        reporter.finish(
          summary({ error: `${change.eventType} ${change.slug} (${change.webhookId}) was not accepted: ${delivery.reason}.` }),
        );
        return 1;
      }
      state.delivered[change.key] = {
        type: change.type,
        slug: change.slug,
        contentHash: change.contentHash,
        version: change.version,
        webhookId: change.webhookId,
        deliveredAt: new Date().toISOString(),
        deleted: change.kind === 'deleted',
        entity: change.entity,
      };
      // Recorded before the next send: a kill now loses nothing, and at most
      // this one change is sent again (with the same webhook-id).
      try {
        await writeSyncState(stateFile, state);
      } catch (error) {
        outcome.set(change, { status: 'failed', attempts: delivery.attempts, reason: 'delivered, but not recorded' });
        reporter.finish(
          summary({
            error: `${change.eventType} ${change.slug} was delivered but the state file ${stateFile} could not be written (${(error as Error).message}); nothing else was sent.`,
          }),
        );
        return 1;
      }
      outcome.set(change, { status: 'delivered', attempts: delivery.attempts });
      reporter.delivered(change, delivery);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  reporter.finish(summary());
  return 0;
}
