import type { ObjectRef } from '@pothos/core';
import { compareLevels, MAX_COMPARED_LEVELS, MAX_DIMENSION_SLUGS } from '../../graph/compare-levels.js';
import type { EntityKind, EntityOfKind, Framework } from '../../graph/types.js';
import { MAX_COLLECTION_ITEMS, type CollectionName } from '../../model/index.js';
import { DEFAULT_CHANGES_PAGE, MAX_CHANGES_PAGE, changePage, pageSizeOutOfRange } from '../../releases/change-page.js';
import {
  MAX_FUZZY_WORD_LENGTH,
  MAX_SEARCH_RESULTS,
  MAX_SEARCH_TEXT_LENGTH,
  MAX_SEARCH_WORDS,
  searchPage,
} from '../../search/search-framework.js';
import { builder, type Types } from '../builder.js';
import { asBadInput, listArgument, listLimits, type ListLimit } from '../list-limits.js';
import { decodeOffsetCursor, offsetConnection, pageSizeError } from '../offset-page.js';
import { frameworkIn, LOCALE_ARG_DESCRIPTION } from '../locale-arg.js';
import type { AltitudeContext } from '../context.js';
import {
  CapabilityRef,
  DimensionRef,
  ExpectationRef,
  FailureModeRef,
  FrameworkRef,
  FrameworkVersionRef,
  GlossaryTermRef,
  LevelComparisonRef,
  LevelRef,
  LocaleRef,
  LeverageMechanismRef,
  MisconceptionRef,
  OrgPracticeRef,
  ReleaseRef,
  SourceRef,
  TensionRef,
  TransitionRef,
} from '../refs.js';
import { ChangeEventConnection, ReleaseConnection, SearchHitConnection } from './connections.js';

const SEARCH_FIRST: ListLimit = {
  argument: 'first',
  max: MAX_SEARCH_RESULTS,
  omitted: 10,
  tooMany: (size) => pageSizeError(size, MAX_SEARCH_RESULTS, 1).message,
};
const MAX_RELEASES_PAGE = 100;
const RELEASES_FIRST: ListLimit = {
  argument: 'first',
  max: MAX_RELEASES_PAGE,
  omitted: 20,
  tooMany: (size) => pageSizeError(size, MAX_RELEASES_PAGE).message,
};
const CHANGES_FIRST: ListLimit = { argument: 'first', max: MAX_CHANGES_PAGE, omitted: DEFAULT_CHANGES_PAGE, tooMany: pageSizeOutOfRange };

const AFTER_DESCRIPTION = 'Return items after this cursor: the `cursor` of an edge, or `pageInfo.endCursor`.';

builder.queryType({
  description: 'The Distinguished Engineer role framework. Every list is in the order the framework defines.',
  fields: (t) => {
    const locale = () => t.arg.string({ required: false, description: LOCALE_ARG_DESCRIPTION });
    /** A whole collection, in its defined order; the content check bounds its length. */
    const list = <T>(
      ref: ObjectRef<Types, T>,
      collection: CollectionName,
      description: string,
      pick: (framework: Framework) => readonly T[],
    ) =>
      t.field({
        type: [ref],
        description: `${description} At most ${MAX_COLLECTION_ITEMS[collection]} (the content check refuses more).`,
        args: { locale: locale() },
        resolve: (_r, args, ctx) => asBadInput(() => pick(frameworkIn(ctx, args.locale))),
      });
    /** One entity by slug; null for a slug that names none, as is usual for single-object queries. */
    const one = <K extends EntityKind>(ref: ObjectRef<Types, EntityOfKind<K>>, kind: K, noun: string, example: string) =>
      t.field({
        type: ref,
        nullable: true,
        description: `One ${noun} by slug; null when none has that slug.`,
        args: { slug: t.arg.string({ description: `The ${noun} slug, e.g. \`${example}\`.` }), locale: locale() },
        // K is generic here, which Pothos' resolver type cannot follow; each call site has a concrete K.
        resolve: ((_r: unknown, args: { slug: string; locale?: string | null }, ctx: AltitudeContext) =>
          asBadInput(() => frameworkIn(ctx, args.locale).find(kind, args.slug) ?? null)) as never,
      });
    return {
      framework: t.field({
        type: FrameworkRef,
        description: 'The framework as a whole: title, summary, version, content hash.',
        args: { locale: locale() },
        resolve: (_r, args, ctx) => asBadInput(() => frameworkIn(ctx, args.locale)),
      }),
      locales: t.field({
        type: [LocaleRef],
        description: 'Every locale the framework is served in, the source locale first, with how much of it is translated.',
        resolve: (_r, _a, ctx) => ctx.framework.locales,
      }),
      sources: list(SourceRef, 'sources', 'The articles the framework rests on.', (f) => f.sources),
      source: t.field({
        type: SourceRef,
        nullable: true,
        description: 'One source by slug; null when none has that slug.',
        args: {
          slug: t.arg.string({ description: 'The source slug, e.g. `najim-what-distinguished-engineers-actually-do`.' }),
          locale: locale(),
        },
        resolve: (_r, args, ctx) => asBadInput(() => frameworkIn(ctx, args.locale).find('Source', args.slug) ?? null),
      }),
      levels: list(LevelRef, 'levels', 'Every level, lowest rank first.', (f) => f.levels),
      level: one(LevelRef, 'Level', 'level', 'distinguished'),
      dimensions: list(DimensionRef, 'dimensions', 'Every dimension levels are compared on, in comparison-row order.', (f) => f.dimensions),
      dimension: one(DimensionRef, 'Dimension', 'dimension', 'time-horizon'),
      expectation: t.field({
        type: ExpectationRef,
        nullable: true,
        description: "One level's expectation on one dimension; null when either slug names nothing.",
        args: {
          level: t.arg.string({ description: 'The level slug, e.g. `principal`.' }),
          dimension: t.arg.string({ description: 'The dimension slug, e.g. `time-horizon`.' }),
          locale: locale(),
        },
        resolve: (_r, args, ctx) =>
          asBadInput(() => frameworkIn(ctx, args.locale).find('Expectation', `${args.level}/${args.dimension}`) ?? null),
      }),
      transitions: list(TransitionRef, 'transitions', 'Every step between levels, lowest first.', (f) => f.transitions),
      transition: one(TransitionRef, 'Transition', 'transition', 'staff-to-principal'),
      leverageMechanisms: list(
        LeverageMechanismRef,
        'leverageMechanisms',
        'The ways the role creates leverage.',
        (f) => f.leverageMechanisms,
      ),
      leverageMechanism: one(LeverageMechanismRef, 'LeverageMechanism', 'leverage mechanism', 'talent-multiplication'),
      failureModes: list(FailureModeRef, 'failureModes', 'The ways companies get the role wrong.', (f) => f.failureModes),
      failureMode: one(FailureModeRef, 'FailureMode', 'failure mode', 'super-coder'),
      orgPractices: list(OrgPracticeRef, 'orgPractices', 'What companies that get the role right do.', (f) => f.orgPractices),
      orgPractice: one(OrgPracticeRef, 'OrgPractice', 'org practice', 'explicit-cross-org-scope'),
      capabilities: list(CapabilityRef, 'capabilities', 'The skills the role depends on.', (f) => f.capabilities),
      capability: one(CapabilityRef, 'Capability', 'capability', 'simpler-framing'),
      tensions: list(TensionRef, 'tensions', 'The pulls in two directions that come with the role.', (f) => f.tensions),
      tension: one(TensionRef, 'Tension', 'tension', 'constant-core-varied-practice'),
      misconceptions: list(MisconceptionRef, 'misconceptions', 'Common wrong pictures of the role.', (f) => f.misconceptions),
      misconception: one(MisconceptionRef, 'Misconception', 'misconception', 'senior-coder'),
      glossary: list(
        GlossaryTermRef,
        'glossary',
        'The words the framework uses in one sense throughout (team, area, domain, organisation, company, business unit).',
        (f) => f.glossary,
      ),
      glossaryTerm: one(GlossaryTermRef, 'GlossaryTerm', 'glossary term', 'domain'),
      compareLevels: t.field({
        type: LevelComparisonRef,
        nullable: true,
        description: `Two or more levels side by side, one row per dimension. An unknown or repeated slug, fewer than two, more than ${MAX_COMPARED_LEVELS} level slugs or more than ${MAX_DIMENSION_SLUGS} dimension slugs makes it null with a BAD_USER_INPUT error whose extensions name the \`argument\`, the \`value\` at fault and the \`validValues\`; the rest of the response is unaffected.`,
        args: {
          slugs: t.arg.stringList({
            description: `Level slugs in the column order wanted, e.g. ["staff", "principal", "distinguished"]; 2 to ${MAX_COMPARED_LEVELS}.`,
          }),
          dimensions: t.arg.stringList({
            required: false,
            description: `Only these dimension slugs, at most ${MAX_DIMENSION_SLUGS}; rows stay in dimension order. All dimensions when omitted.`,
          }),
          locale: locale(),
        },
        extensions: listLimits({
          slugs: listArgument('slugs', 'level slugs', MAX_COMPARED_LEVELS, 0),
          dimensions: listArgument('dimensions', 'dimension slugs', MAX_DIMENSION_SLUGS, 'filter'),
        }),
        resolve: (_r, args, ctx) =>
          asBadInput(() => compareLevels(frameworkIn(ctx, args.locale), args.slugs, args.dimensions ?? undefined)),
      }),
      frameworkVersion: t.field({
        type: FrameworkVersionRef,
        description: 'The version and content hash being served, and when it was released.',
        resolve: (_r, _a, ctx) => ctx.framework,
      }),
      releases: t.field({
        type: ReleaseConnection,
        nullable: true,
        description: `Every published release, oldest first, a page at a time. A bad \`first\` or \`after\` makes it null with a BAD_USER_INPUT error.`,
        args: {
          first: t.arg.int({
            defaultValue: 20,
            description: `How many releases, 0 to ${MAX_RELEASES_PAGE}.`,
          }),
          after: t.arg.string({ required: false, description: AFTER_DESCRIPTION }),
        },
        extensions: listLimits({ first: RELEASES_FIRST }),
        resolve: (_r, args, ctx) =>
          asBadInput(() => {
            if (args.first < 0 || args.first > MAX_RELEASES_PAGE) throw pageSizeError(args.first, MAX_RELEASES_PAGE);
            const offset = decodeOffsetCursor('releases', args.after);
            const all = ctx.framework.releases;
            return offsetConnection('releases', all.slice(offset, offset + args.first), offset, all.length);
          }),
      }),
      release: t.field({
        type: ReleaseRef,
        nullable: true,
        description: 'One release by version; null when no release has that version.',
        args: { version: t.arg.string({ description: 'A semantic version, e.g. `0.2.0`.' }) },
        resolve: (_r, args, ctx) => ctx.framework.releases.find((r) => r.version === args.version) ?? null,
      }),
      changes: t.field({
        type: ChangeEventConnection,
        nullable: true,
        description: `The change feed, oldest first: each release against the one before, then unreleased changes. Page forward with \`first\` and the \`after\` cursor of the last edge seen; cursors stay valid across releases. A bad \`first\` or \`after\` makes it null with a BAD_USER_INPUT error.`,
        args: {
          first: t.arg.int({
            required: false,
            description: `How many events, 0 to ${MAX_CHANGES_PAGE}; ${DEFAULT_CHANGES_PAGE} when omitted.`,
          }),
          after: t.arg.string({ required: false, description: AFTER_DESCRIPTION }),
        },
        extensions: listLimits({ first: CHANGES_FIRST }),
        resolve: (_r, args, ctx) => asBadInput(() => changePage(ctx.framework.changes, args.first, args.after)),
      }),
      search: t.field({
        type: SearchHitConnection,
        nullable: true,
        description: `Full-text search across every entity type, best match first. Prefix and typo tolerant (typos forgiven in words of up to ${MAX_FUZZY_WORD_LENGTH} letters). A bad argument makes it null with a BAD_USER_INPUT error.`,
        args: {
          text: t.arg.string({
            description: `Words to look for: at most ${MAX_SEARCH_TEXT_LENGTH} characters and ${MAX_SEARCH_WORDS} words. Blank text returns no hits.`,
          }),
          first: t.arg.int({ defaultValue: 10, description: `How many hits, 1 to ${MAX_SEARCH_RESULTS}.` }),
          after: t.arg.string({ required: false, description: AFTER_DESCRIPTION }),
          locale: locale(),
        },
        extensions: listLimits({ first: SEARCH_FIRST }),
        resolve: (_r, args, ctx) =>
          asBadInput(() => {
            if (args.first < 1 || args.first > MAX_SEARCH_RESULTS) throw pageSizeError(args.first, MAX_SEARCH_RESULTS, 1);
            const offset = decodeOffsetCursor('search', args.after);
            const { hits, total } = searchPage(frameworkIn(ctx, args.locale), args.text, offset, args.first);
            return offsetConnection('search', hits, offset, total);
          }),
      }),
    };
  },
});
