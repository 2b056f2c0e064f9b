import { asSentence, jobCode, type Framework, type JobProfileOptions, type Level, type Location, type RichText } from '@altitude/schema';

/** What an HR suite calls a competency, taken from one dimension, capability or leverage mechanism. */
export interface HrCompetency {
  /** `dimension`, `capability` or `mechanism`: which collection it comes from (its ID's prefix). */
  readonly kind: 'dimension' | 'capability' | 'mechanism';
  /** Stable across locales and releases: `<kind>-<slug>`. */
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly summary: RichText;
  readonly description: RichText;
  /** One behaviour per level the item describes, in rank order. */
  readonly behaviours: readonly HrBehaviour[];
  /** Where the item was written, for error messages. */
  readonly origin: HrOrigin;
}

export interface HrBehaviour {
  readonly level: Level;
  /** Plain text, one behaviour. */
  readonly text: string;
  readonly rich: RichText | null;
}

/** What an HR suite calls a role or job profile: one level. */
export interface HrRole {
  readonly level: Level;
  readonly jobCode: string;
  readonly title: string;
  /** 1 for the lowest level, counting up in rank order: the rating that stands for "expected at this level". */
  readonly rating: number;
  readonly origin: HrOrigin;
}

/** The item a value comes from: named in every limit error. */
export interface HrOrigin {
  /** e.g. `capability "systems-thinking"`. */
  readonly item: string;
  readonly location: Location;
}

export interface HrModel {
  readonly framework: Framework;
  readonly jobFamily: string;
  readonly roles: readonly HrRole[];
  readonly competencies: readonly HrCompetency[];
}

const KIND_LABEL = { dimension: 'dimension', capability: 'capability', mechanism: 'leverage mechanism' } as const;

/**
 * The framework as HR suites see it: levels become roles (job profiles) in
 * rank order, with the job code and family from the config; dimensions,
 * capabilities and leverage mechanisms become competencies, each with one
 * behaviour per level (a dimension's comparison cell, a capability's or
 * mechanism's atLevel note). Hidden items are already gone and inserted
 * levels already in place: the loader resolved the overlay.
 */
export function hrModel(framework: Framework, jobProfile: JobProfileOptions): HrModel {
  const levels = [...framework.levels].sort((a, b) => a.rank - b.rank);
  const roles = levels.map((level, i) => ({
    level,
    jobCode: jobCode(jobProfile, level),
    title: level.title,
    rating: i + 1,
    origin: { item: `level "${level.slug}"`, location: level.location },
  }));
  const inRankOrder = (behaviours: HrBehaviour[]) => behaviours.sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level));
  const competency = (
    kind: HrCompetency['kind'],
    item: { slug: string; title: string; summary: RichText; description: RichText; location: Location },
    behaviours: HrBehaviour[],
  ): HrCompetency => ({
    kind,
    id: `${kind}-${item.slug}`,
    slug: item.slug,
    name: item.title,
    summary: item.summary,
    description: item.description,
    behaviours: inRankOrder(behaviours),
    origin: { item: `${KIND_LABEL[kind]} "${item.slug}"`, location: item.location },
  });
  const competencies = [
    ...framework.dimensions.map((d) =>
      competency(
        'dimension',
        d,
        levels.flatMap((level) => {
          const e = level.expectations.find((x) => x.dimension.slug === d.slug);
          // A comparison cell reads "Headline. What the level expects.", as in the levels CSV.
          return e ? [{ level, text: `${asSentence(e.headline)} ${e.text.text}`, rich: e.text }] : [];
        }),
      ),
    ),
    ...framework.capabilities.map((c) =>
      competency(
        'capability',
        c,
        c.atLevel.map((n) => ({ level: n.level, text: n.text.text, rich: n.text })),
      ),
    ),
    ...framework.leverageMechanisms.map((m) =>
      competency(
        'mechanism',
        m,
        m.atLevel.map((n) => ({ level: n.level, text: n.text.text, rich: n.text })),
      ),
    ),
  ];
  return { framework, jobFamily: jobProfile.jobFamily, roles, competencies };
}

/** The same competency or role in another locale's framework (the same slugs are served in every locale). */
export function localisedModels(model: HrModel, frameworks: readonly Framework[], jobProfile: JobProfileOptions): HrModel[] {
  return frameworks.map((f) => (f === model.framework ? model : hrModel(f, jobProfile)));
}

/** Lowercase letters, digits and hyphens, for IDs and file names made from a name ("Software Engineering" → "software-engineering"). */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'path';
}
