import { Migration } from '@mikro-orm/migrations';

/** The board's rank of a status, exactly as tickets.query.ts orders by it (the planner matches the text). */
const BOARD_RANK = `array_position(array['ONGOING','RESOLVED','ESCALATED','CLOSED']::ticket_status[], "status")`;

/**
 * Indexes that serve the board at 100,000 tickets: a column's first page (one status, board order)
 * and the whole board read straight from an index in order, without sorting; text search by
 * trigrams. Filters by tutor, assignee and reporter already have their own indexes.
 */
export class Migration20261124170000BoardIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "tickets_board_column_index" on "tickets" ("status", (${BOARD_RANK}), "created_at" desc, "id" desc)`);
    this.addSql(`create index "tickets_board_order_index" on "tickets" ((${BOARD_RANK}), "created_at" desc, "id" desc)`);
    this.addSql(`create extension if not exists pg_trgm`);
    this.addSql(`create index "tickets_title_trgm_index" on "tickets" using gin ("title" gin_trgm_ops)`);
    this.addSql(`create index "tickets_description_trgm_index" on "tickets" using gin ("description" gin_trgm_ops)`);
    this.addSql(`create index "tickets_number_trgm_index" on "tickets" using gin ("number" gin_trgm_ops)`);
  }
}
