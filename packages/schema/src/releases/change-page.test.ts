import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from './change-feed.js';
import { changePage } from './change-page.js';

const event = (key: string, toVersion: string | null): ChangeEvent =>
  ({
    key,
    toVersion,
    kind: 'updated',
    subjectKind: 'Capability',
    slug: key.split('/')[2] ?? key,
    changedFields: [],
    fromVersion: null,
    publishedAt: null,
    contentHash: null,
    previousContentHash: null,
    entity: {},
  }) as unknown as ChangeEvent;

describe('changePage', () => {
  it('pages forward with first and after', () => {
    const events = ['a', 'b', 'c', 'd', 'e'].map((id) => event(`0.1.0/${id}`, '0.1.0'));
    const one = changePage(events, 2, undefined);
    expect(one.edges.map((e) => e.node.key)).toEqual(['0.1.0/a', '0.1.0/b']);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = changePage(events, 2, one.pageInfo.endCursor);
    expect(two.edges.map((e) => e.node.key)).toEqual(['0.1.0/c', '0.1.0/d']);
    expect(changePage(events, 10, two.pageInfo.endCursor).pageInfo.hasNextPage).toBe(false);
  });

  it('skips nothing when unreleased changes a consumer has seen are released', () => {
    const before = [event('0.1.0/a', '0.1.0'), event('unreleased/b', null), event('unreleased/c', null)];
    const seen = changePage(before, 10, undefined);
    // Released as 0.2.0, and a new unreleased change after it.
    const after = [event('0.1.0/a', '0.1.0'), event('0.2.0/b', '0.2.0'), event('0.2.0/c', '0.2.0'), event('unreleased/d', null)];
    const next = changePage(after, 10, seen.pageInfo.endCursor);
    expect(next.edges.map((e) => e.node.key)).toEqual(['0.2.0/b', '0.2.0/c', 'unreleased/d']);
  });

  it('still finds its place from a cursor made before event keys carried a hash (API 0.1)', () => {
    const events = ['a', 'b', 'c'].map((slug) => event(`0.1.0/Capability/${slug}/0123456789ab`, '0.1.0'));
    const legacy = Buffer.from(JSON.stringify({ id: '0.1.0/Capability/a', released: 3 })).toString('base64url');
    expect(changePage(events, 10, legacy).edges.map((e) => e.node.slug)).toEqual(['b', 'c']);
  });

  it('rejects a cursor it did not make, and pages beyond the limit', () => {
    expect(() => changePage([], 10, 'not-a-cursor')).toThrow('after is not a cursor from this change feed');
    expect(() => changePage([], 501, undefined)).toThrow('first must be between 0 and 500, got 501.');
  });
});
