import type { Server } from 'node:http';
import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../auth/viewer';
import { DomainError, rateLimited } from '../errors';
import { formatError, toGraphQLError } from '../graphql/errors';
import { clientAddress } from './client-address';
import { QUERY_LIMITS } from './query-limits';
import type { Services } from '../graphql/context';
import { createLiveContext } from './live-context';
import { CLOSE_UNAUTHORIZED } from './live-connections';
import { checkOperation } from './operation-checks';
import { requestCredential } from './session-cookie';
import { createSharedSubscribe } from './shared-execution';

export const MAX_OPERATIONS_PER_CONNECTION = 20;
export const MAX_MESSAGE_BYTES = 64 * 1024;
const CONNECTION_INIT_WAIT_MS = 10_000;
const MAX_CACHED_DOCUMENTS = 500;
/** ws-level ping every so often; a socket that does not pong in time is terminated. */
const KEEP_ALIVE_MS = 15_000;
/** graphql-ws has no code of its own for this; 4429 mirrors HTTP 429. */
const CLOSE_TOO_MANY = 4429;

interface ConnectionExtra extends Record<PropertyKey, unknown> {
  viewer: Viewer;
  forget: () => void;
}

export interface LiveUpdatesServer {
  dispose(): Promise<void>;
}

/**
 * graphql-ws (graphql-transport-ws) on the HTTP server's own port and path. The token comes in
 * connection_init's payload ({ authorization: "Bearer ..." }, the key in any case); without a good one the socket is
 * closed with 4401. Each operation gets a fresh context; subscriptions refresh it per event.
 */
export function attachLiveUpdates(
  httpServer: Server,
  services: Services,
  schema: GraphQLSchema,
  validationRules: readonly ValidationRule[] = [],
): LiveUpdatesServer {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const rules = [...specifiedRules, ...validationRules];
  const expose = services.config.exposeErrors;
  const shape = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error, expose));
  // Thousands of dashboards send the same few documents: parse and validate each text once, and
  // share the (immutable) tree, which also keeps memory per subscription small.
  const checkedDocuments = new Map<string, DocumentNode>();
  const checkDocument = (query: string): DocumentNode | GraphQLError[] => {
    const known = checkedDocuments.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
    } catch (error) {
      return [toGraphQLError(new DomainError('BAD_USER_INPUT', (error as Error).message))];
    }
    const invalid = validate(schema, document, rules);
    if (invalid.length) return invalid.map((error) => toGraphQLError(new DomainError('BAD_USER_INPUT', error.message)));
    if (checkedDocuments.size >= MAX_CACHED_DOCUMENTS) checkedDocuments.delete(checkedDocuments.keys().next().value!);
    checkedDocuments.set(query, document);
    return document;
  };

  const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      connectionInitWaitTimeout: CONNECTION_INIT_WAIT_MS,
      subscribe: createSharedSubscribe(),
      onConnect: async (ctx) => {
        const address = clientAddress(ctx.extra.request, services.config.trustProxy);
        const admitted = await services.limits.consume('webSocketConnections', address).then(() => true, () => false);
        if (!admitted) {
          ctx.extra.socket.close(CLOSE_TOO_MANY, 'Too many new connections from this address');
          return false;
        }
        // Partner apps send a token in connection_init; the dashboard's socket carries its session cookie.
        let authorization = authorizationOf(ctx.connectionParams);
        if (!authorization) authorization = (() => {
          try {
            return requestCredential(ctx.extra.request, services.config.publicUrl, false).authorization;
          } catch {
            return null;
          }
        })();
        const verdict = await services.auth.authenticate(authorization).catch((error: unknown) => error);
        if (verdict instanceof DomainError && verdict.code === 'RATE_LIMITED') {
          ctx.extra.socket.close(CLOSE_TOO_MANY, verdict.message);
          return false;
        }
        const viewer = verdict instanceof Error ? null : (verdict as Viewer | null);
        if (!viewer) {
          // Returning false alone would close with 4403; a missing or bad token is 4401.
          ctx.extra.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized');
          return false;
        }
        ctx.extra.viewer = viewer;
        ctx.extra.forget = services.liveConnections.add({
          viewer,
          close: (code, reason) => ctx.extra.socket.close(code, reason),
        });
        return true;
      },
      onClose: (ctx) => ctx.extra.forget?.(),
      onSubscribe: (ctx, _id, payload) => {
        const viewer = ctx.extra.viewer as Viewer;
        if (Object.keys(ctx.subscriptions).length > MAX_OPERATIONS_PER_CONNECTION) {
          return [toGraphQLError(rateLimited(`At most ${MAX_OPERATIONS_PER_CONNECTION} operations at once per connection; stop one first`, 1))];
        }
        const checked = checkDocument(payload.query);
        if (Array.isArray(checked)) return checked;
        const document = checked;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [toGraphQLError(new DomainError('BAD_USER_INPUT', 'Unable to identify the operation'))];
        try {
          checkOperation({ schema, document, operationName: payload.operationName, variables: payload.variables, viewer });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return [toGraphQLError(error)];
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: createLiveContext(services, viewer),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
        result.errors ? { ...result, errors: shape(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => shape(errors),
    },
    wss,
    KEEP_ALIVE_MS,
  );
  return { dispose: async () => void (await server.dispose()) };
}

/** connection_init's `authorization` (or `Authorization`, in any case), as a header value. */
function authorizationOf(params: Record<string, unknown> | undefined): string | null {
  const key = Object.keys(params ?? {}).find((name) => name.toLowerCase() === 'authorization');
  const value = key ? params![key] : undefined;
  return typeof value === 'string' ? value : null;
}
