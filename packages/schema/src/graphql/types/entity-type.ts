import { ENTITY_KINDS, type ContentKind } from '../../graph/types.js';
import { builder } from '../builder.js';

const CONTENT_KINDS: readonly ContentKind[] = [...ENTITY_KINDS, 'Source', 'Expectation'];

/** `FailureMode` → `FAILURE_MODE`, as GraphQL enum values are written. */
const enumName = (kind: string) => kind.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

const DESCRIPTIONS: Record<ContentKind, string> = {
  Dimension: 'A dimension levels are compared on (`Dimension`).',
  Level: 'A level of the ladder (`Level`).',
  Transition: 'The step between two levels (`Transition`).',
  LeverageMechanism: 'A way the role creates leverage (`LeverageMechanism`).',
  FailureMode: 'A way companies get the role wrong (`FailureMode`).',
  OrgPractice: 'Something companies that get the role right do (`OrgPractice`).',
  Capability: 'A skill the role depends on (`Capability`).',
  Tension: 'A pull in two directions (`Tension`).',
  Misconception: 'A wrong picture of the role (`Misconception`).',
  GlossaryTerm: 'A word used in one sense throughout (`GlossaryTerm`).',
  Source: 'An article the framework rests on (`Source`).',
  Expectation: "One level's expectation on one dimension (`Expectation`).",
};

export const EntityType = builder.enumType('EntityType', {
  description:
    'The kinds of object the content holds, each named after its GraphQL type. `Entity.type` is one of the first ten; change events also report sources and expectations.',
  values: Object.fromEntries(CONTENT_KINDS.map((kind) => [enumName(kind), { value: kind, description: DESCRIPTIONS[kind] }])),
});
