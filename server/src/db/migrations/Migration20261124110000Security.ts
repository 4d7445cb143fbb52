import { Migration } from '@mikro-orm/migrations';

/** Token revocation, shared rate-limit counters and the staff audit log. */
export class Migration20261124110000Security extends Migration {
  override async up(): Promise<void> {
    // Bumped by changePassword and logout(everywhere: true): every token of an older generation stops working.
    this.addSql(`alter table "users" add column "token_generation" int not null default 0`);
    // Single tokens signed out before they expire; rows past expires_at are useless and pruned.
    this.addSql(`create table "revoked_tokens" ("jti" uuid not null, "user_id" uuid not null references "users" ("id") on delete cascade, "expires_at" timestamptz not null, "revoked_at" timestamptz not null default now(), constraint "revoked_tokens_pkey" primary key ("jti"))`);
    this.addSql(`create index "revoked_tokens_user_id_expires_at_index" on "revoked_tokens" ("user_id", "expires_at")`);
    // rate-limiter-flexible's PostgreSQL store (its own layout), shared by every instance.
    this.addSql(`create table "rate_limits" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "rate_limits_pkey" primary key ("key"))`);
    // No foreign key to users: entries outlive the people they name (actor_name is kept for that).
    this.addSql(`create table "audit_log" ("id" bigserial not null, "at" timestamptz not null default now(), "actor_id" uuid null, "actor_name" text null, "actor_role" text null, "api_key_id" uuid null, "action" text not null, "target_type" text null, "target_id" text null, "address" text null, "change" jsonb not null default '{}', constraint "audit_log_pkey" primary key ("id"))`);
    this.addSql(`create index "audit_log_at_index" on "audit_log" ("at" desc, "id" desc)`);
    this.addSql(`create index "audit_log_actor_id_index" on "audit_log" ("actor_id")`);
  }
}
