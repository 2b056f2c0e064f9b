import type * as graph from '../graph/types.js';
import type { ChangeEvent } from '../releases/change-feed.js';
import type { Release } from '../releases/release-model.js';
import type { SearchHit as SearchHitValue } from '../search/search-framework.js';
import type { Snippet, TextRange as TextRangeValue } from '../search/snippet.js';
import { builder } from './builder.js';

// Every GraphQL type is declared here and implemented in its own file, so
// types that refer to each other (Level ↔ Transition) need no import cycles.

export interface LevelComparisonValue {
  readonly levels: readonly graph.Level[];
  readonly rows: readonly ComparisonRowValue[];
  readonly transitions: readonly graph.Transition[];
}
export interface ComparisonRowValue {
  readonly dimension: graph.Dimension;
  readonly cells: readonly graph.Expectation[];
}

export const EntityRef = builder.interfaceRef<graph.Entity>('Entity');
export const SourceRef = builder.objectRef<graph.Source>('Source');
export const CitationRef = builder.objectRef<graph.Citation>('Citation');
export const QuotationRef = builder.objectRef<graph.Quotation>('Quotation');
export const BelowLevelSignalRef = builder.objectRef<graph.BelowLevelSignal>('BelowLevelSignal');
export const LevelNoteRef = builder.objectRef<graph.LevelNote>('LevelNote');
export const GlossaryTermRef = builder.objectRef<graph.GlossaryTerm>('GlossaryTerm');
export const DimensionRef = builder.objectRef<graph.Dimension>('Dimension');
export const LevelRef = builder.objectRef<graph.Level>('Level');
export const ExpectationRef = builder.objectRef<graph.Expectation>('Expectation');
export const TransitionRef = builder.objectRef<graph.Transition>('Transition');
export const LeverageMechanismRef = builder.objectRef<graph.LeverageMechanism>('LeverageMechanism');
export const FailureModeRef = builder.objectRef<graph.FailureMode>('FailureMode');
export const OrgPracticeRef = builder.objectRef<graph.OrgPractice>('OrgPractice');
export const CapabilityRef = builder.objectRef<graph.Capability>('Capability');
export const TensionRef = builder.objectRef<graph.Tension>('Tension');
export const MisconceptionRef = builder.objectRef<graph.Misconception>('Misconception');
export const FrameworkRef = builder.objectRef<graph.Framework>('Framework');
export const LevelComparisonRef = builder.objectRef<LevelComparisonValue>('LevelComparison');
export const ComparisonRowRef = builder.objectRef<ComparisonRowValue>('ComparisonRow');
export const SearchHitRef = builder.objectRef<SearchHitValue>('SearchHit');
export const HighlightRef = builder.objectRef<Snippet>('Highlight');
export const TextRangeRef = builder.objectRef<TextRangeValue>('TextRange');
export const ReleaseRef = builder.objectRef<Release>('Release');
export const FrameworkVersionRef = builder.objectRef<graph.Framework>('FrameworkVersion');
export const ChangeEventRef = builder.objectRef<ChangeEvent>('ChangeEvent');
export const OverlayRef = builder.objectRef<graph.OverlayInfo>('Overlay');
export const LocaleRef = builder.objectRef<graph.LocaleInfo>('Locale');
export const TextFallbackRef = builder.objectRef<graph.TextFallback>('TextFallback');
export const RichTextDocRef = builder.objectRef<graph.RichText>('RichTextDoc');
export const RichBlockRef = builder.objectRef<graph.RichBlock>('RichBlock');
export const RichSpanRef = builder.objectRef<graph.RichSpan>('RichSpan');
