import { Migration } from '@mikro-orm/migrations';

/** Merged duplicates: a source ticket closes pointing at the ticket that lives on. */
export class Migration20261124190000Merge extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tickets" add column "merged_into_id" uuid null references "tickets" ("id")`);
    this.addSql(`create index "tickets_merged_into_id_index" on "tickets" ("merged_into_id") where "merged_into_id" is not null`);
  }
}
