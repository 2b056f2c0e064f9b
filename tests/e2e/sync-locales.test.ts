import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { editContent, itemCount } from '../support/content.js';
import { newSecret, startReceiver } from '../support/webhook-receiver.js';

// `altitude sync` carries every declared locale of an item, and a translation change is a change to deliver.

let framework: Framework;
let items: number;
let work: string;
let receivers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  items = await itemCount(DEFAULT_CONTENT_DIR);
});
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-sync-locales-'));
  await cp(DEFAULT_CONTENT_DIR, path.join(work, 'content'), { recursive: true });
});
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
  await rm(work, { recursive: true, force: true });
});

async function receiver(secret: string) {
  const r = await startReceiver(secret);
  receivers.push(r);
  return r;
}

const sync = (url: string, secret: string, ...extra: string[]) =>
  runCli(['sync', '--url', url, '--secret', secret, '--content', 'content', '--state', 'state.json', '--retry-base', '20', ...extra], {
    cwd: work,
  });

/** One German string of `patience` (capabilities) rewritten: the English stays as it was. */
const retitlePatienceInGerman = (text: string) => text.replace(/(slug: patience\n\s+title: )Geduld\n/, '$1Geduld über Jahre\n');

describe('altitude sync in every locale', () => {
  it('sends each item with its German and Japanese, then a German fix alone as an update of that item', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    const first = await sync(hr.url, secret);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(hr.accepted()).toHaveLength(items + 1);
    const staff = hr.received.find((r) => r.type === 'level.created' && r.slug === 'staff')!.payload.data;
    const de = framework.translations.get('de')!;
    const ja = framework.translations.get('ja')!;
    expect(staff).toMatchObject({ locale: 'en', changedLocales: ['en', 'de', 'ja'], fallbacks: {} });
    expect(staff.entity).toMatchObject({ title: 'Staff Engineer', summary: framework.levels[0]!.summary.markdown });
    expect(staff.translations).toMatchObject({
      de: { slug: 'staff', summary: de.levels[0]!.summary.markdown, contentHash: de.levels[0]!.contentHash },
      ja: { slug: 'staff', title: ja.levels[0]!.title, contentHash: ja.levels[0]!.contentHash },
    });
    const snapshot = hr.received.at(-1)!.payload.data as unknown as { locales: string[]; entities: { translations: object }[] };
    expect(snapshot.locales).toEqual(['de', 'ja']);
    expect(snapshot.entities.every((e) => Object.keys(e.translations).join() === 'de,ja')).toBe(true);

    hr.received.length = 0;
    await editContent(path.join(work, 'content'), 'locales/de/capabilities.yaml', retitlePatienceInGerman);
    const second = await sync(hr.url, secret);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/│ updated \(de\) │ Capability +│ patience /);
    expect(hr.received.map((r) => `${r.type} ${r.slug}`)).toEqual(['capability.updated patience']);
    const patience = hr.received[0]!.payload.data;
    expect(patience.changedLocales).toEqual(['de']);
    expect((patience.translations as Record<string, { title: string }>).de!.title).toBe('Geduld über Jahre');
    // The English is what it was: the same hash the receiver already holds.
    expect(patience.contentHash).toBe(framework.find('Capability', 'patience')!.contentHash);
    expect((await sync(hr.url, secret)).stdout).toMatch(/is up to date/);
  });

  it('carries only the locales the config declares complete, and refuses one that is not served', async () => {
    const secret = newSecret();
    const hr = await receiver(secret);
    await writeFile(path.join(work, 'altitude.config.yaml'), 'locales:\n  complete: [ja]\n');
    const run = await sync(hr.url, secret, '--json');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { locales: string[]; changes: { locales: string[] }[] };
    expect(summary.locales).toEqual(['en', 'ja']);
    expect(summary.changes.every((c) => c.locales.join() === 'en,ja')).toBe(true);
    expect(Object.keys(hr.received[0]!.payload.data.translations as object)).toEqual(['ja']);
    // A German fix is no change for a target that does not take German.
    await editContent(path.join(work, 'content'), 'locales/de/capabilities.yaml', retitlePatienceInGerman);
    expect((await sync(hr.url, secret)).stdout).toMatch(/is up to date/);

    await writeFile(path.join(work, 'other.yaml'), 'locales:\n  complete: [ja, fr]\n');
    const before = hr.received.length;
    const refused = await sync(hr.url, secret, '--config', 'other.yaml');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^altitude sync: locales\.complete names fr, which is not served \(no locales\/fr\/ folder\); served: en, de, ja, en-XA, ar-XB/,
    );
    expect(hr.received.length).toBe(before);
    expect(JSON.parse(await readFile(path.join(work, 'state.json'), 'utf8')).delivered['Level/staff'].translations).toEqual({
      ja: framework.translations.get('ja')!.levels[0]!.contentHash,
    });
  });
});
