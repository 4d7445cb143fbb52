import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../db/raw-sql';

type Row = Record<string, unknown>;
const DAY = 86_400_000;
const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
const TICKET_TIMES = `select column_name from information_schema.columns
  where table_schema = current_schema() and table_name = 'tickets' and data_type = 'timestamp with time zone'`;

/** `days` ago from `now` (fractions allowed). */
export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/** One step as it really ran, and how far back it belongs. */
interface Window {
  ticketId: string;
  began: Date;
  ended: Date;
  shiftMs: number;
}

/** Timestamp columns of the tables that hold a ticket_id (read from the catalogue, so new ones are included). */
async function ticketTableColumns(em: EntityManager): Promise<Array<{ table: string; column: string }>> {
  const rows: Array<{ table_name: string; column_name: string }> = await em.getConnection().execute(
    `select c.table_name, c.column_name from information_schema.columns c
      where c.table_schema = current_schema() and c.data_type = 'timestamp with time zone' and c.table_name <> 'tickets'
        and exists (select 1 from information_schema.columns t where t.table_schema = c.table_schema and t.table_name = c.table_name and t.column_name = 'ticket_id')`,
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

/**
 * The demo's clock. The ticket service stamps everything with the real time; `at` runs one step of
 * a ticket's story through the service (so logs, events, notifications, money and payouts are what
 * the product writes) and moves what that step wrote to the moment the story says it happened:
 * the ticket's own times at once (a later step overwrites them), everything else the step wrote
 * (found by ticket and by the real time it was written) in `finish`. Every row of a step moves by
 * the same amount, so order and durations (due times, the auto-close window) stay true. The issue
 * log and the ledgers refuse updates; `finish` lifts that for its one transaction.
 */
export function demoClock(em: EntityManager) {
  const connection = em.getConnection();
  const windows: Window[] = [];
  const lastRow = new Map<string, Row>();
  let ticketTimes: string[] | null = null;

  async function at<T extends { id: string }>(when: Date, ticketId: string | null, step: () => Promise<T>): Promise<T> {
    const began = new Date();
    const result = await step();
    const ended = new Date();
    const id = ticketId ?? result.id;
    const shiftMs = when.getTime() - began.getTime();
    windows.push({ ticketId: id, began, ended, shiftMs });
    // The times this step set on the ticket (a due time set by an earlier step stays put).
    const before = lastRow.get(id);
    const after: Row = (await connection.execute('select * from tickets where id = ?', [id]))[0];
    ticketTimes ??= ((await connection.execute(TICKET_TIMES)) as Array<{ column_name: string }>).map((r) => r.column_name);
    const changed = ticketTimes.filter((c) => after[c] !== null && !sameValue(after[c], before?.[c] ?? null));
    if (changed.length) {
      const sets = changed.map((c) => `"${c}" = "${c}" + ?::interval`).join(', ');
      await connection.execute(`update tickets set ${sets} where id = ? returning *`, [...changed.map(() => `${shiftMs} milliseconds`), id]).then((rows: Row[]) => lastRow.set(id, rows[0]));
    } else {
      lastRow.set(id, after);
    }
    return result;
  }

  /** Moves every other row the steps wrote: once per table column, in one transaction. */
  async function finish(): Promise<void> {
    if (!windows.length) return;
    const columns = await ticketTableColumns(em);
    const values = windows.map(() => '(?::uuid, ?::timestamptz, ?::timestamptz, ?::bigint)').join(', ');
    // A millisecond either side: the database keeps microseconds, the windows milliseconds.
    const params = windows.flatMap((w) => [w.ticketId, new Date(w.began.getTime() - 1), new Date(w.ended.getTime() + 1), w.shiftMs]);
    const from = `(values ${values}) as w(ticket_id, began, ended, shift_ms)`;
    const shift = (table: string, column: string, ticketOf: string) =>
      `update "${table}" x set "${column}" = x."${column}" + w.shift_ms * interval '1 millisecond' from ${from}
        where ${ticketOf} = w.ticket_id and x."${column}" between w.began and w.ended`;
    await em.transactional(async (tx) => {
      const tables = [...new Set(columns.map((c) => c.table))];
      for (const table of tables) await run(tx, `alter table "${table}" disable trigger user`);
      for (const { table, column } of columns) await run(tx, shift(table, column, 'x.ticket_id'), params);
      // Payouts released when a step closed a ticket on their session.
      await run(tx, shift('tutor_payouts', 'released_at', '(select ts.ticket_id from ticket_sessions ts where ts.session_id = x.session_id and ts.ticket_id = w.ticket_id)'), params);
      for (const table of tables) await run(tx, `alter table "${table}" enable trigger user`);
    });
  }

  return { at, finish };
}
