import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { DomainError } from '../errors';
import { DEFAULT_PAGE } from '../db/paging';
import { QUERY_LIMITS } from './query-limits';

const SCALAR_COST = 1;
const OBJECT_COST = 2;
const LEVEL_FACTOR = 1.5;
/** Arguments that say how many items a list field returns. */
const PAGE_ARGUMENTS = ['first', 'last'];

type Variables = Record<string, unknown> | null | undefined;

/**
 * What an operation costs, counted once its variables are known, so `first: $n` costs what
 * `first: 100` does; fragments are counted where they are spread, aliases as the fields they are.
 * Introspection is free (it is bounded by the schema).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);

  const pageSizeOf = (field: GraphQLField<unknown, unknown>, node: { arguments?: readonly { name: { value: string }; value: ValueNode }[] }): number => {
    for (const name of PAGE_ARGUMENTS) {
      const declared = field.args.find((arg) => arg.name === name);
      if (!declared) continue;
      const given = node.arguments?.find((arg) => arg.name.value === name)?.value;
      const value = given ? numberOf(given, variables, defaults) : typeof declared.defaultValue === 'number' ? declared.defaultValue : undefined;
      // An absent or unusable size is the server's default page (a wrong type is refused later).
      return value !== undefined && value >= 1 ? value : DEFAULT_PAGE;
    }
    return 1;
  };

  const costOf = (type: GraphQLNamedType, selectionSet: SelectionSetNode, spread: readonly string[]): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') continue;
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
        if (!field || !selection.selectionSet) {
          cost += SCALAR_COST;
          continue;
        }
        cost += (OBJECT_COST + LEVEL_FACTOR * costOf(getNamedType(field.type), selection.selectionSet, spread)) * pageSizeOf(field, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        cost += costOf(inner ?? type, selection.selectionSet, spread);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A fragment spread inside itself is refused by validation; never loop here either.
        if (!fragment || spread.includes(fragment.name.value)) continue;
        const inner = schema.getType(fragment.typeCondition.name.value) ?? type;
        cost += costOf(inner, fragment.selectionSet, [...spread, fragment.name.value]);
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? Math.ceil(costOf(root, operation.selectionSet, [])) : 0;
}

function numberOf(value: ValueNode, variables: Variables, defaults: Map<string, ValueNode>): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind !== Kind.VARIABLE) return undefined;
  const name = value.name.value;
  const given = variables?.[name];
  if (typeof given === 'number') return given;
  if (given === undefined && defaults.has(name)) return numberOf(defaults.get(name)!, undefined, new Map());
  return undefined;
}

/** BAD_USER_INPUT, in words with both numbers, when the operation costs more than QUERY_LIMITS.maxCost. */
export function checkOperationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables): void {
  const cost = operationCost(schema, document, operation, variables);
  if (cost > QUERY_LIMITS.maxCost) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `This request asks for too much at once: it costs ${cost.toLocaleString('en-US')} and at most ${QUERY_LIMITS.maxCost.toLocaleString('en-US')} is allowed. Ask for smaller pages or fewer nested lists.`,
      undefined,
      { cost, maxCost: QUERY_LIMITS.maxCost },
    );
  }
}
