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
import { requireScopes } from '../graphql/auth-guard';
import { DomainError } from '../errors';
import { formatError, toGraphQLError } from '../graphql/errors';
import type { Services } from '../graphql/context';
import { clientAddress } from './client-address';
import { healthHandler } from './health';
import { placeholderPage } from './placeholder';
import { QUERY_LIMITS, queryLimitProtection } from './query-limits';
import { attachLiveUpdates } from './ws-server';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

const DASHBOARD_DIST = path.resolve(__dirname, '../../../dashboard/dist');

/** Express + Apollo on one HTTP server: /graphql, /healthz and the dashboard at /. */
export async function startHttpServer(services: Services, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
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
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // POST answers are never cached; without this every field resolver is wrapped to compute cache hints.
      ApolloServerPluginCacheControlDisabled(),
      {
        // API key scopes, once per operation before it runs (graphql/auth-guard.ts).
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, document, operationName, operation }) {
              try {
                if (operation?.operation === 'subscription') throw new DomainError('BAD_USER_INPUT', 'Subscriptions run over the WebSocket at /graphql');
                requireScopes(schema, document, operationName, contextValue.viewer);
              } catch (error) {
                // A refusal, not a server fault: Apollo would answer an error thrown here with a 500.
                if (!(error instanceof DomainError)) throw error;
                const refusal = toGraphQLError(error);
                refusal.extensions.http = { status: error.code === 'BAD_USER_INPUT' ? 400 : 200 };
                throw refusal;
              }
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

  app.get('/healthz', healthHandler(services));
  // The features' own HTTP routes (uploads, rating links), as the composition root lists them.
  for (const router of services.httpRoutes()) app.use(router);
  app.use(
    '/graphql',
    express.json({ limit: QUERY_LIMITS.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const address = clientAddress(req, services.config.trustProxy);
        const viewer = await services.auth.authenticate(req.headers.authorization);
        return createContext(services, viewer && { ...viewer, address }, address);
      },
    }),
  );
  app.use('/graphql', badRequestBody);
  if (existsSync(path.join(DASHBOARD_DIST, 'index.html'))) {
    app.use(express.static(DASHBOARD_DIST, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.sendFile(path.join(DASHBOARD_DIST, 'index.html')));
  } else {
    app.get('/', (_req, res) => res.type('html').send(placeholderPage(services.config.publicUrl)));
  }

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    httpServer,
    close: async () => {
      await liveUpdates.dispose();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** A body too large or not JSON: a GraphQL-shaped answer, never Express's HTML page with a stack. */
const badRequestBody: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = Number((error as { status?: number }).status);
  const clientFault = status >= 400 && status < 500;
  if (!clientFault) console.error('request failed:', error);
  const message = status === 413 ? `The request body is larger than ${QUERY_LIMITS.maxBodyBytes} bytes` : 'The request body is not valid JSON';
  res.status(clientFault ? status : 500).json({
    errors: [{ message: clientFault ? message : 'Internal server error', extensions: { code: clientFault ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR' } }],
  });
};
