import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { type Context, createContext } from '../graphql/context';
import { DomainError } from '../errors';
import { formatError } from '../graphql/errors';
import type { Services } from '../graphql/context';
import { clientAddress } from './client-address';
import { healthHandler } from './health';
import { Readiness, opsRoutes } from './ops.routes';
import { graphqlMetricsPlugin, recordContext, requestLogging } from './request-log';
import { loggerFor } from '../observability/logger';
import { watchDatabase } from '../observability/db-gauges';
import { gaugeSources } from '../observability/metrics';
import { securityHeaders } from './security-headers';
import { cookieValue, requestCredential, sessionCookie } from './session-cookie';
import { placeholderPage } from './placeholder';
import { checkOperation, refusal, retryAfterOf } from './operation-checks';
import { QUERY_LIMITS, queryLimitProtection } from './query-limits';
import { attachLiveUpdates } from './ws-server';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  /** /readyz's state: set `draining` when shutting down. */
  readiness: Readiness;
  /** Stops accepting, closes WebSockets with 1001, lets in-flight requests finish. */
  close(): Promise<void>;
}

const log = loggerFor('http');
/** The HTTP drain leaves a little of the grace period for the worker and the database to stop. */
const httpDrainMs = (graceMs: number) => Math.max(500, graceMs - Math.min(3_000, graceMs / 3));

const DASHBOARD_DIST = path.resolve(__dirname, '../../../dashboard/dist');

/** Express + Apollo on one HTTP server: /graphql, /healthz and the dashboard at /. */
export async function startHttpServer(services: Services, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(services.config.publicUrl));
  const secureCookies = services.config.nodeEnv !== 'development';
  const httpServer = createServer(app);
  const readiness = new Readiness(services);
  watchInstance(services);
  const schema = await services.schema();
  const introspection = services.config.graphqlIntrospection;
  const protection = queryLimitProtection({ blockFieldSuggestions: !introspection });
  const apollo = new ApolloServer<Context>({
    schema,
    // GET and simple POSTs must carry a content-type or an apollo-require-preflight header, which
    // a cross-site form or <img> cannot send; mutations over GET are refused by Apollo itself.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    introspection,
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, services.config.exposeErrors),
    validationRules: [...protection.validationRules],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    // No automatic persisted queries: clients send documents (and a wrong hash must not be a 500).
    persistedQueries: false,
    // A document full of mistakes gets a few errors back, not one per mistake.
    validationOptions: { maxErrors: QUERY_LIMITS.maxValidationErrors },
    plugins: [
      ...protection.plugins,
      graphqlMetricsPlugin(),
      // In-flight requests get most of SHUTDOWN_GRACE, then their sockets are cut.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: httpDrainMs(services.config.shutdownGraceMs) }),
      ApolloServerPluginLandingPageDisabled(),
      // POST answers are never cached; without this every field resolver is wrapped to compute cache hints.
      ApolloServerPluginCacheControlDisabled(),
      {
        // The credential, API key scopes, cost and control characters, once per operation before it runs (operation-checks.ts).
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, document, operationName, operation, request }) {
              try {
                if (operation?.operation === 'subscription') throw new DomainError('BAD_USER_INPUT', 'Subscriptions run over the WebSocket at /graphql');
                checkOperation({ schema, document, operationName, variables: request.variables, viewer: contextValue.viewer, credentialError: contextValue.credentialError });
              } catch (error) {
                // A refusal, not a server fault: Apollo would answer an error thrown here with a 500.
                if (!(error instanceof DomainError)) throw error;
                throw refusal(error);
              }
            },
            // RATE_LIMITED from a resolver (sign-in failures, reports) is a 429 too.
            async willSendResponse({ response }) {
              if (response.body.kind !== 'single') return;
              const limited = response.body.singleResult.errors?.filter((error) => error.extensions?.code === 'RATE_LIMITED') ?? [];
              if (!limited.length) return;
              response.http.status = 429;
              response.http.headers.set('retry-after', String(Math.max(...limited.map((error) => retryAfterOf(error)))));
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  // graphql-ws subscriptions on the same port and path.
  const liveRules = introspection ? protection.validationRules : [...protection.validationRules, NoSchemaIntrospectionCustomRule];
  const liveUpdates = attachLiveUpdates(httpServer, services, schema, liveRules);

  app.use(requestLogging());
  app.get('/healthz', healthHandler(services));
  app.use(opsRoutes(services, readiness));
  // The features' own HTTP routes (uploads, rating links), as the composition root lists them.
  for (const router of services.httpRoutes()) app.use(router);
  app.use(
    '/graphql',
    express.json({ limit: QUERY_LIMITS.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const address = clientAddress(req, services.config.trustProxy);
        let viaCookie = false;
        try {
          const credential = requestCredential(req, services.config.publicUrl);
          viaCookie = credential.viaCookie;
          const viewer = await services.auth.authenticate(credential.authorization);
          return recordContext(req, { ...createContext(services, viewer && { ...viewer, address }, address), session: sessionCookie(req, res, secureCookies, viaCookie) });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          // An API key over its limit: 429 at once. A bad credential is refused by checkOperation,
          // unless the operation is one anyone may call (login, introspection).
          if (error.code !== 'UNAUTHENTICATED') throw refusal(error);
          const session = sessionCookie(req, res, secureCookies, false);
          // A revoked, expired or cross-site cookie is cleared as well as refused.
          if (cookieValue(req.headers.cookie)) session.signedOut();
          return recordContext(req, { ...createContext(services, null, address), credentialError: error, session });
        }
      },
    }),
  );
  app.use('/graphql', badRequestBody);
  if (existsSync(path.join(DASHBOARD_DIST, 'index.html'))) {
    app.use(express.static(DASHBOARD_DIST, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|readyz|metrics).*/, (_req, res) => res.sendFile(path.join(DASHBOARD_DIST, 'index.html')));
  } else {
    app.get('/', (_req, res) => res.type('html').send(placeholderPage(services.config.publicUrl)));
  }

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    httpServer,
    readiness,
    close: async () => {
      readiness.draining = true;
      const delay = services.config.shutdownDelayMs;
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      await liveUpdates.dispose();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** The gauges /metrics reads from this instance's parts. */
function watchInstance(services: Services): void {
  gaugeSources.webSocketConnections = () => services.liveConnections.size;
  gaugeSources.subscriptions = () => services.realtime.hub.subscriberCount;
  watchDatabase(services.orm);
}

/** A body too large or not JSON: a GraphQL-shaped answer, never Express's HTML page with a stack. */
const badRequestBody: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = Number((error as { status?: number }).status);
  const clientFault = status >= 400 && status < 500;
  if (!clientFault) log.error({ err: error }, 'request failed');
  const message = status === 413 ? `The request body is larger than ${QUERY_LIMITS.maxBodyBytes} bytes` : 'The request body is not valid JSON';
  res.status(clientFault ? status : 500).json({
    errors: [{ message: clientFault ? message : 'Internal server error', extensions: { code: clientFault ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR' } }],
  });
};
