import type { ChangeEvent } from '../releases/change-feed.js';
import type { Release } from '../releases/release-model.js';

/**
 * The loaded framework: an immutable, cross-linked graph. Every object here
 * is frozen; references point at the objects themselves, not at slugs.
 */

/** Markdown as authored, plus its sanitised HTML, plain text and blocks. */
export interface RichText {
  readonly markdown: string;
  readonly html: string;
  readonly text: string;
  /** The same text as a flat list of blocks of spans, for clients that render it without parsing HTML. */
  readonly blocks: readonly RichBlock[];
}

export type RichBlockStyle = 'paragraph' | 'quote' | 'code';
export type RichListKind = 'bullet' | 'number';
export type RichMark = 'strong' | 'em' | 'code' | 'del';

/** A paragraph, quoted paragraph or code block; a list item is one with `list` set. */
export interface RichBlock {
  readonly style: RichBlockStyle;
  /** Null outside lists. */
  readonly list: RichListKind | null;
  /** List nesting, 1 to 6 (deeper lists are clamped); 0 outside lists. */
  readonly level: number;
  /** Never empty: a block with no text is dropped. */
  readonly spans: readonly RichSpan[];
}

/** A run of text with the same marks and link. */
export interface RichSpan {
  /** A "\n" is a hard line break. */
  readonly text: string;
  /** In the order strong, em, code, del; no duplicates. */
  readonly marks: readonly RichMark[];
  /** An http(s) or mailto URL, or null: a link to anything else keeps its text and loses its URL. */
  readonly href: string | null;
}

/** Where an item was written, for error messages and editor links. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export const ENTITY_KINDS = [
  'Dimension',
  'Level',
  'Transition',
  'LeverageMechanism',
  'FailureMode',
  'OrgPractice',
  'Capability',
  'Tension',
  'Misconception',
  'GlossaryTerm',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Where an item comes from: upstream as published, amended by an overlay, or added by one. */
export type Origin = 'upstream' | 'amended' | 'added';

/** What the overlays did to an item: its origin and the fields an amendment gave (GraphQL names). */
/** A string served from another locale than the one asked for: missing in it, or translated from older English. */
export interface TextFallback {
  readonly field: string;
  readonly locale: string;
  readonly reason: 'missing' | 'stale';
}

export interface Provenanced {
  readonly origin: Origin;
  readonly amendedFields: readonly string[];
  /** The strings served from another locale than the framework's (none in the source locale). */
  readonly fallbacks: readonly TextFallback[];
  /** The view of the framework this object belongs to (an upstream original served beside a company's item keeps upstream's). */
  readonly view: FrameworkView;
}

export interface Source extends Provenanced {
  readonly kind: 'Source';
  readonly slug: string;
  readonly title: string;
  readonly author: string | null;
  readonly publisher: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly summary: RichText;
  readonly sections: readonly string[];
  readonly contentHash: string;
  readonly location: Location;
  /** Every entity that cites this source, in framework order. */
  readonly citedBy: readonly Entity[];
}

export interface Citation {
  readonly source: Source;
  readonly section: string;
}

/** Whether the cited sections say it (`sourced`) or it is the framework's judgement built on them (`interpreted`). */
export type Basis = 'sourced' | 'interpreted';

/** Exact words of a source, where the exact words matter. */
export interface Quotation extends Citation {
  readonly text: string;
  /** Who said them, when not the article's author. */
  readonly speaker: string | null;
}

interface EntityBase<K extends EntityKind> extends Provenanced {
  readonly kind: K;
  readonly slug: string;
  readonly title: string;
  readonly summary: RichText;
  readonly basis: Basis;
  /** What is the framework's judgement; null when sourced. */
  readonly interpretation: RichText | null;
  readonly quotations: readonly Quotation[];
  readonly sources: readonly Citation[];
  readonly contentHash: string;
  readonly location: Location;
}

export interface Dimension extends EntityBase<'Dimension'> {
  /** 0-based position; comparison rows follow it. */
  readonly position: number;
  readonly description: RichText;
}

export interface Expectation {
  readonly kind: 'Expectation';
  /** `amended` when an overlay changed this cell, `added` when its level or dimension was added. */
  readonly origin: Origin;
  readonly view: FrameworkView;
  /** `<level slug>/<dimension slug>`: unique, and the same in every view. */
  readonly slug: string;
  readonly level: Level;
  readonly dimension: Dimension;
  /** A few words; read across a row, the headlines show the step between levels. */
  readonly headline: string;
  readonly text: RichText;
  readonly basis: Basis;
  readonly quotation: Quotation | null;
  /** sha256 of the cell as served, with its level and dimension slugs. */
  readonly contentHash: string;
}

/** An observable sign that someone holding a level operates below it. */
export interface BelowLevelSignal {
  readonly text: RichText;
  readonly basis: Basis;
}

/** What a capability or a leverage mechanism looks like at one level. */
export interface LevelNote {
  readonly level: Level;
  readonly text: RichText;
  readonly basis: Basis;
}

export interface Level extends EntityBase<'Level'> {
  readonly rank: number;
  readonly description: RichText;
  /** One per dimension, in dimension order. */
  readonly expectations: readonly Expectation[];
  /** Signs, for a self-check, of operating below the level. */
  readonly signalsBelow: readonly BelowLevelSignal[];
  readonly transitionsIn: readonly Transition[];
  readonly transitionsOut: readonly Transition[];
}

export interface Transition extends EntityBase<'Transition'> {
  readonly from: Level;
  readonly to: Level;
  readonly whatChanges: readonly RichText[];
  readonly whyPeopleStall: readonly RichText[];
}

export interface LeverageMechanism extends EntityBase<'LeverageMechanism'> {
  readonly description: RichText;
  readonly inPractice: readonly RichText[];
  /** One per level, in rank order. */
  readonly atLevel: readonly LevelNote[];
}

export interface FailureMode extends EntityBase<'FailureMode'> {
  readonly description: RichText;
  readonly symptoms: readonly RichText[];
  readonly consequences: readonly RichText[];
  readonly preventedBy: readonly OrgPractice[];
  readonly misconceptions: readonly Misconception[];
}

export interface OrgPractice extends EntityBase<'OrgPractice'> {
  readonly description: RichText;
  readonly examples: readonly RichText[];
  readonly prevents: readonly FailureMode[];
}

export interface Capability extends EntityBase<'Capability'> {
  readonly description: RichText;
  /** One per level, in rank order. */
  readonly atLevel: readonly LevelNote[];
}

/** A word used in one sense throughout: `title` is the term, `summary` its definition. */
export type GlossaryTerm = EntityBase<'GlossaryTerm'>;

export interface Tension extends EntityBase<'Tension'> {
  readonly description: RichText;
}

export interface Misconception extends EntityBase<'Misconception'> {
  readonly reality: RichText;
  readonly relatedFailureModes: readonly FailureMode[];
}

export type Entity =
  Dimension | Level | Transition | LeverageMechanism | FailureMode | OrgPractice | Capability | Tension | Misconception | GlossaryTerm;

export type EntityOfKind<K extends EntityKind> = Extract<Entity, { kind: K }>;

/** Anything with a content entry of its own: what exports and snapshots list. */
export type FrameworkNode = Entity | Source;

/** Every kind of object the content holds, as change events name them. */
export type ContentKind = EntityKind | 'Source' | 'Expectation';

/**
 * Which framework is served: the locale and the overlays applied on top of
 * the upstream content, in order (none: the upstream original). Global IDs
 * carry it, so an object served in one view is never mistaken for another.
 */
export interface FrameworkView {
  readonly locale: string;
  readonly overlays: readonly string[];
}

/** How much of the content a locale's own translations cover, string by string. */
export interface LocaleCoverage {
  readonly translated: number;
  readonly stale: number;
  readonly missing: number;
}

/** A locale the framework is served in. */
export interface LocaleInfo {
  /** BCP 47 tag, canonical case. */
  readonly tag: string;
  /** The language's name in itself (Deutsch, 日本語), for a language menu. */
  readonly name: string;
  readonly direction: 'ltr' | 'rtl';
  /** Made by Altitude for testing layouts (en-XA, ar-XB), not by translators. */
  readonly generated: boolean;
  /** Where strings come from when this locale lacks them, after the locale itself. */
  readonly fallbacks: readonly string[];
  readonly coverage: LocaleCoverage;
  /** The same per collection (`levels`, …, and `framework` for the header). */
  readonly coverageByCollection: Readonly<Record<string, LocaleCoverage>>;
}

/** An overlay applied to the framework. */
export interface OverlayInfo {
  readonly name: string;
  readonly title: string | null;
  readonly dir: string;
}

/** The view of the content as published, before any overlay or translation. */
export const UPSTREAM_VIEW: FrameworkView = Object.freeze({ locale: 'en', overlays: Object.freeze([]) });

export interface Framework {
  readonly title: string;
  readonly summary: RichText;
  readonly description: RichText | null;
  readonly version: string;
  /** Hash over every entity's hash and the header: changes whenever any content changes. */
  readonly contentHash: string;
  readonly sources: readonly Source[];
  readonly dimensions: readonly Dimension[];
  /** Ordered by rank, lowest first. */
  readonly levels: readonly Level[];
  readonly transitions: readonly Transition[];
  readonly leverageMechanisms: readonly LeverageMechanism[];
  readonly failureModes: readonly FailureMode[];
  readonly orgPractices: readonly OrgPractice[];
  readonly capabilities: readonly Capability[];
  readonly tensions: readonly Tension[];
  readonly misconceptions: readonly Misconception[];
  readonly glossary: readonly GlossaryTerm[];
  /** Every entity, in collection order. */
  readonly entities: readonly Entity[];
  /** The locale and overlays this framework was resolved for. */
  readonly view: FrameworkView;
  /** The overlays applied, in order; none for the upstream framework. */
  readonly overlays: readonly OverlayInfo[];
  /** The upstream framework the overlays were applied to; null when none were. */
  readonly upstream: Framework | null;
  /** Every locale served, the source locale first. */
  readonly locales: readonly LocaleInfo[];
  /** The same content in every locale served, by tag (this framework among them). */
  readonly translations: ReadonlyMap<string, Framework>;
  /** Look up an entity, source or expectation (`<level>/<dimension>`) by kind and slug. */
  find<K extends EntityKind>(kind: K, slug: string): EntityOfKind<K> | undefined;
  find(kind: 'Source', slug: string): Source | undefined;
  find(kind: 'Expectation', slug: string): Expectation | undefined;
  /** The files the framework was loaded from. */
  readonly files: readonly string[];
  /** The file that declares the `framework:` header (its version is set on release). */
  readonly headerFile: string;
  /** Published release snapshots, oldest first. */
  readonly releases: readonly Release[];
  /** What changed in each release, then what is not released yet; oldest first. */
  readonly changes: readonly ChangeEvent[];
  /** The release whose content is exactly the current content, if any. */
  readonly currentRelease: Release | undefined;
}
