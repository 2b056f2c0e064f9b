import { describe, expect, it } from 'vitest';
import { planSync, webhookId } from './plan.js';
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

describe('planSync', () => {
  it('gives an entity re-created after its deletion a new webhook-id', () => {
    const entity = { slug: 'loneliness', title: 'Loneliness', summary: 's', sources: [], description: 'd', contentHash: 'sha256:a' };
    const current = {
      framework: { version: '1.0.0' },
      sources: [],
      dimensions: [],
      levels: [],
      transitions: [],
      leverageMechanisms: [],
      failureModes: [],
      orgPractices: [],
      capabilities: [],
      tensions: [entity],
      misconceptions: [],
    };
    const empty = { format: 'altitude.sync-state' as const, formatVersion: 1 as const, target: 'https://hr.example', delivered: {} };
    const [created] = planSync(current as never, empty);
    const afterDelete = {
      ...empty,
      delivered: {
        'Tension/loneliness': {
          type: 'Tension',
          slug: 'loneliness',
          contentHash: 'sha256:a',
          version: '1.0.0',
          webhookId: 'msg_deleted',
          deliveredAt: '',
          deleted: true,
          entity,
        },
      },
    };
    const [recreated] = planSync(current as never, afterDelete);
    expect(recreated!.kind).toBe('created');
    expect(recreated!.webhookId).not.toBe(created!.webhookId);
  });
});
