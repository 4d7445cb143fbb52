import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Gauge } from 'prom-client';
import { run } from '../db/raw-sql';
import { registry } from './metrics';

/** Scrapes from several Prometheus servers within this long share one set of queries. */
const CACHE_MS = 5_000;

interface DatabaseFigures {
  outbox: Array<{ status: string; count: number }>;
  jobsPending: number;
  jobsOldestSeconds: number;
  webhookEndpointsFailing: number;
}

let source: (() => Promise<DatabaseFigures>) | null = null;
let cached: { at: number; figures: Promise<DatabaseFigures> } | null = null;

/** The figures every instance sees alike (they live in PostgreSQL), read at scrape time. */
async function readFigures(em: EntityManager): Promise<DatabaseFigures> {
  const [outbox, jobs, webhooks] = await Promise.all([
    run(em, 'select status::text as status, count(*)::int as count from outbox_messages group by status'),
    // graphile-worker's own table: runnable jobs nobody holds yet, and how long the oldest has waited.
    run(em, `select count(*)::int as pending, coalesce(extract(epoch from now() - min(run_at)), 0)::float as oldest
               from graphile_worker._private_jobs where locked_at is null and run_at <= now() and attempts < max_attempts`),
    run(em, 'select count(*)::int as failing from webhook_endpoints where active and failing_since is not null'),
  ]);
  return {
    outbox: outbox.map((row) => ({ status: String(row.status), count: Number(row.count) })),
    jobsPending: Number(jobs[0]?.pending ?? 0),
    jobsOldestSeconds: Number(jobs[0]?.oldest ?? 0),
    webhookEndpointsFailing: Number(webhooks[0]?.failing ?? 0),
  };
}

function figures(): Promise<DatabaseFigures> | null {
  if (!source) return null;
  if (!cached || Date.now() - cached.at > CACHE_MS) {
    cached = { at: Date.now(), figures: source() };
    cached.figures.catch(() => (cached = null));
  }
  return cached.figures;
}

/** Points the database gauges at this process's database (once at boot). */
export function watchDatabase(orm: MikroORM): void {
  source = () => readFigures(orm.em.fork() as EntityManager);
  cached = null;
}

const STATUSES = ['PENDING', 'SENT', 'SKIPPED', 'DEAD'];

new Gauge({
  name: 'tickets_outbox_messages',
  help: 'E-mail and Telegram messages in the outbox, by status',
  labelNames: ['status'] as const,
  registers: [registry],
  async collect() {
    const read = await figures()?.catch(() => null);
    if (!read) return;
    for (const status of STATUSES) this.set({ status }, read.outbox.find((row) => row.status === status)?.count ?? 0);
  },
});

new Gauge({
  name: 'tickets_job_queue_pending',
  help: 'Jobs due to run that no worker has taken yet',
  registers: [registry],
  async collect() {
    const read = await figures()?.catch(() => null);
    if (read) this.set(read.jobsPending);
  },
});

new Gauge({
  name: 'tickets_job_queue_oldest_seconds',
  help: 'How long the oldest due job has been waiting for a worker',
  registers: [registry],
  async collect() {
    const read = await figures()?.catch(() => null);
    if (read) this.set(read.jobsOldestSeconds);
  },
});

new Gauge({
  name: 'tickets_webhook_endpoints_failing',
  help: 'Active partner webhook endpoints whose deliveries fail since their last success',
  registers: [registry],
  async collect() {
    const read = await figures()?.catch(() => null);
    if (read) this.set(read.webhookEndpointsFailing);
  },
});
