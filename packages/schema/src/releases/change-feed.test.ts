import { describe, expect, it } from 'vitest';
import type { FrameworkExportJson, LegacyFrameworkExportJson } from '../export/export-model.js';
import { diffSnapshots } from './change-feed.js';

const hash = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const tension = { slug: 'loneliness', title: 'Loneliness', summary: 'Few peers.', description: 'D', sources: [] };

describe('the change feed across export formats', () => {
  it('names as changed only the fields a format-2 item fills that its format-1 release lacked', () => {
    const before = { formatVersion: 1, tensions: [{ ...tension, contentHash: hash(1) }] } as unknown as LegacyFrameworkExportJson;
    const after = {
      formatVersion: 2,
      tensions: [{ ...tension, basis: 'sourced', interpretation: null, quotations: [], contentHash: hash(2) }],
    } as unknown as FrameworkExportJson;
    const [event] = diffSnapshots(
      { version: '0.1.0', publishedAt: null, snapshot: before },
      { version: '0.2.0', publishedAt: null, snapshot: after },
    );
    // An item that quotes nothing has not changed its quotations; its basis is new.
    expect(event).toMatchObject({ kind: 'updated', slug: 'loneliness', changedFields: ['basis'] });

    const quoting = {
      ...after,
      tensions: [{ ...after.tensions[0]!, quotations: [{ text: 'lonely', speaker: null, source: 's', section: 'S' }] }],
    };
    const [quoted] = diffSnapshots(
      { version: '0.1.0', publishedAt: null, snapshot: before },
      { version: '0.2.0', publishedAt: null, snapshot: quoting },
    );
    expect(quoted!.changedFields).toEqual(['basis', 'quotations']);
  });
});
