import { Migration } from '@mikro-orm/migrations';

/** Automations and their runs, macros, the assignment policy; what a ticket keeps of an automation's resolution. */
export class Migration20261204120000Automations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "automation_trigger" as enum ('TICKET_CREATED', 'STATUS_CHANGED', 'COMMENTED', 'ATTENDANCE_RECORDED', 'SLA_AT_RISK', 'SLA_BREACHED', 'NO_TUTOR_REPLY')`);
    this.addSql(`create type "assignment_mode" as enum ('MANUAL', 'ROUND_ROBIN', 'LEAST_LOADED')`);
    this.addSql(`create table "automations" (
      "id" uuid not null, "name" text not null, "active" boolean not null default true,
      "trigger" "automation_trigger" not null, "filter" jsonb null, "facts" jsonb not null, "actions" jsonb not null,
      "after_hours" int null, "created_by_id" uuid null references "users" ("id") on delete set null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(),
      constraint "automations_pkey" primary key ("id"))`);
    this.addSql(`create index "automations_trigger_index" on "automations" ("trigger") where "active"`);
    // One run per automation and ticket: the unique index is what makes "once" hold under races.
    this.addSql(`create table "automation_runs" (
      "id" uuid not null, "automation_id" uuid not null references "automations" ("id") on delete cascade,
      "ticket_id" uuid not null references "tickets" ("id") on delete cascade,
      "trigger" "automation_trigger" not null, "at" timestamptz not null default now(),
      "ok" boolean not null, "code" text null, "message" text null,
      constraint "automation_runs_pkey" primary key ("id"))`);
    this.addSql(`create unique index "automation_runs_automation_id_ticket_id_unique" on "automation_runs" ("automation_id", "ticket_id")`);
    this.addSql(`create index "automation_runs_ticket_id_at_index" on "automation_runs" ("ticket_id", "at")`);
    this.addSql(`create table "macros" (
      "id" uuid not null, "owner_id" uuid not null references "users" ("id") on delete cascade,
      "name" text not null, "shared" boolean not null default false, "actions" jsonb not null,
      "created_at" timestamptz not null default now(), constraint "macros_pkey" primary key ("id"))`);
    this.addSql(`create index "macros_owner_id_index" on "macros" ("owner_id")`);
    this.addSql(`create table "assignment_policy" (
      "id" int not null check ("id" = 1), "mode" "assignment_mode" not null default 'MANUAL',
      "coordinator_ids" uuid[] not null default '{}', "max_open_per_coordinator" int null check ("max_open_per_coordinator" > 0),
      "last_assignee_id" uuid null, constraint "assignment_policy_pkey" primary key ("id"))`);
    this.addSql(`insert into "assignment_policy" ("id") values (1)`);
    // The tickets that led to a RISK ticket about a person (automations/risk.ts).
    this.addSql(`create table "risk_links" (
      "risk_ticket_id" uuid not null references "tickets" ("id") on delete cascade,
      "source_id" uuid not null references "tickets" ("id") on delete cascade,
      "subject_id" uuid not null references "users" ("id"), "at" timestamptz not null default now(),
      constraint "risk_links_pkey" primary key ("risk_ticket_id", "source_id"))`);
    this.addSql(`create index "risk_links_subject_id_index" on "risk_links" ("subject_id")`);
    this.addSql(`alter table "tickets" add column "resolved_by_automation_id" uuid null references "automations" ("id") on delete set null, add column "contest_due_at" timestamptz null`);
    this.addSql(`alter table "issue_logs" add column "automation_id" uuid null, add column "automation_name" text null`);
  }
}
