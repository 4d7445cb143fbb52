import { Migration } from '@mikro-orm/migrations';

/** The coordinator's desk: SLA breach notices, saved views, presence. */
export class Migration20261124180000Desk extends Migration {
  override async up(): Promise<void> {
    // Set once the breach was announced, so the per-minute sweep tells people only once.
    this.addSql(`alter table "tickets" add column "sla_breach_notified_at" timestamptz null`);
    this.addSql(`create table "saved_views" (
      "id" uuid not null, "owner_id" uuid not null references "users" ("id") on delete cascade,
      "name" text not null, "shared" boolean not null default false, "filter" jsonb not null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      constraint "saved_views_pkey" primary key ("id"))`);
    this.addSql(`create unique index "saved_views_owner_id_name_unique" on "saved_views" ("owner_id", lower("name"))`);
    this.addSql(`create index "saved_views_shared_index" on "saved_views" ("shared") where "shared"`);
    // Who has a ticket open: one row per (ticket, staff user), alive until expires_at.
    this.addSql(`create table "ticket_presence" (
      "ticket_id" uuid not null references "tickets" ("id") on delete cascade,
      "user_id" uuid not null references "users" ("id") on delete cascade,
      "state" text not null, "since" timestamptz not null default now(), "expires_at" timestamptz not null,
      constraint "ticket_presence_pkey" primary key ("ticket_id", "user_id"))`);
    this.addSql(`create index "ticket_presence_expires_at_index" on "ticket_presence" ("expires_at")`);
  }
}
