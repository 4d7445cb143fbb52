import { Migration } from '@mikro-orm/migrations';

/** The ledger of money moved by ticket decisions. */
export class Migration20261123093000TicketAdjustments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "adjustment_kind" as enum ('LINE_CREDIT', 'LINE_CHARGE', 'PACKAGE_CREDIT')`);
    this.addSql(`create table "ticket_adjustments" ("id" uuid not null, "ticket_id" uuid not null references "tickets" ("id"), "session_id" uuid not null references "tutoring_sessions" ("id"), "learner_id" uuid not null references "users" ("id"), "kind" "adjustment_kind" not null, "amount_minor" int not null, "package_credits" int not null default 0, "currency" char(3) not null, "invoice_line_id" uuid null references "invoice_lines" ("id"), "credit_note_id" uuid null references "credit_notes" ("id"), "package_id" uuid null references "packages" ("id"), "created_at" timestamptz not null default now(), constraint "ticket_adjustments_pkey" primary key ("id"))`);
    this.addSql(`create index "ticket_adjustments_ticket_id_session_id_learner_id_index" on "ticket_adjustments" ("ticket_id", "session_id", "learner_id")`);
    this.addSql(`create index "ticket_adjustments_session_id_index" on "ticket_adjustments" ("session_id")`);
    this.addSql(`alter table "credit_notes" add constraint "credit_notes_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id")`);
    this.addSql(`create function "forbid_ledger_change"() returns trigger language plpgsql as $$ begin raise exception '% rows are immutable', TG_TABLE_NAME; end $$`);
    this.addSql(`create trigger "ticket_adjustments_immutable" before update or delete on "ticket_adjustments" for each row execute function "forbid_ledger_change"()`);
    this.addSql(`create trigger "credit_notes_immutable" before update or delete on "credit_notes" for each row execute function "forbid_ledger_change"()`);
    this.addSql(`create trigger "credit_note_lines_immutable" before update or delete on "credit_note_lines" for each row execute function "forbid_ledger_change"()`);
  }
}
