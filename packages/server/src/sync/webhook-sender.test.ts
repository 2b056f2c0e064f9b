import { describe, expect, it } from 'vitest';
import type { FrameworkExportJson } from '@altitude/schema';
import { planSync, webhookId } from './plan.js';
import type { SyncState } from './sync-state.js';
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
  it('is the same for the same inputs and differs for any other', () => {
    const id = webhookId('level.updated', 'staff', 'msg_previous', 'sha256:b');
    expect(id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(webhookId('level.updated', 'staff', 'msg_previous', 'sha256:b')).toBe(id);
    expect(webhookId('level.updated', 'staff', 'msg_other', 'sha256:b')).not.toBe(id);
    expect(webhookId('level.deleted', 'staff', 'msg_previous', 'sha256:b')).not.toBe(id);
  });
});

/** A framework export holding only the given collections, at version 1.0.0. */
function exportWith(collections: Record<string, unknown[]>): FrameworkExportJson {
  const none = {
    sources: [],
    dimensions: [],
    levels: [],
    transitions: [],
    leverageMechanisms: [],
    failureModes: [],
    orgPractices: [],
    capabilities: [],
    tensions: [],
    misconceptions: [],
  };
  return { framework: { version: '1.0.0' }, ...none, ...collections } as unknown as FrameworkExportJson;
}

const emptyState = (): SyncState => ({ format: 'altitude.sync-state', formatVersion: 1, target: 'https://hr.example', delivered: {} });

describe('planSync', () => {
  it('never repeats an id across an item history that goes back and forth', () => {
    const versions = ['sha256:a', 'sha256:b', 'sha256:a', 'sha256:b', null, 'sha256:a', null, 'sha256:a'];
    let state = emptyState();
    const ids: string[] = [];
    for (const hash of versions) {
      const tensions = hash ? [{ slug: 'loneliness', title: 'L', summary: 's', sources: [], description: 'd', contentHash: hash }] : [];
      const current = exportWith({ tensions });
      const [change] = planSync(current, state);
      ids.push(change!.webhookId);
      // What the sync command records once the receiver acknowledges.
      state = {
        ...state,
        delivered: {
          'Tension/loneliness': {
            type: 'Tension',
            slug: 'loneliness',
            contentHash: change!.contentHash,
            version: '1.0.0',
            webhookId: change!.webhookId,
            deliveredAt: '',
            deleted: change!.kind === 'deleted',
            entity: change!.entity,
          },
        },
      };
    }
    expect(new Set(ids).size).toBe(versions.length);
  });

  it('sends what is referred to before what refers to it, and deletes in reverse', () => {
    const item = (slug: string) => ({ slug, title: slug, summary: 's', sources: [], description: 'd', contentHash: `sha256:${slug}` });
    const current = exportWith({
      orgPractices: [{ ...item('practice'), examples: [] }],
      failureModes: [{ ...item('mode'), preventedBy: ['practice'] }],
    });
    expect(planSync(current, emptyState()).map((c) => c.eventType)).toEqual(['orgPractice.created', 'failureMode.created']);
  });

  it('gives an entity re-created after its deletion a new webhook-id', () => {
    const entity = { slug: 'loneliness', title: 'Loneliness', summary: 's', sources: [], description: 'd', contentHash: 'sha256:a' };
    const current = exportWith({ tensions: [entity] });
    const empty = emptyState();
    const [created] = planSync(current, empty);
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
    const [recreated] = planSync(current, afterDelete);
    expect(recreated!.kind).toBe('created');
    expect(recreated!.webhookId).not.toBe(created!.webhookId);
  });
});
