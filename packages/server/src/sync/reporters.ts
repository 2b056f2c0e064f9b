import { SingleBar, Presets } from 'cli-progress';
import Table from 'cli-table3';
import type { PlannedChange } from './plan.js';
import { SNAPSHOT_EVENT } from './snapshot.js';
import type { AttemptFailure, Delivery, WebhookMessage } from './webhook-sender.js';

export interface SyncSummary {
  readonly target: string;
  readonly version: string;
  readonly dryRun: boolean;
  readonly upToDate: boolean;
  /** No state file existed: every item is sent, then the snapshot. */
  readonly firstSync: boolean;
  /** The framework.snapshot event: not due (not a first sync), or how its delivery went. */
  readonly snapshot: 'not due' | 'delivered' | 'failed' | 'pending';
  readonly planned: number;
  readonly delivered: number;
  readonly failed: number;
  readonly remaining: number;
  readonly durationMs: number;
  readonly error?: string;
  /** The framework's own locale, then every locale synced with it. */
  readonly locales: readonly string[];
  readonly changes: readonly {
    eventType: string;
    slug: string;
    webhookId: string;
    /** The locales whose text the change brings. */
    locales: readonly string[];
    status: 'delivered' | 'failed' | 'pending';
    attempts?: number;
    reason?: string;
  }[];
}

/** What is sent: a planned change, or the snapshot (no slug). */
export type Sent = Pick<WebhookMessage, 'eventType' | 'webhookId'> & { readonly slug?: string };

export interface PlanInfo {
  readonly target: string;
  /** Set on a first sync: where the state file will be. */
  readonly firstSyncState?: string;
  readonly snapshotDue: boolean;
}

/** How progress reaches the person (or program) running the sync. */
export interface Reporter {
  plan(plan: readonly PlannedChange[], info: PlanInfo): void;
  retry(sent: Sent, failure: AttemptFailure): void;
  delivered(sent: Sent, delivery: Delivery & { ok: true }): void;
  failed(sent: Sent, delivery: Delivery & { ok: false }): void;
  finish(summary: SyncSummary): void;
}

const name = (sent: Sent) => (sent.slug === undefined ? sent.eventType : `${sent.eventType} ${sent.slug}`);

function planTable(plan: readonly PlannedChange[]): string {
  const table = new Table({ head: ['change', 'type', 'slug', 'version'], style: { head: [], border: [], compact: true } });
  // An update says which languages changed once translations are synced: a German fix alone reads `updated (de)`.
  const kind = (c: PlannedChange) =>
    c.kind === 'updated' && Object.keys(c.translations).length ? `updated (${c.changedLocales.join(', ')})` : c.kind;
  for (const c of plan) table.push([kind(c), c.type, c.slug, c.version]);
  return table.toString();
}

const counts = (plan: readonly PlannedChange[]) => {
  const n = (kind: string) => plan.filter((c) => c.kind === kind).length;
  return `${n('created')} created, ${n('updated')} updated, ${n('deleted')} deleted`;
};

const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;

function finalLine(summary: SyncSummary): string {
  if (summary.upToDate) return `${summary.target} is up to date (version ${summary.version}); nothing to send.`;
  const andSnapshot = summary.snapshot === 'not due' ? '' : ` and the ${SNAPSHOT_EVENT} event`;
  if (summary.dryRun) return `Dry run: ${changes(summary.planned)}${andSnapshot} would be sent to ${summary.target}; nothing was sent.`;
  if (summary.failed === 0 && summary.remaining === 0 && summary.snapshot !== 'pending' && summary.snapshot !== 'failed')
    return `Delivered ${changes(summary.delivered)}${andSnapshot} to ${summary.target} in ${(summary.durationMs / 1000).toFixed(1)} s.`;
  const snapshotLeft = summary.remaining === 0 && andSnapshot ? ` The ${SNAPSHOT_EVENT} event was not delivered.` : '';
  return `Delivered ${summary.delivered} of ${summary.planned}; ${summary.remaining} not delivered.${snapshotLeft} ${summary.error ?? ''} Run the same command again to send the rest.`.replace(
    /\s+/g,
    ' ',
  );
}

/** Plain lines on stdout: for logs, CI and pipes. */
export function lineReporter(write: (s: string) => void = (s) => process.stdout.write(s)): Reporter {
  return {
    plan(plan, { target, firstSyncState, snapshotDue }) {
      if (firstSyncState)
        write(
          `First sync to ${target}: there is no state file ${firstSyncState} yet. Every item is sent, then a ${SNAPSHOT_EVENT} event listing them all.\n`,
        );
      if (plan.length) write(`${changes(plan.length)} for ${target} (${counts(plan)}):\n${planTable(plan)}\n`);
      if (snapshotDue && !firstSyncState) write(`The first sync to ${target} still owes its ${SNAPSHOT_EVENT} event; it is sent last.\n`);
    },
    retry(sent, f) {
      write(`retry   ${name(sent)}: ${f.reason}; attempt ${f.attempt + 1} in ${(f.waitMs / 1000).toFixed(1)} s\n`);
    },
    delivered(sent, d) {
      write(
        `sent    ${name(sent)} (${sent.webhookId}) ${d.status} in ${d.ms} ms${d.attempts > 1 ? ` after ${d.attempts} attempts` : ''}\n`,
      );
    },
    failed(sent, d) {
      write(`FAILED  ${name(sent)} (${sent.webhookId}): ${d.reason}\n`);
    },
    finish(summary) {
      write(`${finalLine(summary)}\n`);
    },
  };
}

/** A progress bar on the terminal (stderr), the plan and the outcome around it. */
export function terminalReporter(): Reporter {
  const lines = lineReporter((s) => process.stderr.write(s));
  let bar: SingleBar | undefined;
  return {
    plan(plan, info) {
      lines.plan(plan, info);
      const total = plan.length + (info.snapshotDue ? 1 : 0);
      if (total) {
        bar = new SingleBar(
          { format: 'Syncing [{bar}] {value}/{total} {change}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
          Presets.shades_classic,
        );
        bar.start(total, 0, { change: '' });
      }
    },
    retry(sent, f) {
      bar?.update({ change: `${name(sent)}: ${f.reason}, retrying in ${(f.waitMs / 1000).toFixed(1)} s` });
    },
    delivered(sent) {
      bar?.increment({ change: name(sent) });
    },
    failed(sent, d) {
      bar?.stop();
      bar = undefined;
      lines.failed(sent, d);
    },
    finish(summary) {
      bar?.stop();
      process.stdout.write(`${finalLine(summary)}\n`);
    },
  };
}

/** Nothing until the end, then one JSON summary on stdout (`--json`). */
export function jsonReporter(): Reporter {
  return {
    plan() {},
    retry() {},
    delivered() {},
    failed() {},
    finish(summary) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    },
  };
}
