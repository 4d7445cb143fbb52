import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type SelectionSetNode,
  GraphQLObjectType,
  Kind,
  createSourceEventStream,
  execute,
  getNamedType,
  getOperationAST,
  subscribe,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type SubscribeResult = AsyncIterableIterator<ExecutionResult> | ExecutionResult;

/**
 * "Type.field" for every field that just reads a property of its parent: a type-graphql @Field
 * with no field resolver, middleware or role check. Such a field's value cannot depend on who
 * asks or on the context. Anything not known to be plain counts as not plain.
 */
function plainFields(): Set<string> {
  const storage = getMetadataStorage();
  const withResolver = new Set(
    storage.fieldResolvers.map((resolver) => `${String(resolver.getObjectType?.()?.name)}.${resolver.schemaName}`),
  );
  const plain = new Set<string>(['*.__typename']);
  for (const type of storage.objectTypes) {
    for (const field of type.fields ?? []) {
      if (field.middlewares?.length || field.roles?.length || field.params?.length) continue;
      if (withResolver.has(`${type.target.name}.${field.schemaName}`)) continue;
      plain.add(`${type.name}.${field.schemaName}`);
    }
  }
  return plain;
}

/** Whether every field below the root field only reads properties (fragments followed). */
function selectsOnlyPlainFields(schema: GraphQLSchema, document: DocumentNode, set: SelectionSetNode, type: GraphQLObjectType, plain: Set<string>): boolean {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (!plain.has(`${type.name}.${name}`) || selection.arguments?.length) return false;
      if (selection.selectionSet) {
        const fieldType = getNamedType(type.getFields()[name]?.type);
        if (!(fieldType instanceof GraphQLObjectType)) return false;
        if (!selectsOnlyPlainFields(schema, document, selection.selectionSet, fieldType, plain)) return false;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selection.typeCondition && selection.typeCondition.name.value !== type.name) return false;
      if (!selectsOnlyPlainFields(schema, document, selection.selectionSet, type, plain)) return false;
    } else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (!fragment || fragment.kind !== Kind.FRAGMENT_DEFINITION || fragment.typeCondition.name.value !== type.name) return false;
      if (!selectsOnlyPlainFields(schema, document, fragment.selectionSet, type, plain)) return false;
    }
  }
  return true;
}

/** The subscription's single root field, when what it selects below it is all plain. */
function isShareable(args: ExecutionArgs, plain: Set<string>): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  const root = args.schema.getSubscriptionType();
  if (!operation || operation.operation !== 'subscription' || !root) return false;
  const [field, ...more] = operation.selectionSet.selections;
  if (more.length || field?.kind !== Kind.FIELD || field.directives?.length) return false;
  const returnType = getNamedType(root.getFields()[field.name.value]?.type);
  if (!field.selectionSet || !(returnType instanceof GraphQLObjectType)) return false;
  return selectsOnlyPlainFields(args.schema, args.document, field.selectionSet, returnType, plain);
}

/**
 * graphql-ws's `subscribe`. The hub hands every subscriber the very same event object; when a
 * subscription selects only plain fields, its result for an event is the same for everyone who
 * sent the same operation and variables, so it is executed once per event and shared. Who may
 * receive the event at all was decided per subscriber by the hub. Other subscriptions run per
 * subscriber as usual.
 */
export function createSharedSubscribe(): (args: ExecutionArgs) => Promise<SubscribeResult> {
  let plain: Set<string> | undefined;
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  const resultFor = (payload: unknown, key: string, args: ExecutionArgs): Promise<ExecutionResult> => {
    if (typeof payload !== 'object' || payload === null) return Promise.resolve(execute({ ...args, rootValue: payload }));
    let perEvent = results.get(payload);
    if (!perEvent) results.set(payload, (perEvent = new Map()));
    let result = perEvent.get(key);
    if (!result) perEvent.set(key, (result = Promise.resolve(execute({ ...args, rootValue: payload }))));
    return result;
  };

  return async (args) => {
    plain ??= plainFields();
    if (!isShareable(args, plain)) return subscribe(args);
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
    const events = source as AsyncIterableIterator<unknown>;
    const key = JSON.stringify([args.document.loc?.source.body ?? '', args.operationName ?? null, args.variableValues ?? null]);
    const stream: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        const event = await events.next();
        return event.done ? { value: undefined, done: true } : { value: await resultFor(event.value, key, args), done: false };
      },
      async return() {
        await events.return?.();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return stream;
      },
    };
    return stream;
  };
}
