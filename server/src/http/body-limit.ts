import express, { type RequestHandler } from 'express';
import { Kind, getOperationAST, parse } from 'graphql';
import { SYNC_MAX_BODY_BYTES, SYNC_OPERATIONS } from '../sync/limits';
import { QUERY_LIMITS } from './query-limits';

type Sized = { bodyBytes?: number };

/**
 * The JSON body of /graphql: up to QUERY_LIMITS.maxBodyBytes for everything, up to
 * SYNC_MAX_BODY_BYTES for an operation made only of sync mutations. Too large is a 413 that
 * badRequestBody answers in GraphQL's shape.
 */
export function graphqlJsonBody(): RequestHandler[] {
  const json = express.json({ limit: SYNC_MAX_BODY_BYTES, verify: (req, _res, buf) => void ((req as Sized).bodyBytes = buf.length) });
  const bySize: RequestHandler = (req, _res, next) => {
    const size = (req as Sized).bodyBytes ?? 0;
    if (size <= QUERY_LIMITS.maxBodyBytes || onlySync(req.body)) return next();
    next(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }));
  };
  return [json, bySize];
}

function onlySync(body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string' || query.length > 10_000) return false;
  try {
    const operation = getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined);
    return !!operation && operation.operation === 'mutation' && operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && SYNC_OPERATIONS.has(s.name.value));
  } catch {
    return false;
  }
}
