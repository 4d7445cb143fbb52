import { Migration } from '@mikro-orm/migrations';

/** Uploaded files (evidence once bound to a ticket), their bytes in 256 KB bytea rows. */
export class Migration20261124140000Evidence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "uploads" ("id" uuid not null, "owner_id" uuid not null references "users" ("id"), "filename" text not null, "content_type" text not null, "size" integer not null, "ticket_id" uuid null references "tickets" ("id") on delete cascade, "attached_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "uploads_pkey" primary key ("id"))`);
    this.addSql(`create index "uploads_owner_id_index" on "uploads" ("owner_id")`);
    this.addSql(`create index "uploads_ticket_id_index" on "uploads" ("ticket_id")`);
    this.addSql(`create table "upload_chunks" ("upload_id" uuid not null references "uploads" ("id") on delete cascade, "seq" integer not null, "data" bytea not null, constraint "upload_chunks_pkey" primary key ("upload_id", "seq"))`);
  }
}
