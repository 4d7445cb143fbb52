import { Migration } from '@mikro-orm/migrations';

/**
 * People and their accounts: a user may have no password yet (invited, or synced from the
 * business's systems), has a language and a last sign-in; invitations and password resets are
 * one-use links stored only as hashes.
 */
export class Migration20261204110000Accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" alter column "password_hash" drop not null`);
    // "if not exists": the sync feature may add the same column.
    this.addSql(`alter table "users" add column if not exists "locale" text not null default 'en'`);
    this.addSql(`alter table "users" add column if not exists "last_sign_in_at" timestamptz null`);
    this.addSql(`create table "invitations" (
      "id" uuid not null primary key,
      "user_id" uuid not null references "users" ("id") on update cascade on delete cascade,
      "email" text not null,
      "role" "user_role" not null,
      "token_hash" text not null unique,
      "invited_by_id" uuid null references "users" ("id") on update cascade on delete set null,
      "expires_at" timestamptz not null,
      "accepted_at" timestamptz null,
      "created_at" timestamptz not null default now())`);
    this.addSql(`create index "invitations_user_id_index" on "invitations" ("user_id")`);
    this.addSql(`create table "password_resets" (
      "id" uuid not null primary key,
      "user_id" uuid not null references "users" ("id") on update cascade on delete cascade,
      "token_hash" text not null unique,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null,
      "created_at" timestamptz not null default now())`);
    this.addSql(`create index "password_resets_user_id_index" on "password_resets" ("user_id")`);
    this.addSql(`create index "users_name_index" on "users" (lower("name"), "id")`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "password_resets"');
    this.addSql('drop table "invitations"');
    this.addSql('drop index "users_name_index"');
    this.addSql('alter table "users" drop column "last_sign_in_at"');
  }
}
