import { SingleBar, Presets } from 'cli-progress';
import Table from 'cli-table3';
import type { PlannedChange } from './plan.js';
import type { AttemptFailure, Delivery } from './webhook-sender.js';

export interface SyncSummary {
  readonly target: string;
  readonly version: string;
  readonly dryRun: boolean;
  readonly upToDate: boolean;
  readonly planned: number;
  readonly delivered: number;
  readonly failed: number;
  readonly remaining: number;
  readonly durationMs: number;
  readonly error?: string;
  readonly changes: readonly {
    eventType: string;
    slug: string;
    webhookId: string;
    status: 'delivered' | 'failed' | 'pending';
    attempts?: number;
    reason?: string;
  }[];
}

/** How progress reaches the person (or program) running the sync. */
export interface Reporter {
  plan(plan: readonly PlannedChange[], target: string): void;
  retry(change: PlannedChange, failure: AttemptFailure): void;
  delivered(change: PlannedChange, delivery: Delivery & { ok: true }): void;
  failed(change: PlannedChange, delivery: Delivery & { ok: false }): void;
  finish(summary: SyncSummary): void;
}

function planTable(plan: readonly PlannedChange[]): string {
  const table = new Table({ head: ['change', 'type', 'slug', 'version'], style: { head: [], border: [], compact: true } });
  for (const c of plan) table.push([c.kind, c.type, c.slug, c.version]);
  return table.toString();
}

const counts = (plan: readonly PlannedChange[]) => {
  const n = (kind: string) => plan.filter((c) => c.kind === kind).length;
  return `${n('created')} created, ${n('updated')} updated, ${n('deleted')} deleted`;
};

function finalLine(summary: SyncSummary): string {
  if (summary.upToDate) return `${summary.target} is up to date (version ${summary.version}); nothing to send.`;
  if (summary.dryRun)
    return `Dry run: ${summary.planned} change${summary.planned === 1 ? '' : 's'} would be sent to ${summary.target}; nothing was sent.`;
  if (summary.failed === 0 && summary.remaining === 0)
    return `Delivered ${summary.delivered} change${summary.delivered === 1 ? '' : 's'} to ${summary.target} in ${(summary.durationMs / 1000).toFixed(1)} s.`;
  return `Delivered ${summary.delivered} of ${summary.planned}; ${summary.remaining} not delivered. ${summary.error ?? ''} Run the same command again to send the rest.`.trim();
}

/** Plain lines on stdout: for logs, CI and pipes. */
export function lineReporter(write: (s: string) => void = (s) => process.stdout.write(s)): Reporter {
  return {
    plan(plan, target) {
      if (plan.length) write(`${plan.length} change${plan.length === 1 ? '' : 's'} for ${target} (${counts(plan)}):\n${planTable(plan)}\n`);
    },
    retry(change, f) {
      write(`retry   ${change.eventType} ${change.slug}: ${f.reason}; attempt ${f.attempt + 1} in ${(f.waitMs / 1000).toFixed(1)} s\n`);
    },
    delivered(change, d) {
      write(
        `sent    ${change.eventType} ${change.slug} (${change.webhookId}) ${d.status} in ${d.ms} ms${d.attempts > 1 ? ` after ${d.attempts} attempts` : ''}\n`,
      );
    },
    failed(change, d) {
      write(`FAILED  ${change.eventType} ${change.slug} (${change.webhookId}): ${d.reason}\n`);
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
    plan(plan, target) {
      lines.plan(plan, target);
      if (plan.length) {
        bar = new SingleBar(
          { format: 'Syncing [{bar}] {value}/{total} {change}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
          Presets.shades_classic,
        );
        bar.start(plan.length, 0, { change: '' });
      }
    },
    retry(change, f) {
      bar?.update({ change: `${change.eventType} ${change.slug}: ${f.reason}, retrying in ${(f.waitMs / 1000).toFixed(1)} s` });
    },
    delivered(change) {
      bar?.increment({ change: `${change.eventType} ${change.slug}` });
    },
    failed(change, d) {
      bar?.stop();
      bar = undefined;
      lines.failed(change, d);
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
