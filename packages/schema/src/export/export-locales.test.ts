import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../graph/types.js';
import { loadFrameworkOrThrow } from '../loader/load-framework.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { exportFramework } from './canonical.js';
import { FrameworkExport } from './export-model.js';
import { DEFAULT_JOB_PROFILE } from './job-profile.js';
import { occupationsJsonLd } from './occupations-jsonld.js';

let framework: Framework;
let de: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
  de = framework.translations.get('de')!;
});

describe('the canonical JSON in a locale', () => {
  it('says its locale and carries the translated text, still valid against the export schema', () => {
    const json = exportFramework(de, 'https://example.com/schema.json');
    expect(FrameworkExport.safeParse(json).error).toBeUndefined();
    expect(json.framework.locale).toBe('de');
    expect(exportFramework(framework, '').framework.locale).toBe('en');
    expect(json.levels[1]!.summary).toBe(de.levels[1]!.summary.markdown);
    expect(json.levels[1]!.summary).not.toBe(framework.levels[1]!.summary.markdown);
    // A release snapshot of format 2 made before locales (no `locale`) still reads.
    const { locale: _, ...older } = json.framework;
    expect(FrameworkExport.safeParse({ ...json, framework: older }).success).toBe(true);
  });
});

describe('JSON-LD in a locale', () => {
  let dir: string;
  let partly: Framework;
  beforeAll(async () => {
    // German with three gaps: a level's summary missing, a dimension's title missing, a capability's title stale.
    dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-jsonld-'));
    await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    const edit = async (file: string, collection: string, slug: string, change: (item: Record<string, any>) => void) => {
      const target = path.join(dir, 'locales/de', file);
      const doc = parse(await readFile(target, 'utf8')) as Record<string, Record<string, any>[]>;
      change(doc[collection]!.find((item) => item.slug === slug)!);
      await writeFile(target, stringify(doc));
    };
    await edit('levels.yaml', 'levels', 'principal', (item) => {
      delete item.summary;
      delete item.translatedFrom.summary;
    });
    await edit('dimensions.yaml', 'dimensions', 'time-horizon', (item) => {
      delete item.title;
      delete item.translatedFrom.title;
    });
    await edit('capabilities.yaml', 'capabilities', 'patience', (item) => (item.translatedFrom.title = '000000000000'));
    partly = (await loadFrameworkOrThrow(dir)).translations.get('de')!;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  type Node = Record<string, any>;
  const graphOf = (f: Framework) => occupationsJsonLd(f, DEFAULT_JOB_PROFILE, 'https://hr.example.com')['@graph'] as Node[];

  it('says the language of every Occupation and skill with inLanguage, and links to the page in that language', () => {
    const graph = graphOf(de);
    for (const occupation of graph) {
      expect(occupation.inLanguage).toBe('de');
      expect(occupation.skills.every((s: Node) => s.inLanguage === 'de')).toBe(true);
      expect(occupation.url).toBe(`${occupation['@id']}?lang=de`);
    }
    expect(graph[0]!['@id']).toBe('https://hr.example.com/embed/level/staff');
    expect(graph[1]!.description).toMatch(new RegExp(`^${de.levels[1]!.summary.text}`));
    const english = graphOf(framework);
    expect(english.map((o) => [o.inLanguage, o.url])).toEqual(
      framework.levels.map((l) => ['en', `https://hr.example.com/embed/level/${l.slug}`]),
    );
    // A complete locale has no string tagged with another language.
    expect(JSON.stringify(graph)).not.toContain('@language');
  });

  it('tags a string that fell back to English with its own language, and leaves the rest plain', () => {
    const graph = graphOf(partly);
    const principal = graph[1]!;
    expect(principal.inLanguage).toBe('de');
    expect(principal.description).toEqual({
      '@value': `${framework.levels[1]!.summary.text} ${partly.levels[1]!.description.text}`,
      '@language': 'en',
    });
    expect(typeof principal.name).toBe('string');
    // The time-horizon line names its dimension in English: tagged; the other lines stay German strings.
    const index = partly.dimensions.findIndex((d) => d.slug === 'time-horizon');
    for (const occupation of graph) {
      expect(occupation.responsibilities[index]).toMatchObject({ '@language': 'en' });
      expect(occupation.responsibilities[index]['@value']).toMatch(/^Time horizon: /);
      expect(occupation.responsibilities.filter((r: unknown) => typeof r !== 'string')).toHaveLength(1);
    }
    const patience = graph[0]!.skills.find((s: Node) => s.termCode === 'patience');
    expect(patience.name).toEqual({ '@value': framework.find('Capability', 'patience')!.title, '@language': 'en' });
    expect(typeof patience.description).toBe('string');
  });
});
