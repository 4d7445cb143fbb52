import { Migration } from '@mikro-orm/migrations';

/**
 * The reporters of the tickets merged into a ticket (desk/merge.ts): they see it and may comment
 * (tickets/visibility.ts, tickets/rules.ts), and their learners are part of its decision. Empty
 * everywhere so far: until now only one reporter's duplicates could merge.
 */
export class Migration20261124200000MergedReporters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tickets" add column "merged_reporter_ids" uuid[] not null default '{}'`);
    this.addSql(`create index "tickets_merged_reporter_ids_index" on "tickets" using gin ("merged_reporter_ids")`);
  }
}
