import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import type { Context } from '../graphql/context';
import { loggerFor } from '../observability/logger';
import { errorCodeLabel, graphqlErrors, operationDuration, operationLabel } from '../observability/metrics';

const log = loggerFor('http');
/** A caller's request id is kept when it is this plain; anything else gets a fresh one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Probes and scrapes come every few seconds: logged at debug only. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** What the GraphQL layer adds to a request's one log line. */
interface RequestRecord {
  reqId: string;
  operationName?: string;
  userId?: string;
  errorCode?: string;
}

const records = new WeakMap<object, RequestRecord>();

export function requestRecord(req: Request): RequestRecord {
  return records.get(req) ?? { reqId: 'none' };
}

/** Ties the GraphQL context of a request to the request's log line. */
export function recordContext(req: Request, context: Context): Context {
  const record = requestRecord(req);
  if (context.viewer) record.userId = context.viewer.id;
  // Apollo hands plugins a copy of the context object; its request-scoped EntityManager is the same.
  records.set(context.em, record);
  return context;
}

/**
 * X-Request-Id accepted (when plain) or made, and returned; one JSON line per request when it
 * ends: method, path (never the query string), status, duration and what GraphQL added.
 */
export function requestLogging(): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const reqId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const record: RequestRecord = { reqId };
    records.set(req, record);
    res.setHeader('X-Request-Id', reqId);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      // originalUrl: routers mounted on a path see req.path without it.
      const path = req.originalUrl.split('?')[0];
      const line = { ...record, method: req.method, path, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 };
      if (QUIET_PATHS.has(path)) log.debug(line, 'request');
      else if (res.statusCode >= 500) log.error(line, 'request');
      else log.info(line, 'request');
    });
    next();
  };
}

/** Operation latency and error counts (bounded labels), and the operation's part of the log line. */
export function graphqlMetricsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let operation = 'unknown';
      let type = 'unknown';
      return {
        async didResolveOperation({ operation: node }) {
          operation = operationLabel(node?.name?.value, true);
          type = node?.operation ?? 'unknown';
        },
        async willSendResponse({ response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          operationDuration.observe({ operation, type }, seconds);
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((error) => errorCodeLabel(error.extensions?.code));
          for (const code of codes) graphqlErrors.inc({ code });
          const record = records.get(contextValue.em);
          if (record) {
            record.operationName = operation;
            if (codes.length) record.errorCode = codes[0];
          }
        },
      };
    },
  };
}
