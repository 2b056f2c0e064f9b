import { describe, expect, it } from 'vitest';
import { webhookId } from './plan.js';
import { parseRetryAfter } from './webhook-sender.js';

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('webhookId', () => {
  it('is the same for the same change and differs for any other', () => {
    const id = webhookId('level.updated', 'staff', 'sha256:a', 'sha256:b');
    expect(id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(webhookId('level.updated', 'staff', 'sha256:a', 'sha256:b')).toBe(id);
    // Changing back to an earlier version is a new change, with a new id.
    expect(webhookId('level.updated', 'staff', 'sha256:b', 'sha256:a')).not.toBe(id);
    expect(webhookId('level.deleted', 'staff', 'sha256:a', 'sha256:b')).not.toBe(id);
  });
});
