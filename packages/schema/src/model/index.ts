import { z } from 'zod';
import { Capability } from './capability.js';
import { Dimension } from './dimension.js';
import { FailureMode } from './failure-mode.js';
import { FrameworkMeta } from './framework-meta.js';
import { GlossaryTerm } from './glossary-term.js';
import { Level } from './level.js';
import { LeverageMechanism } from './leverage-mechanism.js';
import { Misconception } from './misconception.js';
import { OrgPractice } from './org-practice.js';
import { Source } from './source.js';
import { Tension } from './tension.js';
import { Transition } from './transition.js';

export * from './common.js';
export * from './capability.js';
export * from './dimension.js';
export * from './failure-mode.js';
export * from './framework-meta.js';
export * from './glossary-term.js';
export * from './level.js';
export * from './leverage-mechanism.js';
export * from './misconception.js';
export * from './org-practice.js';
export * from './source.js';
export * from './tension.js';
export * from './transition.js';

/**
 * The collections a content file may hold, keyed by the name used in YAML.
 * Order matters: it is the order the checker reports counts in.
 */
export const collections = {
  sources: Source,
  dimensions: Dimension,
  levels: Level,
  transitions: Transition,
  leverageMechanisms: LeverageMechanism,
  failureModes: FailureMode,
  orgPractices: OrgPractice,
  capabilities: Capability,
  tensions: Tension,
  misconceptions: Misconception,
  glossary: GlossaryTerm,
} as const;

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

/**
 * The most items a collection may hold, across all files: far above any
 * framework, and what the API's root lists promise their clients. Levels and
 * dimensions match how many a comparison can name.
 */
export const MAX_COLLECTION_ITEMS: Readonly<Record<CollectionName, number>> = {
  sources: 50,
  dimensions: 20,
  levels: 20,
  transitions: 40,
  leverageMechanisms: 50,
  failureModes: 50,
  orgPractices: 50,
  capabilities: 50,
  tensions: 50,
  misconceptions: 50,
  glossary: 100,
};

export type CollectionItem<C extends CollectionName> = z.infer<(typeof collections)[C]>;

const collectionShape = Object.fromEntries(collectionNames.map((name) => [name, z.array(collections[name]).optional()])) as {
  [C in CollectionName]: z.ZodOptional<z.ZodArray<(typeof collections)[C]>>;
};

/** One YAML file under content/: any mix of the framework header and collections. */
export const ContentFile = z
  .strictObject({
    framework: FrameworkMeta.optional(),
    ...collectionShape,
  })
  .meta({
    title: 'Altitude content file',
    description:
      'A YAML file under content/. It may declare the framework header and any of the collections; items are merged across files.',
  });

export type ContentFileInput = z.infer<typeof ContentFile>;
