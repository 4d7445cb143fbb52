import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics, in one registry. Features import the families they move
 * from here (no HTTP involved); http/metrics.routes.ts serves them. Labels are bounded: never an
 * id, a name typed by a person or free text.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'tickets_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const operationDuration = new Histogram({
  name: 'tickets_graphql_operation_duration_seconds',
  help: 'GraphQL operations over HTTP, from request to answer, by operation name and type',
  labelNames: ['operation', 'type'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'tickets_graphql_errors_total',
  help: 'Errors in GraphQL answers, by extensions.code',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const liveEventDelivery = new Histogram({
  name: 'tickets_live_event_delivery_seconds',
  help: 'A live event from the commit of its change to its send on a WebSocket',
  buckets: SECONDS,
  registers: [registry],
});

export const syncItems = new Counter({
  name: 'tickets_sync_items_total',
  help: 'Items handled by data imports and syncs, by outcome (e.g. created, updated, skipped, failed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const automationRuns = new Counter({
  name: 'tickets_automation_runs_total',
  help: 'Automation runs, by outcome (e.g. applied, skipped, failed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const jobsRun = new Counter({
  name: 'tickets_jobs_total',
  help: 'Jobs this process ran, by outcome (ok, failed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

/** Gauges read when scraped, from whoever knows the value (set once at boot, see gauges.ts). */
export const gaugeSources = {
  webSocketConnections: () => 0,
  subscriptions: () => 0,
};

new Gauge({
  name: 'tickets_websocket_connections',
  help: 'Open WebSocket connections on this instance',
  registers: [registry],
  collect() {
    this.set(gaugeSources.webSocketConnections());
  },
});

new Gauge({
  name: 'tickets_subscriptions',
  help: 'Live subscriptions (ticketChanged, notificationAdded, presence) on this instance',
  registers: [registry],
  collect() {
    this.set(gaugeSources.subscriptions());
  },
});

/** Observes a live event's delivery if it says when it was committed. */
export function observeDelivery(event: unknown): void {
  const at = (event as { committedAt?: unknown } | null)?.committedAt;
  if (at instanceof Date) liveEventDelivery.observe(Math.max(0, (Date.now() - at.getTime()) / 1000));
}

const MAX_OPERATION_NAMES = 200;
const seenOperations = new Set<string>();
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The `operation` label: the name in the document; none is "anonymous", a document that did not
 * parse is "unknown", and once 200 names are known any new one is "other" (clients choose names).
 */
export function operationLabel(name: string | null | undefined, parsed: boolean): string {
  if (!parsed) return 'unknown';
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(name);
  return name;
}

/** The codes an error may be counted under; anything else is INTERNAL_SERVER_ERROR. */
const ERROR_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST', 'INTERNAL_SERVER_ERROR',
]);

export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && ERROR_CODES.has(code) ? code : 'INTERNAL_SERVER_ERROR';
}
