import type { ObjectRef } from '@pothos/core';
import { ComparisonError, compareLevels, MAX_COMPARED_LEVELS, MAX_DIMENSION_SLUGS } from '../../graph/compare-levels.js';
import type { EntityKind, EntityOfKind, Framework } from '../../graph/types.js';
import {
  MAX_SEARCH_RESULTS,
  MAX_FUZZY_WORD_LENGTH,
  MAX_SEARCH_TEXT_LENGTH,
  MAX_SEARCH_WORDS,
  SearchTextError,
  searchFramework,
} from '../../search/search-framework.js';
import { builder, type Types } from '../builder.js';
import { badInput, listArgument, listLimits, type ListLimit } from '../list-limits.js';
import {
  CapabilityRef,
  ChangeEventRef,
  DimensionRef,
  FailureModeRef,
  FrameworkRef,
  FrameworkVersionRef,
  GlossaryTermRef,
  LevelComparisonRef,
  LevelRef,
  LeverageMechanismRef,
  MisconceptionRef,
  OrgPracticeRef,
  ReleaseRef,
  SearchHitRef,
  SourceRef,
  TensionRef,
  TransitionRef,
} from '../refs.js';
import { ChangePageError, changePage, DEFAULT_CHANGES_PAGE, MAX_CHANGES_PAGE, pageSizeOutOfRange } from '../../releases/change-page.js';

const SEARCH_FIRST: ListLimit = {
  max: MAX_SEARCH_RESULTS,
  omitted: 10,
  tooMany: (size) => `first must be between 1 and ${MAX_SEARCH_RESULTS}, got ${size}.`,
};

/** Runs `work`; an `expected` error (the request asked for something wrong) becomes BAD_USER_INPUT. */
function asBadInput<T>(expected: new (message: string) => Error, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof expected) throw badInput(error.message);
    throw error;
  }
}

/** A by-slug lookup that answers null for an unknown slug, as is usual for single-object queries. */
const bySlug =
  <K extends EntityKind>(kind: K) =>
  (_root: unknown, args: { slug: string }, ctx: { framework: Framework }): EntityOfKind<K> | null =>
    ctx.framework.find(kind, args.slug) ?? null;

builder.queryType({
  description: 'The Distinguished Engineer role framework. Every list is in the order the framework defines.',
  fields: (t) => {
    /** A whole collection of the framework, in its defined order. */
    const list = <T>(ref: ObjectRef<Types, T>, description: string, pick: (framework: Framework) => readonly T[]) =>
      t.field({ type: [ref], description, resolve: (_r, _a, ctx) => pick(ctx.framework) });
    return {
      framework: t.field({
        type: FrameworkRef,
        description: 'The framework as a whole: title, summary, version, content hash.',
        resolve: (_r, _a, ctx) => ctx.framework,
      }),
      sources: list(SourceRef, 'The articles the framework rests on.', (f) => f.sources),
      levels: list(LevelRef, 'Every level, lowest rank first.', (f) => f.levels),
      level: t.field({
        type: LevelRef,
        nullable: true,
        description: 'One level by slug; null when no level has that slug.',
        args: { slug: t.arg.string({ description: 'The level slug, e.g. `distinguished`.' }) },
        resolve: bySlug('Level'),
      }),
      dimensions: list(DimensionRef, 'Every dimension levels are compared on, in comparison-row order.', (f) => f.dimensions),
      transitions: list(TransitionRef, 'Every step between levels, lowest first.', (f) => f.transitions),
      leverageMechanisms: list(LeverageMechanismRef, 'The ways the role creates leverage.', (f) => f.leverageMechanisms),
      leverageMechanism: t.field({
        type: LeverageMechanismRef,
        nullable: true,
        description: 'One leverage mechanism by slug; null when none has that slug.',
        args: { slug: t.arg.string({ description: 'The mechanism slug, e.g. `talent-multiplication`.' }) },
        resolve: bySlug('LeverageMechanism'),
      }),
      failureModes: list(FailureModeRef, 'The ways companies get the role wrong.', (f) => f.failureModes),
      failureMode: t.field({
        type: FailureModeRef,
        nullable: true,
        description: 'One failure mode by slug; null when none has that slug.',
        args: { slug: t.arg.string({ description: 'The failure mode slug, e.g. `super-coder`.' }) },
        resolve: bySlug('FailureMode'),
      }),
      orgPractices: list(OrgPracticeRef, 'What companies that get the role right do.', (f) => f.orgPractices),
      capabilities: list(CapabilityRef, 'The skills the role depends on.', (f) => f.capabilities),
      tensions: list(TensionRef, 'The pulls in two directions that come with the role.', (f) => f.tensions),
      misconceptions: list(MisconceptionRef, 'Common wrong pictures of the role.', (f) => f.misconceptions),
      glossary: list(
        GlossaryTermRef,
        'The words the framework uses in one sense throughout (team, area, domain, organisation, company, business unit).',
        (f) => f.glossary,
      ),
      compareLevels: t.field({
        type: LevelComparisonRef,
        description: `Two or more levels side by side, one row per dimension. An unknown or repeated slug, fewer than two, more than ${MAX_COMPARED_LEVELS} level slugs or more than ${MAX_DIMENSION_SLUGS} dimension slugs is an error (BAD_USER_INPUT) that says which.`,
        args: {
          slugs: t.arg.stringList({
            description: `Level slugs in the column order wanted, e.g. ["staff", "principal", "distinguished"]; 2 to ${MAX_COMPARED_LEVELS}.`,
          }),
          dimensions: t.arg.stringList({
            required: false,
            description: `Only these dimension slugs, at most ${MAX_DIMENSION_SLUGS}; rows stay in dimension order. All dimensions when omitted.`,
          }),
        },
        extensions: listLimits({
          slugs: listArgument('slugs', 'level slugs', MAX_COMPARED_LEVELS, 0),
          dimensions: listArgument('dimensions', 'dimension slugs', MAX_DIMENSION_SLUGS, 'filter'),
        }),
        resolve: (_r, args, ctx) =>
          asBadInput(ComparisonError, () => compareLevels(ctx.framework, args.slugs, args.dimensions ?? undefined)),
      }),
      frameworkVersion: t.field({
        type: FrameworkVersionRef,
        description: 'The version and content hash being served, and when it was released.',
        resolve: (_r, _a, ctx) => ctx.framework,
      }),
      releases: list(ReleaseRef, 'Every published release, oldest first.', (f) => f.releases),
      changes: t.connection(
        {
          type: ChangeEventRef,
          description: `The change feed, oldest first: each release against the one before, then unreleased changes. Page forward with \`first\` (0 to ${MAX_CHANGES_PAGE}, ${DEFAULT_CHANGES_PAGE} when omitted; BAD_USER_INPUT beyond) and the \`after\` cursor of the last edge seen; cursors stay valid across releases.`,
          extensions: listLimits({ first: { max: MAX_CHANGES_PAGE, omitted: DEFAULT_CHANGES_PAGE, tooMany: pageSizeOutOfRange } }),
          resolve: (_r, args, ctx) => {
            if (args.last != null || args.before != null) throw badInput('The change feed pages forward only: use first and after.');
            return asBadInput(ChangePageError, () => changePage(ctx.framework.changes, args.first, args.after));
          },
        },
        { name: 'ChangeEventConnection', description: 'A page of change events.' },
        { name: 'ChangeEventEdge', description: 'A change event and its cursor.' },
      ),
      search: t.field({
        type: [SearchHitRef],
        description: `Full-text search across every entity type, best match first. Prefix and typo tolerant (typos forgiven in words of up to ${MAX_FUZZY_WORD_LENGTH} letters).`,
        args: {
          text: t.arg.string({
            description: `Words to look for: at most ${MAX_SEARCH_TEXT_LENGTH} characters and ${MAX_SEARCH_WORDS} words (BAD_USER_INPUT beyond). Blank text returns no hits.`,
          }),
          first: t.arg.int({ defaultValue: 10, description: `How many hits at most, 1 to ${MAX_SEARCH_RESULTS}.` }),
        },
        extensions: listLimits({ first: SEARCH_FIRST }),
        resolve: (_r, args, ctx) => {
          if (args.first < 1 || args.first > MAX_SEARCH_RESULTS) throw badInput(SEARCH_FIRST.tooMany(args.first));
          return asBadInput(SearchTextError, () => searchFramework(ctx.framework, args.text, args.first));
        },
      }),
    };
  },
});
