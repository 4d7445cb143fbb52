import { type DocumentNode, type ExecutionArgs, type ExecutionResult, createSourceEventStream, execute, getOperationAST, subscribe } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaff } from '../auth/roles';
import type { Viewer } from '../auth/viewer';
import { type Context, type Loaders, createContext } from '../graphql/context';
import { observeDelivery } from '../observability/metrics';

type SubscribeResult = AsyncIterableIterator<ExecutionResult> | ExecutionResult;

/** What one event shares between its executions: an identity map, the viewer-independent loaders, the results. */
interface EventScope {
  em: EntityManager;
  loaders: Loaders;
  results: Map<string, Promise<SharedResult>>;
}

interface SharedResult {
  result: ExecutionResult;
  /** Whether resolving it read anything of the viewer but the role (then it is only the executing viewer's). */
  usedIdentity: boolean;
  viewerId: string | null;
}

/**
 * The viewer as resolvers see it in a shared execution: reading anything but `role` (the id, an
 * API key, ...) marks the result as the executing viewer's own.
 */
function watchIdentity(viewer: Viewer): { viewer: Viewer; used: () => boolean } {
  let used = false;
  const watched = new Proxy(viewer, {
    get(target, property, receiver) {
      if (property !== 'role') used = true;
      return Reflect.get(target, property, receiver);
    },
    has(target, property) {
      if (property !== 'role') used = true;
      return Reflect.has(target, property);
    },
    ownKeys(target) {
      used = true;
      return Reflect.ownKeys(target);
    },
  });
  return { viewer: watched, used: () => used };
}

/**
 * graphql-ws's `subscribe`. The hub hands every subscriber who may receive an event the very same
 * event object (it checks visibility, staff-only events and filters per subscriber); this executes
 * the subscription's selection for that event once per (document, variables, visibility class)
 * and hands the result to everyone in the class, whatever fields it selects.
 *
 * Visibility class: staff share one per role, but only while resolving reads nothing of the viewer
 * beyond the role (watched): a field that looks at the viewer's identity (viewerCan, one's own
 * e-mail) makes the result that viewer's alone, and the others of the role run their own. Tutors,
 * parents and learners each are their own class, since what they may see depends on who they are.
 * Every execution of an event shares one identity map and the viewer-independent loaders, so the
 * event's users, sessions and logs are loaded in batches for all classes at once.
 */
export function createSharedSubscribe(): (args: ExecutionArgs) => Promise<SubscribeResult> {
  const scopes = new WeakMap<object, EventScope>();
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;

  const scopeOf = (payload: object, context: Context): EventScope => {
    let scope = scopes.get(payload);
    if (!scope) {
      const em = context.services.orm.em.fork() as EntityManager;
      scopes.set(payload, (scope = { em, loaders: context.services.createLoaders(em, null), results: new Map() }));
    }
    return scope;
  };

  const run = (scope: EventScope, args: ExecutionArgs, payload: object, viewer: Viewer | null): Promise<SharedResult> => {
    const context = args.contextValue as Context;
    const watched = viewer ? watchIdentity(viewer) : null;
    const eventContext: Context = {
      ...createContext(context.services, watched?.viewer ?? null),
      em: scope.em,
      loaders: context.services.createLoaders(scope.em, watched?.viewer ?? null, scope.loaders),
    };
    return Promise.resolve(execute({ ...args, rootValue: payload, contextValue: eventContext })).then((result) => ({
      result,
      usedIdentity: watched?.used() ?? false,
      viewerId: viewer?.id ?? null,
    }));
  };

  const cached = (scope: EventScope, key: string, make: () => Promise<SharedResult>): Promise<SharedResult> => {
    let result = scope.results.get(key);
    if (!result) scope.results.set(key, (result = make()));
    return result;
  };

  /** The cache keys of one subscription (its viewer is fixed): its staff role's, and its own. */
  const keysOf = (documentKey: string, viewer: Viewer | null) => ({
    role: viewer && isStaff(viewer.role) ? `${documentKey} role:${viewer.role}` : null,
    own: `${documentKey} viewer:${JSON.stringify([viewer?.id ?? null, viewer?.role ?? null, viewer?.apiKeyId ?? null])}`,
  });

  const resultFor = async (payload: unknown, keys: ReturnType<typeof keysOf>, args: ExecutionArgs): Promise<ExecutionResult> => {
    const context = args.contextValue as Context;
    const viewer = context.viewer;
    if (typeof payload !== 'object' || payload === null) return execute({ ...args, rootValue: payload });
    const scope = scopeOf(payload, context);
    if (keys.role) {
      const shared = await cached(scope, keys.role, () => run(scope, args, payload, viewer));
      if (!shared.usedIdentity || shared.viewerId === viewer?.id) return shared.result;
    }
    return (await cached(scope, keys.own, () => run(scope, args, payload, viewer))).result;
  };

  return async (args) => {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation !== 'subscription') return subscribe(args);
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
    const events = source as AsyncIterableIterator<unknown>;
    // ws-server hands the same parsed document to everyone who sent the same text: number it, keep keys short.
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = (nextDocumentId += 1)));
    const documentKey = `${documentId} ${JSON.stringify([args.operationName ?? null, args.variableValues ?? null])}`;
    const keys = keysOf(documentKey, (args.contextValue as Context).viewer);
    const stream: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        const event = await events.next();
        if (event.done) return { value: undefined, done: true };
        const value = await resultFor(event.value, keys, args);
        observeDelivery(event.value);
        return { value, done: false };
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
