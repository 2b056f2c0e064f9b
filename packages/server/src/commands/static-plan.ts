import { SOURCE_LOCALE, canonicalTag, type Framework, type LocaleInfo } from '@altitude/schema';
// Not from @altitude/widgets/ssr: that loads Lit's server renderer, which every CLI command would then pay for.
import { OPERATION_ACCEPT, operationUrl, staticOperationPath } from '@altitude/widgets/client/operation-url';
import { Kind, type DocumentNode } from 'graphql';
import { GRAPHQL_PATH } from '../graphql/yoga.js';
import { EXPORT_PATHS, EXPORT_SCHEMA_PATH_URL } from '../http/export-routes.js';
import { WIDGET_FILES_PATH } from '../http/widgets-bundle.js';

/** One file of a static build: fetched from the server at `from`, written at `to`. */
export interface PlannedFile {
  /** Path on the running server. */
  readonly from: string;
  /** Path in the output folder. */
  readonly to: string;
  readonly accept?: string;
  readonly edit?: (body: Buffer) => Buffer;
  /** The locale the file is in; none for files every locale shares (the bundle, the exports). */
  readonly locale?: string;
}

/** What build-static needs of a persisted operation: its id, its name and the variables its document declares. */
export interface PlannableOperation {
  readonly id: string;
  readonly name: string;
  readonly document: DocumentNode;
}

/**
 * More files than any framework a person reads needs: the comparisons grow
 * with every ordering of the levels, and every locale multiplies them, so an
 * overlay with many levels must choose its locales rather than write for hours.
 */
export const MAX_STATIC_FILES = 10_000;

/** Where a locale's embed pages and snippets go: English at the paths builds have always used, others under their tag. */
export const localeFolder = (tag: string) => (tag === SOURCE_LOCALE ? '' : `${tag}/`);

/** Every file of a static build, from the content. */
export interface StaticPlan {
  readonly files: readonly PlannedFile[];
  /** Files per locale built, in the order built. */
  readonly perLocale: ReadonlyMap<string, number>;
  /** Which of the loader's chunks named the server's endpoint, filled in as their edits run. */
  readonly endpointChunks: EndpointChunks;
}

/** The names of the variables an operation declares (`slug`, `locale`, …). */
export function declaredVariables(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION)
      for (const variable of definition.variableDefinitions ?? []) names.add(variable.variable.name.value);
  return names;
}

/**
 * Every file of a static build of `framework` for `origin`, in `locales`:
 * the widget scripts (the loader, the one-file bundle and `widgetFiles`, the
 * loader's chunks and the word catalogues under /widgets/) and the exports once; each locale's embed pages and snippets (the
 * server's own pages for `?lang=<tag>`); and each persisted operation's
 * answer to every request a widget can make, per locale for an operation
 * that declares `$locale` (with `locale` among its variables, the very
 * request a widget in that locale makes) and once for one that does not.
 */
export function planStaticSite(
  framework: Framework,
  origin: string,
  locales: readonly LocaleInfo[],
  operations: Iterable<PlannableOperation>,
  widgetFiles: readonly string[] = [],
): StaticPlan {
  const levels = framework.levels.map((l) => l.slug);
  const modes = framework.failureModes.map((m) => m.slug);
  const tooMany = (count: number, comparisons: number) =>
    new StaticPlanError(
      `build-static would write ${count} files or more, over its limit of ${MAX_STATIC_FILES}: ${levels.length} levels make ${comparisons} comparisons (every ordering of two or more), each an embed page, two snippets and an answer in every locale, and ${locales.length} locale${locales.length === 1 ? ' is' : 's are'} asked for (${locales.map((l) => l.tag).join(', ')}); build fewer with --locales`,
    );
  // Counted before they are listed: listing the orderings of many levels would itself take too long.
  const orderings = orderingsOf(levels.length);
  if (orderings * 4 * locales.length > MAX_STATIC_FILES) throw tooMany(orderings * 4 * locales.length, orderings);
  const comparisons = sequences(levels);
  // An embed page fetches the static answers, and names no oEmbed endpoint: a static host has none.
  const staticEmbed = (body: Buffer) =>
    Buffer.from(
      body
        .toString()
        .replaceAll(`${origin}/graphql"`, `${origin}/graphql/"`)
        .replace(/<link rel="alternate" type="application\/json\+oembed"[^>]*>\n?/, ''),
    );
  const endpointChunks = new EndpointChunks(widgetFiles.filter(isLoaderChunk));
  const files: PlannedFile[] = [
    { from: '/widgets.js', to: 'widgets.js' },
    { from: '/altitude-widgets.js.map', to: 'altitude-widgets.js.map' },
    { from: '/widgets-all.js', to: 'widgets-all.js', edit: pointAtStaticFiles },
    { from: '/altitude-widgets-all.js.map', to: 'altitude-widgets-all.js.map' },
    { from: '/embed.js', to: 'embed.js', edit: pointAtStaticFiles },
    { from: '/embed.css', to: 'embed.css' },
    { from: '/embed-resize.js', to: 'embed-resize.js' },
    // Beside widgets.js and embed.js, where they import their chunks and a language's words from.
    ...widgetFiles.map((name) => ({
      from: `${WIDGET_FILES_PATH}${name}`,
      to: `${WIDGET_FILES_PATH.slice(1)}${name}`,
      ...(isLoaderChunk(name) ? { edit: endpointChunks.edit(name) } : {}),
    })),
    ...[...EXPORT_PATHS.keys(), EXPORT_SCHEMA_PATH_URL].map((p) => ({ from: p, to: p.slice(1) })),
  ];
  // Static hosts ignore query strings, so a comparison's levels, and a self-assessment's target, become the file name.
  const embeds = [
    ...levels.map((l) => ({ server: `level/${l}`, query: '', file: `level/${l}` })),
    ...modes.map((m) => ({ server: `failure-mode/${m}`, query: '', file: `failure-mode/${m}` })),
    { server: 'failure-modes', query: '', file: 'failure-modes' },
    { server: 'leverage-mechanisms', query: '', file: 'leverage-mechanisms' },
    ...comparisons.map((s) => ({ server: 'level-compare', query: `levels=${s.join(',')}`, file: `level-compare/${s.join(',')}` })),
  ];
  // The tools: embed pages only, for a tool has no static snippet. (A health check's card-href is the page author's
  // own address, so only the one without it is built.)
  const toolEmbeds = [
    { server: 'self-assessment', query: '', file: 'self-assessment' },
    ...levels.map((l) => ({ server: 'self-assessment', query: `target=${l}`, file: `self-assessment/${l}` })),
    { server: 'role-health-check', query: '', file: 'role-health-check' },
  ];
  for (const { tag: locale } of locales) {
    const folder = localeFolder(locale);
    const lang = locale === SOURCE_LOCALE ? '' : `lang=${locale}`;
    const suffixOf = (query: string) => {
      const both = [query, lang].filter(Boolean).join('&');
      return both ? `?${both}` : '';
    };
    for (const { server, query, file } of embeds) {
      const suffix = suffixOf(query);
      files.push({ from: `/embed/${server}${suffix}`, to: `embed/${folder}${file}.html`, edit: staticEmbed, locale });
      files.push({ from: `/snippet/${server}.html${suffix}`, to: `snippet/${folder}${file}.html`, locale });
      files.push({ from: `/snippet/${server}.md${suffix}`, to: `snippet/${folder}${file}.md`, locale });
    }
    for (const { server, query, file } of toolEmbeds)
      files.push({ from: `/embed/${server}${suffixOf(query)}`, to: `embed/${folder}${file}.html`, edit: staticEmbed, locale });
  }

  const requests: Record<string, Record<string, unknown>[]> = {
    FailureModeGrid: [{}],
    LeverageMechanisms: [{}],
    // The tools ask for everything at once, never for an answer: one request per locale.
    SelfAssessment: [{}],
    RoleHealthCheck: [{}],
    LevelCard: levels.map((slug) => ({ slug })),
    FailureModeCard: modes.map((slug) => ({ slug })),
    LevelComparison: comparisons.map((slugs) => ({ slugs })),
  };
  const unplanned: string[] = [];
  for (const operation of operations) {
    const variableSets = requests[operation.name];
    if (!variableSets) {
      unplanned.push(operation.name);
      continue;
    }
    const perLocale = declaredVariables(operation.document).has('locale');
    for (const variables of variableSets) {
      const answer = (vars: Record<string, unknown>, locale?: string) => {
        // The very request a widget makes, so the file holds the bytes it would get.
        const from = operationUrl(`${origin}${GRAPHQL_PATH}`, operation.id, vars).slice(origin.length);
        files.push({
          from,
          to: `graphql/${staticOperationPath(operation.id, vars)}`,
          accept: OPERATION_ACCEPT,
          ...(locale ? { locale } : {}),
        });
      };
      if (!perLocale) answer(variables);
      else {
        // English also without `locale`: the answer a widget gets that names none.
        if (locales.some((l) => l.tag === SOURCE_LOCALE)) answer(variables, SOURCE_LOCALE);
        for (const { tag } of locales) answer({ ...variables, locale: tag }, tag);
      }
    }
  }
  if (unplanned.length) throw new Error(`no static files for ${unplanned.join(', ')}; add them to build-static`);

  if (files.length > MAX_STATIC_FILES) throw tooMany(files.length, comparisons.length);
  return {
    files,
    perLocale: new Map(locales.map((l) => [l.tag, files.filter((f) => f.locale === l.tag).length])),
    endpointChunks,
  };
}

/** A plan that cannot be built as asked: a usage error, not a failure of the build. */
export class StaticPlanError extends Error {}

/**
 * The locales to build: those named (`--locales de,ja`, each one served,
 * generated ones included when named), else every served locale but the
 * generated pseudo-locales unless `pseudoLocales`. English is always among
 * them: its files sit at the paths every build has used.
 */
export function localesToBuild(framework: Framework, named: string | undefined, pseudoLocales: boolean): readonly LocaleInfo[] {
  if (named === undefined) return framework.locales.filter((l) => pseudoLocales || !l.generated);
  const served = framework.locales.map((l) => l.tag).join(', ');
  const tags = named.split(/[\s,]+/).filter(Boolean);
  // No more than the locales served, however the list is spelled.
  if (tags.length > framework.locales.length)
    throw new StaticPlanError(`--locales names ${tags.length} locales; only ${framework.locales.length} are served: ${served}`);
  const chosen = new Set<string>([SOURCE_LOCALE]);
  for (const raw of tags) {
    const tag = canonicalTag(raw);
    if (!tag) throw new StaticPlanError(`--locales: ${JSON.stringify(raw.slice(0, 40))} is not a BCP 47 language tag such as de or pt-BR`);
    if (!framework.locales.some((l) => l.tag === tag))
      throw new StaticPlanError(`--locales: ${tag} is not served; the locales served are ${served}`);
    chosen.add(tag);
  }
  return framework.locales.filter((l) => chosen.has(l.tag));
}

/** How many orderings of two or more of `n` distinct items there are: n!/(n-2)! + n!/(n-3)! + … + n!. */
function orderingsOf(n: number): number {
  let total = 0;
  for (let k = 2, product = n * (n - 1); k <= n; product *= n - k, k++) total += product;
  return total;
}

/** Every ordering of every choice of two or more distinct levels: the columns a comparison may have. */
function sequences(items: readonly string[]): string[][] {
  const result: string[][] = [];
  const extend = (prefix: string[]) => {
    if (prefix.length >= 2) result.push(prefix);
    for (const item of items) if (!prefix.includes(item)) extend([...prefix, item]);
  };
  extend([]);
  return result;
}

// The one place the scripts name their default endpoint (src/client/endpoint.ts),
// in whichever quotes the minifier chose: "./graphql" in the one-file bundles,
// "../graphql" in the loader's shared chunk, one folder below the loader.
const SERVER_DEFAULT = /(["'`])(\.\.?)\/graphql\1/g;

/** A script with its default endpoint pointed at the static answers (`./graphql/`), and how many times it named it. */
function pointedAtStaticFiles(body: Buffer): { count: number; body: Buffer } {
  const text = body.toString();
  const count = [...text.matchAll(SERVER_DEFAULT)].length;
  return { count, body: count === 0 ? body : Buffer.from(text.replace(SERVER_DEFAULT, '$1$2/graphql/$1')) };
}

/** A one-file bundle, defaulting to the static answers beside it instead of a server's /graphql. */
function pointAtStaticFiles(body: Buffer): Buffer {
  const pointed = pointedAtStaticFiles(body);
  if (pointed.count !== 1)
    throw new Error(`expected the bundle to name its default endpoint "./graphql" once, found it ${pointed.count} times`);
  return pointed.body;
}

/** A script of the loader's split build (`common-….js`), not a word catalogue (`locales/de.js`) or a source map. */
const isLoaderChunk = (name: string) => name.endsWith('.js') && !name.startsWith('locales/');

/**
 * The loader's chunks as a build edits them: the one that holds the default
 * endpoint is pointed at the static answers, the others are left as they
 * are. Exactly one must name it: none would leave every widget asking the
 * static host for /graphql, two would mean the build changed in a way this
 * edit does not know; `problem()` says which, once every chunk was edited.
 */
export class EndpointChunks {
  readonly #chunks: readonly string[];
  readonly #naming: string[] = [];

  constructor(chunks: readonly string[]) {
    this.#chunks = chunks;
  }

  edit(name: string): (body: Buffer) => Buffer {
    return (body) => {
      const pointed = pointedAtStaticFiles(body);
      this.#naming.push(...Array<string>(pointed.count).fill(name));
      return pointed.body;
    };
  }

  /** Why the edited chunks cannot work from static files, or undefined when exactly one named the endpoint once. */
  problem(): string | undefined {
    if (this.#chunks.length === 0 || this.#naming.length === 1) return undefined;
    if (this.#naming.length === 0)
      return `none of the ${this.#chunks.length} widget chunks names the default endpoint "./graphql" or "../graphql", so the widgets would ask the static host for a /graphql it does not have; rebuild the widgets (pnpm build) and report this if it happens again`;
    return `the widget chunks name the default endpoint ${this.#naming.length} times (${[...new Set(this.#naming)].join(', ')}); expected one chunk to name it once: the widgets build has changed in a way build-static does not know`;
  }
}
