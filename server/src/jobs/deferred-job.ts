import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JobOptions } from './queue';

/**
 * A job requested by code that cannot await (e.g. ticket history): the row is flushed with the
 * transaction, and a trigger (migration Webhooks) hands it to graphile-worker and deletes it, so the
 * job exists exactly when the change commits.
 */
@Entity({ tableName: 'deferred_jobs' })
export class DeferredJob {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  task!: string;

  @Property({ type: 'jsonb' })
  payload: Record<string, unknown> = {};

  /** Jobs of one queue run one at a time, in order. */
  @Property({ type: 'text', nullable: true })
  queueName?: string | null;

  @Property({ type: 'text', nullable: true })
  jobKey?: string | null;

  @Property({ type: 'text', nullable: true })
  jobKeyMode?: 'replace' | 'preserve_run_at' | null;

  @Property({ type: 'timestamptz' })
  runAt: Date = new Date();

  @Property({ type: 'integer' })
  maxAttempts: number = 25;
}

/** addJob for synchronous code: enqueued when the caller's transaction flushes, gone on rollback. */
export function deferJob(em: EntityManager, task: string, payload: Record<string, unknown>, options: JobOptions = {}): void {
  em.persist(Object.assign(new DeferredJob(), {
    task,
    payload,
    queueName: options.queueName ?? null,
    jobKey: options.jobKey ?? null,
    jobKeyMode: options.jobKeyMode ?? null,
    runAt: options.runAt ?? new Date(),
    maxAttempts: options.maxAttempts ?? 25,
  }));
}
