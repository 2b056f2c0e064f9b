import type {
  CapabilityInput,
  CollectionName,
  DimensionInput,
  FailureModeInput,
  FrameworkMetaInput,
  GlossaryTermInput,
  LevelInput,
  LeverageMechanismInput,
  MisconceptionInput,
  OrgPracticeInput,
  SourceInput,
  TensionInput,
  TransitionInput,
} from '../model/index.js';
import { exportFramework, expectationJson } from '../export/canonical.js';
import type { RawItem } from '../loader/collect-items.js';
import { changeFeed, COLLECTION_TYPE, graphqlFieldName } from '../releases/change-feed.js';
import type { Provenance } from '../loader/overlay/apply-overlay.js';
import type { Release } from '../releases/release-model.js';
import { contentHash } from './content-hash.js';
import { LocaleFrameworks } from './locale-frameworks.js';
import { renderMarkdown } from './markdown.js';
import type {
  Capability,
  Citation,
  Dimension,
  Entity,
  EntityKind,
  Expectation,
  FailureMode,
  Framework,
  GlossaryTerm,
  LevelNote,
  Quotation,
  Level,
  LeverageMechanism,
  Location,
  Misconception,
  OrgPractice,
  Source,
  Tension,
  Transition,
  FrameworkView,
  OverlayInfo,
  Origin,
  TextFallback,
  LocaleInfo,
} from './types.js';
import { UPSTREAM_VIEW } from './types.js';

/** How a framework was resolved: its view, and what overlays did on top of upstream. */
export interface Resolution {
  readonly view: FrameworkView;
  readonly overlays: readonly OverlayInfo[];
  /** Keyed `<collection>/<slug>`; items not in it are upstream's as published. */
  readonly provenance: ReadonlyMap<string, Provenance>;
  readonly upstream: Framework | null;
  /** For a translation: the strings served from other locales, keyed `<collection>/<slug>`. */
  readonly fallbacks?: ReadonlyMap<string, readonly TextFallback[]>;
  /** For a translation: the source-locale framework, whose releases and change feed it shares. */
  readonly source?: Framework;
  /** Every locale served, and the map every locale's framework will share once all are built. */
  readonly locales?: readonly LocaleInfo[];
  readonly translations?: LocaleFrameworks;
}

const UPSTREAM_RESOLUTION: Resolution = { view: UPSTREAM_VIEW, overlays: [], provenance: new Map(), upstream: null };

const COLLECTION_OF = Object.fromEntries(Object.entries(COLLECTION_TYPE).map(([collection, kind]) => [kind, collection])) as Record<
  string,
  string
>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/**
 * Builds the cross-linked graph from validated, reference-checked items.
 * Objects are created first and linked second (levels and transitions point
 * at each other), then the whole graph is frozen.
 */
export function buildFramework(
  header: FrameworkMetaInput,
  items: readonly RawItem[],
  files: readonly string[],
  headerFile: string,
  releases: readonly Release[],
  resolution: Resolution = UPSTREAM_RESOLUTION,
): Framework {
  const of = <T>(collection: CollectionName) =>
    items.filter((i) => i.collection === collection).map((i) => ({ input: i.value as T, location: locate(i) }));

  const sources = new Map<string, Mutable<Source>>();
  for (const { input, location } of of<SourceInput>('sources')) {
    sources.set(input.slug, {
      kind: 'Source',
      slug: input.slug,
      title: input.title,
      author: input.author ?? null,
      publisher: input.publisher ?? null,
      published: input.published ?? null,
      url: input.url ?? null,
      summary: renderMarkdown(input.summary),
      sections: input.sections,
      contentHash: contentHash(input),
      location,
      citedBy: [],
      origin: 'upstream',
      amendedFields: [],
      fallbacks: [],
      view: resolution.view,
    });
  }

  type QuotationInput = { text: string; speaker?: string; source: string; section: string };
  const quotation = (q: QuotationInput): Quotation => ({
    text: q.text,
    speaker: q.speaker ?? null,
    source: sources.get(q.source)!,
    section: q.section,
  });
  const base = <K extends EntityKind>(
    kind: K,
    input: {
      slug: string;
      title: string;
      summary: string;
      basis: 'sourced' | 'interpreted';
      interpretation?: string;
      quotations?: QuotationInput[];
      sources: { source: string; section: string }[];
    },
    location: Location,
  ) => ({
    kind,
    slug: input.slug,
    title: input.title,
    summary: renderMarkdown(input.summary),
    basis: input.basis,
    interpretation: input.interpretation === undefined ? null : renderMarkdown(input.interpretation),
    quotations: (input.quotations ?? []).map(quotation),
    sources: input.sources.map((c): Citation => ({ source: sources.get(c.source)!, section: c.section })),
    contentHash: contentHash(input),
    location,
    // Set from the overlays' provenance once every item exists.
    origin: 'upstream' as Origin,
    amendedFields: [] as string[],
    fallbacks: [] as TextFallback[],
    view: resolution.view,
  });
  const md = (list: readonly string[]) => list.map(renderMarkdown);

  const dimensions = of<DimensionInput>('dimensions').map(({ input, location }, position): Dimension => ({
    ...base('Dimension', input, location),
    position,
    description: renderMarkdown(input.description),
  }));

  const levelInputs = new Map<string, LevelInput>();
  const levels = of<LevelInput>('levels')
    .map(({ input, location }): Mutable<Level> => {
      levelInputs.set(input.slug, input);
      return {
        ...base('Level', input, location),
        rank: input.rank,
        description: renderMarkdown(input.description),
        expectations: [],
        signalsBelow: input.signalsBelow.map((signal) => ({ text: renderMarkdown(signal.text), basis: signal.basis })),
        transitionsIn: [],
        transitionsOut: [],
      };
    })
    .sort((a, b) => a.rank - b.rank);
  const levelBySlug = new Map(levels.map((l) => [l.slug, l]));
  for (const level of levels) {
    const written = levelInputs.get(level.slug)!.expectations;
    level.expectations = dimensions.map((dimension): Expectation => {
      const cell = written[dimension.slug]!;
      const expectation: Mutable<Expectation> = {
        kind: 'Expectation',
        slug: `${level.slug}/${dimension.slug}`,
        level,
        dimension,
        headline: cell.headline,
        text: renderMarkdown(cell.text),
        basis: cell.basis,
        quotation: cell.quotation ? quotation(cell.quotation) : null,
        contentHash: '',
        origin: 'upstream',
        view: resolution.view,
      };
      // Hashed in its exported form, so a release snapshot's cells hash the same way.
      expectation.contentHash = contentHash(expectationJson(expectation));
      return expectation;
    });
  }
  /** A capability's or a mechanism's entries, in rank order. */
  const atLevel = (written: Record<string, { text: string; basis: 'sourced' | 'interpreted' }>): LevelNote[] =>
    levels.map((level) => ({ level, text: renderMarkdown(written[level.slug]!.text), basis: written[level.slug]!.basis }));

  const transitions = of<TransitionInput>('transitions')
    .map(({ input, location }): Transition => {
      const transition: Transition = {
        ...base('Transition', input, location),
        from: levelBySlug.get(input.from)!,
        to: levelBySlug.get(input.to)!,
        whatChanges: md(input.whatChanges),
        whyPeopleStall: md(input.whyPeopleStall),
      };
      levelBySlug.get(input.from)!.transitionsOut.push(transition);
      levelBySlug.get(input.to)!.transitionsIn.push(transition);
      return transition;
    })
    .sort((a, b) => a.from.rank - b.from.rank || a.to.rank - b.to.rank);

  const leverageMechanisms = of<LeverageMechanismInput>('leverageMechanisms').map(({ input, location }): LeverageMechanism => ({
    ...base('LeverageMechanism', input, location),
    description: renderMarkdown(input.description),
    inPractice: md(input.inPractice),
    atLevel: atLevel(input.atLevel),
  }));

  const orgPractices = of<OrgPracticeInput>('orgPractices').map(({ input, location }): Mutable<OrgPractice> => ({
    ...base('OrgPractice', input, location),
    description: renderMarkdown(input.description),
    examples: md(input.examples),
    prevents: [],
  }));
  const practiceBySlug = new Map(orgPractices.map((p) => [p.slug, p]));

  const failureModeInputs = of<FailureModeInput>('failureModes');
  const failureModes = failureModeInputs.map(({ input, location }): Mutable<FailureMode> => {
    const mode: Mutable<FailureMode> = {
      ...base('FailureMode', input, location),
      description: renderMarkdown(input.description),
      symptoms: md(input.symptoms),
      consequences: md(input.consequences),
      preventedBy: input.preventedBy.map((slug) => practiceBySlug.get(slug)!),
      misconceptions: [],
    };
    for (const practice of mode.preventedBy) (practice as Mutable<OrgPractice>).prevents.push(mode);
    return mode;
  });
  const failureModeBySlug = new Map(failureModes.map((f) => [f.slug, f]));

  const capabilities = of<CapabilityInput>('capabilities').map(({ input, location }): Capability => ({
    ...base('Capability', input, location),
    description: renderMarkdown(input.description),
    atLevel: atLevel(input.atLevel),
  }));

  const tensions = of<TensionInput>('tensions').map(({ input, location }): Tension => ({
    ...base('Tension', input, location),
    description: renderMarkdown(input.description),
  }));

  const misconceptions = of<MisconceptionInput>('misconceptions').map(({ input, location }): Misconception => {
    const misconception: Misconception = {
      ...base('Misconception', input, location),
      reality: renderMarkdown(input.reality),
      relatedFailureModes: (input.relatedFailureModes ?? []).map((slug) => failureModeBySlug.get(slug)!),
    };
    for (const mode of misconception.relatedFailureModes) (mode as Mutable<FailureMode>).misconceptions.push(misconception);
    return misconception;
  });

  const glossary = of<GlossaryTermInput>('glossary').map(({ input, location }): GlossaryTerm => base('GlossaryTerm', input, location));

  const entities: Entity[] = [
    ...dimensions,
    ...(levels as Level[]),
    ...transitions,
    ...leverageMechanisms,
    ...(failureModes as FailureMode[]),
    ...(orgPractices as OrgPractice[]),
    ...capabilities,
    ...tensions,
    ...misconceptions,
    ...glossary,
  ];
  for (const entity of entities) {
    for (const citation of entity.sources) {
      const citedBy = (citation.source as Mutable<Source>).citedBy;
      if (!citedBy.includes(entity)) citedBy.push(entity);
    }
  }

  const sourceList = [...sources.values()] as Source[];
  const provenanceOf = (kind: string, slug: string) => resolution.provenance.get(`${COLLECTION_OF[kind]}/${slug}`);
  for (const node of [...sourceList, ...entities]) {
    const provenance = provenanceOf(node.kind, node.slug);
    Object.assign(node, {
      origin: provenance?.origin ?? 'upstream',
      amendedFields: [...(provenance?.amendedFields ?? [])].map(graphqlFieldName),
      fallbacks: resolution.fallbacks?.get(`${COLLECTION_OF[node.kind]}/${node.slug}`) ?? [],
    });
  }
  for (const level of levels) {
    const provenance = provenanceOf('Level', level.slug);
    for (const cell of level.expectations) {
      const added = provenance?.origin === 'added' || provenanceOf('Dimension', cell.dimension.slug)?.origin === 'added';
      const origin: Origin = added ? 'added' : provenance?.amendedCells.has(cell.dimension.slug) ? 'amended' : 'upstream';
      Object.assign(cell, { origin });
    }
  }
  const lookup = new Map<string, Entity | Source | Expectation>(
    [...sourceList, ...entities, ...levels.flatMap((level) => level.expectations)].map((node) => [`${node.kind}:${node.slug}`, node]),
  );

  const framework: Framework = {
    title: header.title,
    summary: renderMarkdown(header.summary),
    description: header.description === undefined ? null : renderMarkdown(header.description),
    version: header.version,
    contentHash: contentHash({
      framework: header,
      entities: [...sourceList, ...entities].map((node) => [node.kind, node.slug, node.contentHash]),
    }),
    sources: sourceList,
    dimensions,
    levels: levels,
    transitions,
    leverageMechanisms,
    failureModes: failureModes,
    orgPractices: orgPractices,
    capabilities,
    tensions,
    misconceptions,
    glossary,
    entities,
    view: resolution.view,
    overlays: resolution.overlays,
    upstream: resolution.upstream,
    locales: resolution.locales ?? [],
    translations: resolution.translations ?? new LocaleFrameworks(),
    find: ((kind: string, slug: string) => lookup.get(`${kind}:${slug}`)) as Framework['find'],
    files,
    headerFile,
    releases,
    changes: [],
    currentRelease: undefined,
  };
  // The change feed compares release snapshots with this framework's own
  // canonical export, so it is computed once the graph exists.
  const contentHashNow = framework.contentHash;
  // A translation shares its source's history: releases and the change feed are of the content, in its own language.
  Object.assign(
    framework,
    resolution.source
      ? { releases: resolution.source.releases, changes: resolution.source.changes, currentRelease: resolution.source.currentRelease }
      : {
          changes: changeFeed(releases, exportFramework(framework, '')),
          currentRelease: releases.find((r) => r.contentHash === contentHashNow),
        },
  );
  if (resolution.translations && !resolution.translations.isBuilt(resolution.view.locale))
    resolution.translations.add(resolution.view.locale, framework);
  return deepFreeze(framework);
}

function locate(item: RawItem): Location {
  return { file: item.yaml.file, ...item.yaml.positionOf(item.path) };
}

/** Freezes every object reachable from `root` once (the graph has cycles). */
function deepFreeze<T>(root: T): T {
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    // Frozen already (rich text, whose lazy getters a walk would set off): nothing to do.
    if (!value || typeof value !== 'object' || seen.has(value) || Object.isFrozen(value)) return;
    seen.add(value);
    for (const child of Object.values(value)) visit(child);
    Object.freeze(value);
  };
  visit(root);
  return root;
}
