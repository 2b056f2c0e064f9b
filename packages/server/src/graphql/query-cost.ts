import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import {
  COST_HINTS_EXTENSION,
  LIST_LIMITS_EXTENSION,
  type AltitudeContext,
  type CostHints,
  badInputExtensions,
  type Framework,
  type ListLimit,
} from '@altitude/schema';
import type { Plugin } from 'graphql-yoga';

// graphql-armor's costLimit weights, so that a document without variables
// costs about what armor already found it to cost.
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

const hintsOf = (field: GraphQLField<unknown, unknown>) => field.extensions[COST_HINTS_EXTENSION] as CostHints | undefined;

/**
 * The cost of the operation about to run, counted as graphql-armor's
 * costLimit counts it (a plain value 1, an object 2 plus its fields, each
 * level deeper × 1.5), except that every list a client sizes multiplies its
 * field by the size actually asked for, whether it came as a literal, a
 * variable or a default: `first: $n`, `ids: $ids`, `slugs: [...]`. Armor
 * checks only literal `first`s, before variables are known; this runs just
 * before execution. A size over the field's maximum counts as the maximum,
 * and is reported as `tooLong` (the first one met), for the caller to
 * refuse the operation unrun. The schema's cost hints add what types do not
 * show: long texts weigh more than a slug, and a list the content sizes
 * (`citedBy`) counts at its longest in `framework`.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  framework: Framework,
): OperationCost {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { cost: 0 };
  const raw = rawVariables ?? {};
  // A list sent as a variable has the same length before coercion as after,
  // and coercing 20,000 IDs costs more than all the rest: a list over its
  // maximum is found in the values as sent, before anything is coerced.
  if (Object.values(raw).some(Array.isArray)) {
    const early = costWith(schema, document, operation, raw, framework);
    if (early.tooLong !== undefined) return early;
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], raw);
  // Bad variables fail execution before anything runs; nothing to count.
  if (coerced.errors) return { cost: 0 };
  return costWith(schema, document, operation, coerced.coerced, framework);
}

/** The cost of `operation` with these variable values (coerced, or as sent when only list lengths matter). */
function costWith(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  framework: Framework,
): OperationCost {
  let tooLong: TooLong | undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // A fragment's cost depends on nothing around it: counted once however often it is spread.
  const fragmentCosts = new Map<string, number>();

  const selectionsCost = (selections: readonly SelectionNode[], parent: GraphQLCompositeType, factor: number): number => {
    let cost = 0;
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        cost += factor * fieldCost(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += selectionsCost(selection.selectionSet.selections, narrowed(selection.typeCondition?.name.value) ?? parent, factor);
      } else {
        const key = `${factor} ${selection.name.value}`;
        let known = fragmentCosts.get(key);
        if (known === undefined) {
          const fragment = fragments.get(selection.name.value);
          const type = fragment && narrowed(fragment.typeCondition.name.value);
          known = fragment && type ? selectionsCost(fragment.selectionSet.selections, type, factor) : 0;
          fragmentCosts.set(key, known);
        }
        cost += known;
      }
    }
    return cost;
  };

  const narrowed = (typeName: string | undefined): GraphQLCompositeType | undefined => {
    const type = typeName === undefined ? undefined : schema.getType(typeName);
    return type && isCompositeType(type) ? type : undefined;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType): number => {
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    const hints = field && hintsOf(field);
    if (!node.selectionSet) return SCALAR_COST * (hints?.weight ?? 1);
    const type = field && getNamedType(field.type);
    if (!field || !type || !isCompositeType(type)) return OBJECT_COST;
    const asked = listSize(field, node, variables);
    tooLong ??= asked.tooLong;
    const items = asked.size * Math.max(1, hints?.items?.(framework) ?? 1);
    return (OBJECT_COST + selectionsCost(node.selectionSet.selections, type, DEPTH_FACTOR)) * items;
  };

  const root = schema.getRootType(operation.operation);
  const cost = root ? selectionsCost(operation.selectionSet.selections, root, 1) : 0;
  return tooLong === undefined ? { cost } : { cost, tooLong };
}

export interface OperationCost {
  readonly cost: number;
  /** The error for the first list argument over its maximum, if any. */
  readonly tooLong?: TooLong;
}

/** A list argument over its maximum: the message and the argument's name and size, as the resolver would report them. */
export interface TooLong {
  readonly message: string;
  readonly argument: string;
  readonly value: number;
}

/** How many items the client's arguments ask this field for (1 for a field with no list limits), and whether one asks too many. */
function listSize(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): { size: number; tooLong?: TooLong } {
  const limits = field.extensions[LIST_LIMITS_EXTENSION] as Readonly<Record<string, ListLimit>> | undefined;
  if (!limits) return { size: 1 };
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables);
  } catch {
    return { size: 1 }; // execution reports the bad argument without running the field
  }
  let size = 1;
  let tooLong: TooLong | undefined;
  for (const [name, limit] of Object.entries(limits)) {
    const value = args[name];
    const asked = Array.isArray(value) ? value.length : typeof value === 'number' ? value : undefined;
    if (asked !== undefined && asked > limit.max) tooLong ??= { message: limit.tooMany(asked), argument: name, value: asked };
    if (limit.omitted === 'filter') continue;
    size *= Math.max(1, Math.min(asked ?? limit.omitted, limit.max));
  }
  return tooLong === undefined ? { size } : { size, tooLong };
}

/**
 * Refuses, before it runs, an operation that asks a list for more than its
 * maximum (BAD_USER_INPUT, the resolver's own message) or whose cost with its
 * variables is over `maxCost` (armor's message), both with status 400, so a
 * client sees one error for one limit whether it wrote its sizes in the
 * query or sent them as variables.
 */
export function useVariableAwareCost(maxCost: number, advice: string): Plugin {
  // Without variables a document costs the same as long as the content does;
  // yoga reuses the parsed document, so its cost is counted once per content.
  const fixedCosts = new WeakMap<DocumentNode, { framework: Framework; costs: Map<string, OperationCost> }>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { schema, document, operationName, variableValues, contextValue } = args as ExecutionArgs;
      const { framework } = contextValue as AltitudeContext;
      const fixed = !variableValues || Object.keys(variableValues).length === 0;
      const key = operationName ?? '';
      let known = fixedCosts.get(document);
      if (known?.framework !== framework) known = undefined;
      let cost = fixed ? known?.costs.get(key) : undefined;
      if (cost === undefined) {
        cost = operationCost(schema, document, operationName, variableValues, framework);
        if (fixed) fixedCosts.set(document, { framework, costs: (known?.costs ?? new Map<string, OperationCost>()).set(key, cost) });
      }
      if (cost.tooLong !== undefined) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(cost.tooLong.message, {
              extensions: { ...badInputExtensions(cost.tooLong), http: { status: 400 } },
            }),
          ],
        });
      } else if (cost.cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${Math.ceil(cost.cost)}. ${advice}`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            }),
          ],
        });
      }
    },
  };
}
