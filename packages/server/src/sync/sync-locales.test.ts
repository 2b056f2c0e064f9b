import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, exportFramework, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveredRecord, planSync, webhookId, type PlannedChange } from './plan.js';
import { snapshotMessage } from './snapshot.js';
import { SyncLocalesError, syncLocales, syncTranslations } from './sync-locales.js';
import type { SyncState } from './sync-state.js';

let framework: Framework;
let work: string;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  work = await mkdtemp(path.join(os.tmpdir(), 'altitude-sync-locales-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A copy of the content whose German translation of one item `change` edits. */
async function withGerman(name: string, file: string, slug: string, change: (item: Record<string, any>) => void): Promise<Framework> {
  const dir = path.join(work, name);
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  const target = path.join(dir, 'locales/de', file);
  const doc = parse(await readFile(target, 'utf8')) as Record<string, Record<string, any>[]>;
  const item = Object.values(doc)[0]!.find((i) => i.slug === slug)!;
  const before = stringify(doc);
  change(item);
  // An edit that changes nothing would leave the test testing nothing.
  if (stringify(doc) === before) throw new Error(`the edit to ${slug} in locales/de/${file} changed nothing`);
  await writeFile(target, stringify(doc));
  return loadFrameworkOrThrow(dir);
}

const emptyState = (): SyncState => ({ format: 'altitude.sync-state', formatVersion: 1, target: 'https://hr.example.com/', delivered: {} });

/** The plan for `served` in its default locales. */
const planFor = (served: Framework, state: SyncState, locales = syncLocales(served, [])) =>
  planSync(exportFramework(served, ''), state, syncTranslations(served, locales), served.view.locale);

/** The state after the target acknowledged every change of `plan`, as `altitude sync` records it. */
function acknowledged(plan: readonly PlannedChange[], state = emptyState()): SyncState {
  for (const change of plan) state.delivered[change.key] = deliveredRecord(change, '2026-12-01T00:00:00.000Z');
  return state;
}

describe('the locales a sync carries', () => {
  it('are every translators’ locale when the config declares none, never a generated pseudo-locale', () => {
    expect(syncLocales(framework, [])).toEqual(['de', 'ja']);
  });

  it('are the locales declared complete when some are, a pseudo-locale included when declared', () => {
    expect(syncLocales(framework, ['ja'])).toEqual(['ja']);
    expect(syncLocales(framework, ['en', 'DE', 'de', 'en-XA'])).toEqual(['de', 'en-XA']);
  });

  it('refuses a declared locale that is not served, or not a tag, rather than send English labelled as it', () => {
    expect(() => syncLocales(framework, ['de', 'fr'])).toThrow(SyncLocalesError);
    expect(() => syncLocales(framework, ['de', 'fr'])).toThrow(/locales\.complete names fr, which is not served .*served: en, de, ja/);
    expect(() => syncLocales(framework, ['not a tag'])).toThrow(/"not a tag", which is not a BCP 47 language tag/);
  });
});

describe('a sync plan in every locale', () => {
  it('creates each item with its translations, the strings that fell back and the locales it brings', () => {
    const plan = planFor(framework, emptyState());
    expect(plan).toHaveLength(framework.entities.length + framework.sources.length);
    const staff = plan.find((c) => c.key === 'Level/staff')!;
    expect(staff).toMatchObject({ kind: 'created', locale: 'en', changedLocales: ['en', 'de', 'ja'], fallbacks: {} });
    expect(Object.keys(staff.translations)).toEqual(['de', 'ja']);
    expect(staff.translations.de).toMatchObject({ slug: 'staff', summary: framework.translations.get('de')!.levels[0]!.summary.markdown });
    expect(staff.translationHashes).toEqual({
      de: framework.translations.get('de')!.levels[0]!.contentHash,
      ja: framework.translations.get('ja')!.levels[0]!.contentHash,
    });
    expect(staff.entity.summary).toBe(framework.levels[0]!.summary.markdown);
    expect(planFor(framework, acknowledged(plan))).toEqual([]);
  });

  it('delivers a changed German string as an update of that item alone, though its English did not change', async () => {
    const delivered = acknowledged(planFor(framework, emptyState()));
    const german = await withGerman('one-german-string', 'capabilities.yaml', 'patience', (item) => {
      item.title = 'Geduld über Jahre';
    });
    const plan = planFor(german, delivered);
    expect(plan.map((c) => [c.kind, c.key, c.changedLocales])).toEqual([['updated', 'Capability/patience', ['de']]]);
    const [change] = plan;
    expect(change!.contentHash).toBe(delivered.delivered['Capability/patience']!.contentHash);
    expect(change!.translations.de).toMatchObject({ title: 'Geduld über Jahre' });
    expect(change!.webhookId).not.toBe(delivered.delivered['Capability/patience']!.webhookId);
    // Acknowledged, it is not sent again.
    expect(planFor(german, acknowledged(plan, delivered))).toEqual([]);
  });

  it('delivers a translation gone stale, with the string now served from English named in its fallbacks', async () => {
    const delivered = acknowledged(planFor(framework, emptyState()));
    const stale = await withGerman('stale-german', 'levels.yaml', 'principal', (item) => {
      item.translatedFrom.summary = '000000000000';
    });
    const plan = planFor(stale, delivered);
    expect(plan.map((c) => [c.kind, c.key, c.changedLocales])).toEqual([['updated', 'Level/principal', ['de']]]);
    expect(plan[0]!.fallbacks).toEqual({ de: [{ field: 'summary', locale: 'en', reason: 'stale' }] });
    expect(plan[0]!.translations.de!.summary).toBe(framework.levels[1]!.summary.markdown);
  });

  it('sends every item once more to a target that has them without translations (a state file from before)', () => {
    const before = acknowledged(planFor(framework, emptyState(), []));
    expect(Object.values(before.delivered).some((d) => d.translations)).toBe(false);
    const plan = planFor(framework, before);
    expect(plan).toHaveLength(Object.keys(before.delivered).length);
    expect(plan.every((c) => c.kind === 'updated' && c.changedLocales.join() === 'de,ja')).toBe(true);
  });

  it('keeps the ids it gave before locales were synced when none are', () => {
    const plan = planFor(framework, emptyState(), []);
    const staff = plan.find((c) => c.key === 'Level/staff')!;
    expect(staff.translations).toEqual({});
    expect(staff.webhookId).toBe(webhookId('level.created', 'staff', null, staff.contentHash));
    expect(planFor(framework, emptyState()).find((c) => c.key === 'Level/staff')!.webhookId).not.toBe(staff.webhookId);
  });
});

describe('the snapshot that ends a first sync', () => {
  it('lists each entity’s translation hashes, and is a new message when only a translation changed', async () => {
    const snapshot = snapshotMessage(exportFramework(framework, ''), framework.view, syncTranslations(framework, ['de', 'ja']));
    const data = snapshot.data as { locales: string[]; entities: { slug: string; type: string; translations: Record<string, string> }[] };
    expect(data.locales).toEqual(['de', 'ja']);
    const staff = data.entities.find((e) => e.type === 'Level' && e.slug === 'staff')!;
    expect(staff.translations).toEqual({
      de: framework.translations.get('de')!.levels[0]!.contentHash,
      ja: framework.translations.get('ja')!.levels[0]!.contentHash,
    });
    const german = await withGerman('snapshot-german', 'capabilities.yaml', 'patience', (item) => {
      item.title = 'Geduld über Jahre';
    });
    const changed = snapshotMessage(exportFramework(german, ''), german.view, syncTranslations(german, ['de', 'ja']));
    expect(changed.webhookId).not.toBe(snapshot.webhookId);
    const english = snapshotMessage(exportFramework(framework, ''), framework.view);
    expect(english.webhookId).toBe(webhookId('framework.snapshot', '', null, framework.contentHash));
  });
});
