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
  type SelectionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

// graphql-armor's costLimit weights, so that a document without variables
// costs about what armor already found it to cost.
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

/**
 * The list limits the schema declares on a field (packages/schema's
 * list-limits.ts, the `listLimits` field extension), by argument name.
 */
interface ListLimit {
  readonly max: number;
  readonly omitted: number | 'filter';
}

/**
 * The cost of the operation about to run, counted as graphql-armor's
 * costLimit counts it, except that every list a client sizes multiplies its
 * field by the size actually asked for, whether it came as a literal, a
 * variable or a default: `first: $n`, `ids: $ids`, `slugs: [...]`. Armor
 * checks only literal `first`s, before variables are known; this runs just
 * before execution. A size over the field's maximum counts as the maximum,
 * since the resolver refuses it before doing any work.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  // Bad variables fail execution before anything runs; nothing to count.
  if (coerced.errors) return 0;
  const variables = coerced.coerced;
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
    if (!node.selectionSet) return SCALAR_COST;
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    const type = field && getNamedType(field.type);
    if (!field || !type || !isCompositeType(type)) return OBJECT_COST;
    return (OBJECT_COST + selectionsCost(node.selectionSet.selections, type, DEPTH_FACTOR)) * listSize(field, node, variables);
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionsCost(operation.selectionSet.selections, root, 1) : 0;
}

/** How many items the client's arguments ask this field for; 1 for a field with no list limits. */
function listSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  const limits = field.extensions['listLimits'] as Readonly<Record<string, ListLimit>> | undefined;
  if (!limits) return 1;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables);
  } catch {
    return 1; // execution reports the bad argument without running the field
  }
  let size = 1;
  for (const [name, limit] of Object.entries(limits)) {
    if (limit.omitted === 'filter') continue;
    const value = args[name];
    const asked = value == null ? limit.omitted : Array.isArray(value) ? value.length : typeof value === 'number' ? value : 1;
    size *= Math.max(1, Math.min(asked, limit.max));
  }
  return size;
}

/**
 * Refuses, before it runs, an operation whose cost with its variables is over
 * `maxCost`, with armor's message and status (400) so a client sees one error
 * for one limit, whether it wrote its sizes in the query or sent them as
 * variables.
 */
export function useVariableAwareCost(maxCost: number, advice: string): Plugin {
  // Without variables a document always costs the same; yoga reuses the
  // parsed document, so its cost is counted once.
  const fixedCosts = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { schema, document, operationName, variableValues } = args as ExecutionArgs;
      const fixed = !variableValues || Object.keys(variableValues).length === 0;
      const key = operationName ?? '';
      let cost = fixed ? fixedCosts.get(document)?.get(key) : undefined;
      if (cost === undefined) {
        cost = operationCost(schema, document, operationName, variableValues);
        if (fixed) fixedCosts.set(document, (fixedCosts.get(document) ?? new Map<string, number>()).set(key, cost));
      }
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${Math.ceil(cost)}. ${advice}`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            }),
          ],
        });
      }
    },
  };
}
