import { printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './types/text-format.js';
import './types/block-style.js';
import './types/list-kind.js';
import './types/mark.js';
import './types/rich-span.js';
import './types/rich-block.js';
import './types/rich-text-doc.js';
import './types/entity-type.js';
import './types/basis.js';
import './types/origin.js';
import './types/overlay.js';
import './types/locale.js';
import './types/quotation.js';
import './types/entity.js';
import './types/citation.js';
import './types/source.js';
import './types/dimension.js';
import './types/expectation.js';
import './types/below-level-signal.js';
import './types/level.js';
import './types/level-note.js';
import './types/transition.js';
import './types/leverage-mechanism.js';
import './types/failure-mode.js';
import './types/org-practice.js';
import './types/capability.js';
import './types/tension.js';
import './types/misconception.js';
import './types/glossary-term.js';
import './types/framework.js';
import './types/comparison-row.js';
import './types/level-comparison.js';
import './types/text-range.js';
import './types/highlight.js';
import './types/search-hit.js';
import './types/json-scalar.js';
import './types/scalars.js';
import './types/change-kind.js';
import './types/change-event.js';
import './types/release.js';
import './types/connections.js';
import './types/framework-version.js';
import './types/query.js';

/** The executable schema. Resolvers read the framework from the context. */
export const schema: GraphQLSchema = builder.toSchema();

/** The SDL committed as `packages/schema/schema.graphql`. */
export function printAltitudeSchema(): string {
  return `${printSchema(schema)}\n`;
}
