import { Migration } from '@mikro-orm/migrations';

/** Delivery bookkeeping for the outbox, opted-out messages, and Telegram account linking. */
export class Migration20261123110000NotificationDelivery extends Migration {
  override async up(): Promise<void> {
    // Not used in this transaction, so adding the enum value here is allowed.
    this.addSql(`alter type "delivery_status" add value if not exists 'SKIPPED'`);
    this.addSql(`alter table "outbox_messages" add column "next_attempt_at" timestamptz null, add column "external_id" text null`);
    // A Telegram reply names the message it answers: chat id + message id -> outbox row -> ticket.
    this.addSql(`create index "outbox_messages_external_id_index" on "outbox_messages" ("channel", "external_id") where "external_id" is not null`);
    this.addSql(`create index "outbox_messages_created_at_id_index" on "outbox_messages" ("created_at", "id")`);
    this.addSql(`create unique index "users_telegram_chat_id_unique" on "users" ("telegram_chat_id") where "telegram_chat_id" is not null`);
    this.addSql(`create table "telegram_link_codes" ("code_hash" text not null, "user_id" uuid not null references "users" ("id") on delete cascade, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "telegram_link_codes_pkey" primary key ("code_hash"))`);
    this.addSql(`create index "telegram_link_codes_user_id_index" on "telegram_link_codes" ("user_id")`);
  }
}
