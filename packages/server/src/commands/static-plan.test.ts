import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { staticOperationPath } from '@altitude/widgets/client/operation-url';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERSISTED_OPERATIONS } from '../graphql/persisted-operations.js';
import {
  MAX_STATIC_FILES,
  declaredVariables,
  localesToBuild,
  planStaticSite,
  StaticPlanError,
  type PlannableOperation,
} from './static-plan.js';

const ORIGIN = 'https://altitude-static.example.com';
let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

/** The widgets' operations as they will be once each declares $locale (the same names and variables, plus locale). */
const withLocale = (): PlannableOperation[] =>
  [...PERSISTED_OPERATIONS.values()].map((o) => {
    const variables = [...declaredVariables(o.document)].map((name) => `$${name}: String`);
    return { id: o.id, name: o.name, document: parse(`query ${o.name}(${[...variables, '$locale: String'].join(', ')}) { __typename }`) };
  });
/** The same without any $locale. */
const withoutLocale = (): PlannableOperation[] =>
  [...PERSISTED_OPERATIONS.values()].map((o) => ({ id: o.id, name: o.name, document: parse(`query ${o.name} { __typename }`) }));

const locales = (...tags: string[]) => framework.locales.filter((l) => tags.includes(l.tag));
const targets = (files: readonly { to: string }[]) => files.map((f) => f.to);

describe('planStaticSite', () => {
  it('writes English at the paths builds have always used, and every other locale under its tag', () => {
    const { files, perLocale } = planStaticSite(framework, ORIGIN, locales('en', 'de', 'ja'), withoutLocale());
    const to = targets(files);
    for (const path of ['embed/level/staff.html', 'embed/de/level/staff.html', 'embed/ja/level-compare/staff,principal.html'])
      expect(to).toContain(path);
    for (const path of ['snippet/failure-modes.md', 'snippet/de/failure-mode/super-coder.html', 'snippet/ja/level/principal.md'])
      expect(to).toContain(path);
    // The server's page for ?lang=, fetched once per locale.
    expect(files.find((f) => f.to === 'embed/de/level-compare/staff,principal.html')?.from).toBe(
      '/embed/level-compare?levels=staff,principal&lang=de',
    );
    expect(files.find((f) => f.to === 'snippet/ja/level/staff.md')?.from).toBe('/snippet/level/staff.md?lang=ja');
    expect(files.find((f) => f.to === 'embed/level/staff.html')?.from).toBe('/embed/level/staff');
    // Every locale the same embeds and snippets: 3 levels, 4 failure modes, 2 lists, 12 comparisons, 3 forms each;
    // and the tools' embed pages: the self-assessment against the top level and against each level, the health check.
    expect([...perLocale]).toEqual([
      ['en', 63 + 5],
      ['de', 63 + 5],
      ['ja', 63 + 5],
    ]);
    expect(new Set(to).size).toBe(to.length);
  });

  it('writes the tools’ embed pages per locale, a self-assessment per target level, and no snippet of a tool', () => {
    const { files } = planStaticSite(framework, ORIGIN, locales('en', 'de'), withoutLocale());
    const tools = files.filter((f) => /(self-assessment|role-health-check)/.test(f.to));
    expect(tools.map((f) => [f.from, f.to, f.locale])).toEqual([
      ['/embed/self-assessment', 'embed/self-assessment.html', 'en'],
      ['/embed/self-assessment?target=staff', 'embed/self-assessment/staff.html', 'en'],
      ['/embed/self-assessment?target=principal', 'embed/self-assessment/principal.html', 'en'],
      ['/embed/self-assessment?target=distinguished', 'embed/self-assessment/distinguished.html', 'en'],
      ['/embed/role-health-check', 'embed/role-health-check.html', 'en'],
      ['/embed/self-assessment?lang=de', 'embed/de/self-assessment.html', 'de'],
      ['/embed/self-assessment?target=staff&lang=de', 'embed/de/self-assessment/staff.html', 'de'],
      ['/embed/self-assessment?target=principal&lang=de', 'embed/de/self-assessment/principal.html', 'de'],
      ['/embed/self-assessment?target=distinguished&lang=de', 'embed/de/self-assessment/distinguished.html', 'de'],
      ['/embed/role-health-check?lang=de', 'embed/de/role-health-check.html', 'de'],
    ]);
    // Made static like every embed page: the static answers, and no oEmbed endpoint.
    const edit = tools[0]!.edit!;
    const page = `<link rel="alternate" type="application/json+oembed" href="${ORIGIN}/oembed?url=x">\n<de-self-assessment endpoint="${ORIGIN}/graphql"></de-self-assessment>`;
    expect(edit(Buffer.from(page)).toString()).toBe(`<de-self-assessment endpoint="${ORIGIN}/graphql/"></de-self-assessment>`);
  });

  it('plans an operation without $locale once, and one with it per locale with locale among its variables', () => {
    const once = planStaticSite(framework, ORIGIN, locales('en', 'de'), withoutLocale()).files.filter((f) => f.to.startsWith('graphql/'));
    // The two lists and the two tools once, 3 level cards, 4 failure-mode cards and 12 comparisons.
    expect(once).toHaveLength(23);
    expect(once.some((f) => f.to.includes('locale='))).toBe(false);

    const operations = withLocale();
    const card = operations.find((o) => o.name === 'LevelCard')!;
    const perLocale = planStaticSite(framework, ORIGIN, locales('en', 'de', 'ja'), operations).files.filter((f) =>
      f.to.startsWith('graphql/'),
    );
    // English twice (with locale=en and without any), then once each for de and ja.
    expect(perLocale).toHaveLength(23 * 4);
    const german = perLocale.find((f) => f.to === `graphql/${staticOperationPath(card.id, { slug: 'staff', locale: 'de' })}`);
    expect(german).toMatchObject({
      locale: 'de',
      from: `/graphql?id=${card.id}&variables=${encodeURIComponent('{"locale":"de","slug":"staff"}')}`,
    });
    expect(german!.to).toBe(`graphql/${card.id}/locale=de&slug=staff.json`);
    expect(perLocale.map((f) => f.to)).toContain(`graphql/${card.id}/slug=staff.json`);
  });

  it('writes the loader’s chunks and the word catalogues once, where the scripts import them from', () => {
    const built = ['common-SRaM_YIn.js', 'common-SRaM_YIn.js.map', 'locales/de.js', 'locales/de.js.map'];
    const { files, perLocale } = planStaticSite(framework, ORIGIN, locales('en', 'de'), withoutLocale(), built);
    const widgetFiles = files.filter((f) => f.to.startsWith('widgets/'));
    expect(widgetFiles.map((f) => [f.from, f.to, f.locale, Boolean(f.edit)])).toEqual([
      // Only a chunk can hold the default endpoint, which points at the static answers instead.
      ['/widgets/common-SRaM_YIn.js', 'widgets/common-SRaM_YIn.js', undefined, true],
      ['/widgets/common-SRaM_YIn.js.map', 'widgets/common-SRaM_YIn.js.map', undefined, false],
      ['/widgets/locales/de.js', 'widgets/locales/de.js', undefined, false],
      ['/widgets/locales/de.js.map', 'widgets/locales/de.js.map', undefined, false],
    ]);
    const chunk = widgetFiles[0]!.edit!;
    expect(chunk(Buffer.from('let e=`../graphql`;')).toString()).toBe('let e=`../graphql/`;');
    expect(chunk(Buffer.from('no endpoint here')).toString()).toBe('no endpoint here');
    const bundle = files.find((f) => f.to === 'widgets-all.js')!.edit!;
    expect(bundle(Buffer.from("x='./graphql'")).toString()).toBe("x='./graphql/'");
    expect(() => bundle(Buffer.from('none'))).toThrow('found it 0 times');
    expect(perLocale.get('de')).toBe(68);
  });

  it('counts the chunks that name the endpoint across the build: exactly one must, once', () => {
    const built = ['common-SRaM_YIn.js', 'level-card-Ab12Cd34.js', 'level-card-Ab12Cd34.js.map', 'locales/de.js'];
    const run = (bodies: Record<string, string>) => {
      const plan = planStaticSite(framework, ORIGIN, locales('en'), withoutLocale(), built);
      for (const file of plan.files.filter((f) => f.to.startsWith('widgets/')))
        file.edit?.(Buffer.from(bodies[file.to.slice('widgets/'.length)] ?? '"./graphql"'));
      return plan.endpointChunks.problem();
    };
    // The catalogue is not a chunk: what it holds is never counted.
    expect(run({ 'common-SRaM_YIn.js': 'e="../graphql"', 'level-card-Ab12Cd34.js': 'none' })).toBeUndefined();
    expect(run({ 'common-SRaM_YIn.js': 'none', 'level-card-Ab12Cd34.js': 'none' })).toBe(
      'none of the 2 widget chunks names the default endpoint "./graphql" or "../graphql", so the widgets would ask the static host for a /graphql it does not have; rebuild the widgets (pnpm build) and report this if it happens again',
    );
    expect(run({ 'common-SRaM_YIn.js': 'e="../graphql"', 'level-card-Ab12Cd34.js': "f='./graphql'" })).toBe(
      'the widget chunks name the default endpoint 2 times (common-SRaM_YIn.js, level-card-Ab12Cd34.js); expected one chunk to name it once: the widgets build has changed in a way build-static does not know',
    );
    expect(run({ 'common-SRaM_YIn.js': '"../graphql" "./graphql"', 'level-card-Ab12Cd34.js': 'none' })).toMatch(
      /2 times \(common-SRaM_YIn\.js\)/,
    );
    // No split build, no chunks: nothing to count.
    expect(planStaticSite(framework, ORIGIN, locales('en'), withoutLocale(), []).endpointChunks.problem()).toBeUndefined();
  });

  it('refuses an operation it has no requests for, naming it', () => {
    const extra = { id: 'f'.repeat(64), name: 'TeamRadar', document: parse('query TeamRadar { __typename }') };
    expect(() => planStaticSite(framework, ORIGIN, locales('en'), [...withoutLocale(), extra])).toThrow(
      'no static files for TeamRadar; add them to build-static',
    );
  });

  it(`refuses a plan of more than ${MAX_STATIC_FILES} files before listing it, saying what makes it so large`, () => {
    // Ten levels have nearly ten million orderings: counted, not listed.
    const levels = Array.from({ length: 10 }, (_, i) => ({ slug: `level-${i}` }));
    const many = { ...framework, levels, failureModes: framework.failureModes } as unknown as Framework;
    const started = performance.now();
    expect(() => planStaticSite(many, ORIGIN, locales('en'), withoutLocale())).toThrow(StaticPlanError);
    expect(performance.now() - started).toBeLessThan(5_000);
    // Six levels fit in English alone, not in two locales.
    const six = { ...framework, levels: levels.slice(0, 6) } as unknown as Framework;
    expect(planStaticSite(six, ORIGIN, locales('en'), withoutLocale()).files.length).toBeLessThan(MAX_STATIC_FILES);
    expect(() => planStaticSite(six, ORIGIN, locales('en', 'de'), withLocale())).toThrow(
      /^build-static would write \d+ files or more, over its limit of 10000: 6 levels make 1950 comparisons .* 2 locales are asked for \(en, de\); build fewer with --locales$/,
    );
  });
});

describe('localesToBuild', () => {
  const tags = (named: string | undefined, pseudo = false) => localesToBuild(framework, named, pseudo).map((l) => l.tag);

  it('builds every served locale but the generated ones, unless they are asked for', () => {
    expect(tags(undefined)).toEqual(['en', 'de', 'ja']);
    expect(tags(undefined, true)).toEqual(['en', 'de', 'ja', 'en-XA', 'ar-XB']);
  });

  it('builds the locales named, always with English, a generated one when named', () => {
    expect(tags('ja')).toEqual(['en', 'ja']);
    expect(tags('AR-xb, de')).toEqual(['en', 'de', 'ar-XB']);
  });

  it('refuses a tag that is malformed or not served, and a list longer than the locales served', () => {
    expect(() => tags('fr')).toThrow('--locales: fr is not served; the locales served are en, de, ja, en-XA, ar-XB');
    expect(() => tags('de_DE')).toThrow('--locales: "de_DE" is not a BCP 47 language tag such as de or pt-BR');
    expect(() => tags(Array.from({ length: 1000 }, () => 'de').join(','))).toThrow('--locales names 1000 locales; only 5 are served');
  });
});
