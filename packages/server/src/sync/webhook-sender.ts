import { setTimeout as wait } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import { printable } from './printable.js';

export interface RetryPolicy {
  /** Attempts per change, the first included. */
  readonly maxAttempts: number;
  /** First back-off; each retry doubles it, with jitter. */
  readonly baseDelayMs: number;
  /** Longest back-off between two attempts (Retry-After is honoured as given, within maxTimeMs). */
  readonly maxDelayMs: number;
  /** Longest time spent on one change, waits included. */
  readonly maxTimeMs: number;
  /** How long one attempt may take before it counts as timed out. */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxTimeMs: 5 * 60_000,
  timeoutMs: 15_000,
};

export type Delivery =
  | { readonly ok: true; readonly status: number; readonly attempts: number; readonly ms: number }
  | { readonly ok: false; readonly reason: string; readonly status?: number; readonly attempts: number; readonly ms: number };

export interface AttemptFailure {
  readonly attempt: number;
  readonly reason: string;
  readonly waitMs: number;
}

/** One event to send: a planned change, or the snapshot that ends a first sync. */
export interface WebhookMessage {
  /** Event type, e.g. `level.updated`. */
  readonly eventType: string;
  /** Same every time this message is sent, so receivers can de-duplicate. */
  readonly webhookId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface SenderOptions {
  readonly url: string;
  readonly secret: string;
  readonly retry: RetryPolicy;
  readonly onRetry?: (message: WebhookMessage, failure: AttemptFailure) => void;
  /** Aborting it (Ctrl-C) ends a back-off or a request in flight at once; the delivery then reports `interrupted`. */
  readonly signal?: AbortSignal;
}

/** Why a delivery ended without an answer when its signal was aborted. */
export const INTERRUPTED = 'interrupted';

/** The webhook body: `{ type, timestamp, data }`. */
function webhookPayload(message: WebhookMessage, now: Date): string {
  return JSON.stringify({ type: message.eventType, timestamp: now.toISOString(), data: message.data });
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only an HTTP date (IMF-fixdate) counts; Date.parse would accept far more.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Sends one change as a Standard Webhooks POST, retrying what may succeed
 * later (429, 408, 5xx, timeouts, dropped connections) with exponential
 * back-off and jitter, honouring Retry-After, within the policy's bounds.
 * Any other 4xx (410 Gone included) fails at once. Every attempt of a
 * change carries the same webhook-id; each is signed afresh.
 */
export function createSender(options: SenderOptions) {
  const webhook = new Webhook(options.secret);
  const interrupted = () => options.signal?.aborted === true;
  const signal = (timeoutMs: number) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  };

  return async function deliver(change: WebhookMessage): Promise<Delivery> {
    const started = Date.now();
    const elapsed = () => Date.now() - started;
    const stopped = (attempt: number): Delivery => ({ ok: false, reason: INTERRUPTED, attempts: attempt, ms: elapsed() });
    for (let attempt = 1; ; attempt++) {
      if (interrupted()) return stopped(attempt - 1);
      const now = new Date();
      const body = webhookPayload(change, now);
      let status: number | undefined;
      let reason: string;
      let retryAfter: number | undefined;
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'altitude-sync',
            'webhook-id': change.webhookId,
            'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
            'webhook-signature': webhook.sign(change.webhookId, now, body),
          },
          body,
          signal: signal(options.retry.timeoutMs),
          // A redirect is not an acknowledgement, and following one would send
          // the signed payload to wherever Location points.
          redirect: 'manual',
        });
        status = response.status;
        // What the receiver says ends up on a terminal: no control characters.
        const text = printable(await response.text().catch(() => ''));
        if (response.ok) return { ok: true, status, attempts: attempt, ms: elapsed() };
        if (status >= 300 && status < 400) {
          const location = printable(response.headers.get('location') ?? '');
          return {
            ok: false,
            reason: `HTTP ${status} redirect${location ? ` to ${location}` : ''}; point --url at the final address`,
            status,
            attempts: attempt,
            ms: elapsed(),
          };
        }
        reason = `HTTP ${status}${text ? `: ${text.slice(0, 200).trim()}` : ''}`;
        const retryable = status === 429 || status === 408 || status >= 500;
        if (!retryable) return { ok: false, reason, status, attempts: attempt, ms: elapsed() };
        retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      } catch (error) {
        if (interrupted()) return stopped(attempt);
        const name = (error as Error).name;
        reason =
          name === 'TimeoutError'
            ? `no answer within ${options.retry.timeoutMs / 1000} s`
            : `connection failed (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message})`;
      }

      if (attempt >= options.retry.maxAttempts) {
        return { ok: false, reason: `${reason}; gave up after ${attempt} attempts`, status, attempts: attempt, ms: elapsed() };
      }
      const backoff = Math.min(options.retry.maxDelayMs, options.retry.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() * 0.5);
      // Retry-After is the receiver's word and is honoured as given; the time budget bounds it.
      const waitMs = Math.round(retryAfter ?? backoff);
      if (elapsed() + waitMs > options.retry.maxTimeMs) {
        return {
          ok: false,
          reason: `${reason}; gave up after ${attempt} attempts and ${Math.round(elapsed() / 1000)} s`,
          status,
          attempts: attempt,
          ms: elapsed(),
        };
      }
      options.onRetry?.(change, { attempt, reason, waitMs });
      await wait(waitMs, undefined, { signal: options.signal }).catch(() => {});
    }
  };
}
