import { Migration } from '@mikro-orm/migrations';

/**
 * Payouts become visible and payable: when and with which reference a payout was paid, the late
 * credits (decided after PAID) as an immutable ledger, where each is carried, and an audit trail.
 */
export class Migration20261124100000Payouts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tutor_payouts" add column "paid_at" timestamptz null, add column "reference" text null, add column "carried_minor" int not null default 0`);
    this.addSql(`update "tutor_payouts" set "paid_at" = coalesce("released_at", now()) where "status" = 'PAID'`);
    this.addSql(`alter table "tutor_payouts" add constraint "tutor_payouts_paid_at_check" check (("status" = 'PAID') = ("paid_at" is not null))`);
    this.addSql(`alter table "tutor_payouts" add constraint "tutor_payouts_deducted_check" check ("deducted_minor" between 0 and "amount_minor")`);
    // Never a negative payout: a late credit the payout cannot absorb waits for the next one.
    this.addSql(`alter table "tutor_payouts" add constraint "tutor_payouts_net_check" check ("amount_minor" - "deducted_minor" - "carried_minor" >= 0)`);
    this.addSql(`create index "tutor_payouts_tutor_id_status_index" on "tutor_payouts" ("tutor_id", "status")`);

    this.addSql(`create table "payout_late_credits" ("id" uuid not null, "payout_id" uuid not null references "tutor_payouts" ("id"), "tutor_id" uuid not null references "users" ("id"), "ticket_id" uuid null references "tickets" ("id"), "amount_minor" int not null, "currency" char(3) not null, "created_at" timestamptz not null default now(), constraint "payout_late_credits_pkey" primary key ("id"))`);
    this.addSql(`create index "payout_late_credits_payout_id_index" on "payout_late_credits" ("payout_id")`);
    this.addSql(`create index "payout_late_credits_tutor_id_index" on "payout_late_credits" ("tutor_id")`);
    this.addSql(`create trigger "payout_late_credits_immutable" before update or delete on "payout_late_credits" for each row execute function "forbid_ledger_change"()`);

    this.addSql(`create table "payout_carries" ("id" uuid not null, "late_credit_id" uuid not null references "payout_late_credits" ("id"), "payout_id" uuid not null references "tutor_payouts" ("id"), "amount_minor" int not null, constraint "payout_carries_pkey" primary key ("id"))`);
    this.addSql(`create index "payout_carries_payout_id_index" on "payout_carries" ("payout_id")`);
    this.addSql(`create index "payout_carries_late_credit_id_index" on "payout_carries" ("late_credit_id")`);

    this.addSql(`create table "payout_events" ("id" uuid not null, "payout_id" uuid not null references "tutor_payouts" ("id"), "action" text not null, "reference" text null, "actor_id" uuid null references "users" ("id"), "created_at" timestamptz not null default now(), constraint "payout_events_pkey" primary key ("id"))`);
    this.addSql(`create index "payout_events_payout_id_index" on "payout_events" ("payout_id")`);
    this.addSql(`create trigger "payout_events_immutable" before update or delete on "payout_events" for each row execute function "forbid_ledger_change"()`);
  }
}
