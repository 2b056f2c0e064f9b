import type { nothing } from 'lit';
import type { SelfAssessmentQuery } from '../queries/generated.js';
import { servedLang } from '../shared/served-lang.js';
import { NOT_YET, type Questions } from './answers.js';

/** A string the API served, with the `lang` its element needs (nothing when the context already says it). */
export interface Served {
  readonly text: string;
  readonly lang: string | typeof nothing;
}

export interface LadderLevel {
  readonly slug: string;
  readonly title: Served;
  readonly signalsBelow: readonly Served[];
}

/** What one level looks like on one axis. */
export interface Note {
  readonly headline?: Served;
  readonly text: Served;
}

export type AxisKind = 'dimension' | 'capability' | 'mechanism';

/** One thing the person rates themselves on: a dimension, a capability or a leverage mechanism. */
export interface Axis {
  /** `dimension:<slug>`, as the answers name it. */
  readonly key: string;
  readonly kind: AxisKind;
  readonly title: Served;
  /** By level slug; a level an overlay added may have no note on an axis. */
  readonly notes: ReadonlyMap<string, Note>;
}

export interface Step {
  readonly from: string;
  readonly to: string;
  readonly whyPeopleStall: readonly Served[];
}

/** The framework as the self-assessment asks about it: levels lowest first, then every axis in the framework's order. */
export interface Ladder {
  readonly levels: readonly LadderLevel[];
  readonly axes: readonly Axis[];
  readonly steps: readonly Step[];
}

type Entity = Parameters<typeof servedLang>[0];

/** The ladder from the API's answer; `here` is the language in effect, against which served strings are marked. */
export function ladderOf(data: SelfAssessmentQuery, here: string): Ladder {
  const served = (entity: Entity, field: string, text: string): Served => ({ text, lang: servedLang(entity, field, here) });
  // The API lists levels lowest rank first; sorting again keeps that promise if an overlay's ranks arrive otherwise.
  const ranked = [...data.levels].sort((a, b) => a.rank - b.rank);
  const levels = ranked.map((l) => ({
    slug: l.slug,
    title: served(l, 'title', l.title),
    signalsBelow: l.signalsBelow.map((s, i) => served(l, `signalsBelow[${i}].text`, s.text)),
  }));
  const cells = new Map<string, Map<string, Note>>();
  for (const level of ranked)
    for (const e of level.expectations ?? []) {
      const row = cells.get(e.dimension.slug) ?? new Map<string, Note>();
      const field = `expectations.${e.dimension.slug}`;
      row.set(level.slug, { headline: served(level, `${field}.headline`, e.headline), text: served(level, `${field}.text`, e.text) });
      cells.set(e.dimension.slug, row);
    }
  const withNotes = (kind: AxisKind, list: SelfAssessmentQuery['capabilities']): Axis[] =>
    list.map((item) => ({
      key: `${kind}:${item.slug}`,
      kind,
      title: served(item, 'title', item.title),
      notes: new Map(item.atLevel.map((n) => [n.level.slug, { text: served(item, `atLevel.${n.level.slug}.text`, n.text) }])),
    }));
  return {
    levels,
    axes: [
      ...data.dimensions.map((d) => ({
        key: `dimension:${d.slug}`,
        kind: 'dimension' as const,
        title: served(d, 'title', d.title),
        notes: cells.get(d.slug) ?? new Map<string, Note>(),
      })),
      ...withNotes('capability', data.capabilities),
      ...withNotes('mechanism', data.leverageMechanisms),
    ],
    steps: data.transitions.map((t) => ({
      from: t.from.slug,
      to: t.to.slug,
      whyPeopleStall: t.whyPeopleStall.map((text, i) => served(t, `whyPeopleStall[${i}]`, text)),
    })),
  };
}

/** Every axis with the answers it may take: any level, or not yet. */
export function questionsOf(ladder: Ladder): Questions {
  const answers = new Set([NOT_YET, ...ladder.levels.map((l) => l.slug)]);
  return new Map(ladder.axes.map((axis) => [axis.key, answers]));
}
