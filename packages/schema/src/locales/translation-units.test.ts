import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR, REPO_ROOT } from '../paths.js';
import { planTranslationFiles } from './translation-files.js';
import { readTranslationSet, type TranslationItem } from './translation-units.js';
import { sourceHash } from './translatable.js';

const ACME = path.join(REPO_ROOT, 'examples/acme-ladder/ladder');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function contentCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-units-'));
  dirs.push(dir);
  await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return dir;
}
async function itemsOf(dir: string, tag: string, overlays: string[] = []): Promise<readonly TranslationItem[]> {
  const set = await readTranslationSet(dir, tag, { overlays });
  if (!set.ok) throw new Error(set.errors.map((e) => e.message).join('\n'));
  return set.items;
}
const strings = (items: readonly TranslationItem[]) => items.flatMap((item) => item.strings.map((s) => ({ item, ...s })));

describe('readTranslationSet', () => {
  it('lists every string of the framework with its hash: German has all 322 translated, French none', async () => {
    const german = strings(await itemsOf(DEFAULT_CONTENT_DIR, 'de'));
    expect(german).toHaveLength(322);
    expect(german.every((s) => s.state === 'translated' && s.hash === sourceHash(s.source) && s.translation?.from === s.hash)).toBe(true);
    const french = strings(await itemsOf(DEFAULT_CONTENT_DIR, 'fr'));
    expect(french.map((s) => s.state)).toEqual(Array(322).fill('missing'));
    expect(french.every((s) => s.item.localeRoot === DEFAULT_CONTENT_DIR)).toBe(true);
  });

  it('gives a stale string its old translation and the file it is in, and the model’s context for a translator', async () => {
    const dir = await contentCopy();
    const levels = path.join(dir, 'levels.yaml');
    await writeFile(levels, (await readFile(levels, 'utf8')).replace('headline: Months to a few quarters', 'headline: Several months'));
    const staff = (await itemsOf(dir, 'de')).find((i) => i.collection === 'levels' && i.slug === 'staff')!;
    const headline = staff.strings.find((s) => s.key === 'expectations.time-horizon.headline')!;
    expect(headline).toMatchObject({
      source: 'Several months',
      hash: sourceHash('Several months'),
      state: 'stale',
      translation: { text: 'Monate bis einige Quartale', from: sourceHash('Months to a few quarters') },
      maxLength: 60,
    });
    expect(headline.translation!.file).toBe(path.join(dir, 'locales', 'de', 'levels.yaml'));
    expect(headline.description).toMatch(/A few words/);
    expect(staff.strings.filter((s) => s.state !== 'translated').map((s) => s.key)).toEqual(['expectations.time-horizon.headline']);
  });

  it("sends what an overlay adds or amends to the overlay's locales, and upstream's to the content's", async () => {
    const items = await itemsOf(DEFAULT_CONTENT_DIR, 'de', [ACME]);
    const root = (collection: string, slug: string | undefined) =>
      items.find((i) => i.collection === collection && i.slug === slug)!.localeRoot;
    expect(root('levels', 'senior-staff')).toBe(ACME); // added
    expect(root('levels', 'staff')).toBe(ACME); // amended
    expect(root('framework', undefined)).toBe(ACME); // the overlay renames the framework
    expect(root('dimensions', 'time-horizon')).toBe(DEFAULT_CONTENT_DIR);
    // The amended title's German is upstream's translation of upstream's title: stale here.
    const staffTitle = items.find((i) => i.slug === 'staff' && i.collection === 'levels')!.strings.find((s) => s.key === 'title')!;
    expect(staffTitle).toMatchObject({ source: 'Staff Engineer (L6)', state: 'stale', translation: { text: 'Staff Engineer' } });

    const planned = await planTranslationFiles(
      'de',
      [
        {
          item: items.find((i) => i.slug === 'staff' && i.collection === 'levels')!,
          string: staffTitle,
          text: 'Staff Engineer (L6)',
          hash: staffTitle.hash,
        },
      ],
      DEFAULT_CONTENT_DIR,
    );
    // Not upstream's German file, which the overlay's own translation now takes precedence over.
    expect([...planned.keys()]).toEqual([path.join(ACME, 'locales', 'de', 'levels.yaml')]);
    expect(planned.get(path.join(ACME, 'locales', 'de', 'levels.yaml'))).toMatchObject({ exists: false });
  });

  it('reports the content’s errors instead of listing strings', async () => {
    const dir = await contentCopy();
    await writeFile(path.join(dir, 'levels.yaml'), 'levels: [');
    const set = await readTranslationSet(dir, 'fr');
    expect(set.ok).toBe(false);
  });
});
