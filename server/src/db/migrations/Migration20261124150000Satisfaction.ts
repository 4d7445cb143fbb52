import { Migration } from '@mikro-orm/migrations';

/** Satisfaction requests and answers, one per ticket; cancelled sessions say who, when and why. */
export class Migration20261124150000Satisfaction extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ticket_ratings" ("ticket_id" uuid not null references "tickets" ("id") on delete cascade, "token_hash" text not null, "asked_at" timestamptz not null default now(), "score" integer null check ("score" between 1 and 5), "comment" text null, "rated_at" timestamptz null, "rated_by_id" uuid null references "users" ("id"), constraint "ticket_ratings_pkey" primary key ("ticket_id"), constraint "ticket_ratings_token_hash_unique" unique ("token_hash"))`);
    this.addSql(`alter table "tutoring_sessions" add column "cancelled_by_id" uuid null references "users" ("id"), add column "cancelled_at" timestamptz null, add column "cancellation_reason" text null`);
  }
}
