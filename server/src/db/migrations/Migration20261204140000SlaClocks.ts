import { Migration } from '@mikro-orm/migrations';

/**
 * SLA policies per ticket type, business hours, and the clocks' own columns: when the resolution
 * clock stopped, the escalated wait, the pause while waiting on the reporter. Existing tickets get
 * what the new rule would have written: the first response is the first reply the reporter could
 * read from staff or a tutor (not an assignment, not an internal note); praise has no SLA.
 */
export class Migration20261204140000SlaClocks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tickets" add column "resolution_met_at" timestamptz null, add column "escalated_at" timestamptz null,
      add column "escalation_due_at" timestamptz null, add column "sla_paused_at" timestamptz null`);
    this.addSql(`create table "sla_policies" ("ticket_type" "ticket_type" not null, "first_response_minutes" int null check ("first_response_minutes" > 0),
      "resolution_minutes" int null check ("resolution_minutes" > 0), "escalated_minutes" int null check ("escalated_minutes" > 0),
      "business_hours" boolean not null default false, "updated_at" timestamptz not null default now(), constraint "sla_policies_pkey" primary key ("ticket_type"))`);
    this.addSql(`create table "business_hours" ("id" int not null default 1 check ("id" = 1), "time_zone" text not null default 'UTC',
      "week" jsonb not null, "days_off" text[] not null default '{}', "updated_at" timestamptz not null default now(), constraint "business_hours_pkey" primary key ("id"))`);
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, openMinute: 9 * 60, closeMinute: 17 * 60 }));
    this.addSql(`insert into "business_hours" ("id", "time_zone", "week") values (1, 'UTC', '${JSON.stringify(weekdays)}'::jsonb)`);
    this.addSql(`insert into "sla_policies" ("ticket_type", "first_response_minutes", "resolution_minutes", "escalated_minutes") values ('FEEDBACK', null, null, null)`);

    this.addSql(`update "tickets" t set "first_responded_at" = (select min(l."created_at") from "issue_logs" l join "users" u on u."id" = l."actor_id"
      where l."ticket_id" = t."id" and not l."internal" and l."action" in ('COMMENTED', 'RESOLVED', 'DECIDED')
        and u."role"::text in ('TUTOR', 'COORDINATOR', 'ADMIN'))`);
    this.addSql(`update "tickets" t set "escalated_at" = (select max(l."created_at") from "issue_logs" l where l."ticket_id" = t."id" and l."to_status" = 'ESCALATED')`);
    this.addSql(`update "tickets" t set "resolution_met_at" = (select min(l."created_at") from "issue_logs" l where l."ticket_id" = t."id"
      and l."to_status" in ('RESOLVED', 'ESCALATED'))`);
    this.addSql(`update "tickets" set "escalation_due_at" = "escalated_at" + interval '48 hours' where "escalated_at" is not null and "type" <> 'FEEDBACK'`);
    this.addSql(`update "tickets" set "first_response_due_at" = null, "resolution_due_at" = null where "type" = 'FEEDBACK'`);

    // Resolution actions worded for tutors, and those only staff take.
    this.addSql(`alter table "resolution_actions" add column "tutor_label" text null, add column "for_tutors" boolean not null default true`);
    this.addSql(`update "resolution_actions" set "tutor_label" = 'Talk it through with the family and agree what changes' where "label" = 'Mediate with the educator'`);
    this.addSql(`update "resolution_actions" set "for_tutors" = false where "label" = 'Reassign the educator and credit the session'`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "resolution_actions" drop column "tutor_label", drop column "for_tutors"');
    this.addSql('drop table if exists "business_hours"');
    this.addSql('drop table if exists "sla_policies"');
    this.addSql('alter table "tickets" drop column "resolution_met_at", drop column "escalated_at", drop column "escalation_due_at", drop column "sla_paused_at"');
  }
}
