import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook endpoints, the events they are sent (written in the transaction of the change), one
 * delivery row per event and endpoint; and deferred_jobs, through which a transaction that cannot
 * await (ticket history) still enqueues a job atomically: a trigger hands each row to
 * graphile-worker and deletes it.
 */
export class Migration20261124130000Webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "deferred_jobs" ("id" uuid not null, "task" text not null, "payload" jsonb not null, "queue_name" text null, "job_key" text null, "job_key_mode" text null, "run_at" timestamptz not null default now(), "max_attempts" integer not null default 25, constraint "deferred_jobs_pkey" primary key ("id"))`);
    this.addSql(`create function "deferred_jobs_enqueue"() returns trigger language plpgsql as $$
begin
  perform graphile_worker.add_job(new.task, new.payload::json, queue_name => new.queue_name, run_at => new.run_at,
    max_attempts => new.max_attempts, job_key => new.job_key, job_key_mode => coalesce(new.job_key_mode, 'replace'));
  delete from deferred_jobs where id = new.id;
  return null;
end $$`);
    this.addSql(`create trigger "deferred_jobs_enqueue" after insert on "deferred_jobs" for each row execute function "deferred_jobs_enqueue"()`);

    this.addSql(`create table "webhook_endpoints" ("id" uuid not null, "url" text not null, "events" text[] not null, "description" text null, "active" boolean not null default true, "owner_id" uuid not null references "users" ("id"), "secret_enc" text not null, "previous_secret_enc" text null, "previous_secret_expires_at" timestamptz null, "failing_since" timestamptz null, "disabled_at" timestamptz null, "last_success_at" timestamptz null, "last_failure_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "webhook_endpoints_pkey" primary key ("id"))`);
    this.addSql(`create table "webhook_events" ("id" uuid not null, "sequence" bigserial, "type" text not null, "order_key" text not null, "body" text not null, "created_at" timestamptz not null default now(), constraint "webhook_events_pkey" primary key ("id"))`);
    this.addSql(`create table "webhook_deliveries" ("id" uuid not null, "sequence" bigserial, "endpoint_id" uuid not null references "webhook_endpoints" ("id") on delete cascade, "event_id" uuid not null references "webhook_events" ("id") on delete cascade, "order_key" text not null, "status" "delivery_status" not null default 'PENDING', "attempts" integer not null default 0, "response_status" integer null, "last_error" text null, "next_attempt_at" timestamptz null, "created_at" timestamptz not null default now(), "delivered_at" timestamptz null, constraint "webhook_deliveries_pkey" primary key ("id"))`);
    this.addSql(`create index "webhook_deliveries_endpoint_order_index" on "webhook_deliveries" ("endpoint_id", "order_key", "sequence") where "status" = 'PENDING'`);
    this.addSql(`create index "webhook_deliveries_endpoint_created_index" on "webhook_deliveries" ("endpoint_id", "created_at" desc, "id" desc)`);
  }
}
