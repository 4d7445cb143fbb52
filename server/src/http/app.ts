import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import { type Context, createContext } from '../graphql/context';
import { forbidden } from '../errors';
import { formatError } from '../graphql/errors';
import { getSchema } from '../graphql/schema';
import type { Services } from '../services';
import { healthHandler } from './health';
import { placeholderPage } from './placeholder';
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
  const schema = await getSchema();
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    costLimit: { maxCost: 20_000 },
    maxTokens: { n: 5_000 },
    blockFieldSuggestion: { enabled: !services.config.exposeErrors },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema,
    // Bearer tokens, no cookies: a cross-site request cannot carry the caller's credentials.
    csrfPrevention: false,
    introspection: true,
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, services.config.exposeErrors),
    validationRules: [...protection.validationRules],
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      {
        // API keys without the `write` scope may only read.
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, operation }) {
              const viewer = contextValue.viewer;
              if (viewer?.apiKeyId && operation?.operation === 'mutation' && !viewer.scopes?.includes('write')) {
                throw forbidden('This API key may only read');
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  // graphql-ws subscriptions on the same port and path.
  const liveUpdates = attachLiveUpdates(httpServer, services, schema, protection.validationRules);

  app.get('/healthz', healthHandler(services));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const viewer = await services.auth.authenticate(services.orm.em.fork(), req.headers.authorization);
        return createContext(services, viewer);
      },
    }),
  );
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
