import type { EntityManager } from '@mikro-orm/postgresql';

type Row = Record<string, unknown>;
const DAY = 86_400_000;
const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** `days` ago from `now` (fractions allowed). */
export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

interface TicketTable {
  columns: string[];
  /** It has triggers of its own (the immutable ledgers and log). */
  guarded: boolean;
}

/** Every table with a ticket_id and its timestamp columns, read from the catalogue (so new ones are included). */
async function ticketTables(em: EntityManager): Promise<Map<string, TicketTable>> {
  const rows: Array<{ table_name: string; column_name: string; guarded: boolean }> = await em.getConnection().execute(
    `select c.table_name, c.column_name,
            exists (select 1 from pg_trigger g where g.tgrelid = (quote_ident(c.table_name))::regclass and not g.tgisinternal) as guarded
       from information_schema.columns c
      where c.table_schema = current_schema() and c.data_type = 'timestamp with time zone'
        and exists (select 1 from information_schema.columns t where t.table_schema = c.table_schema and t.table_name = c.table_name and t.column_name = 'ticket_id')`,
  );
  const tables = new Map<string, TicketTable>();
  for (const { table_name, column_name, guarded } of rows) {
    const table = tables.get(table_name) ?? { columns: [], guarded };
    table.columns.push(column_name);
    tables.set(table_name, table);
  }
  return tables;
}

const TICKET_TIMES = `select column_name from information_schema.columns
  where table_schema = current_schema() and table_name = 'tickets' and data_type = 'timestamp with time zone'`;

/**
 * The demo's clock. The ticket service stamps everything with the real time; `at` runs one step
 * of a ticket's story through the service (so logs, events, notifications, money and payouts are
 * what the product writes) and then moves what that step wrote to the moment the story says it
 * happened. Only this ticket's rows written since the step began move, by the same amount, so
 * their order and the durations between them (due times, the auto-close window) stay true.
 * The ledgers and the issue log refuse updates; the seed lifts that, for these rows only, inside
 * the same transaction.
 */
export function demoClock(em: EntityManager) {
  const connection = em.getConnection();
  let tables: Map<string, TicketTable> | null = null;
  let ticketColumns: string[] | null = null;

  return async function at<T extends { id: string }>(when: Date, ticketId: string | null, step: () => Promise<T>): Promise<T> {
    tables ??= await ticketTables(em);
    ticketColumns ??= ((await connection.execute(TICKET_TIMES)) as Array<{ column_name: string }>).map((r) => r.column_name);
    const before: Row | undefined = ticketId ? (await connection.execute(`select * from tickets where id = ?`, [ticketId]))[0] : undefined;
    const began = new Date(Date.now() - 1_000);
    const result = await step();
    const id = ticketId ?? result.id;
    const shift = `${when.getTime() - began.getTime() - 1_000} milliseconds`;
    const after: Row = (await connection.execute(`select * from tickets where id = ?`, [id]))[0];
    await em.transactional(async (tx) => {
      const run = (sql: string, params: unknown[] = []) => tx.getConnection().execute(sql, params, 'run', tx.getTransactionContext());
      // The ticket's own times: those this step set (a due time set earlier stays put).
      const changed = ticketColumns!.filter((c) => after[c] !== null && !sameValue(after[c], before?.[c] ?? null));
      if (changed.length) await run(`update tickets set ${changed.map((c) => `"${c}" = "${c}" + ?::interval`).join(', ')} where id = ?`, [...changed.map(() => shift), id]);
      for (const [table, { columns, guarded }] of tables!) {
        const moved = columns.map((c) => `"${c}" >= ?`).join(' or ');
        const sets = columns.map((c) => `"${c}" = case when "${c}" >= ? then "${c}" + ?::interval else "${c}" end`).join(', ');
        const [{ n }] = await tx.getConnection().execute(`select count(*)::int as n from "${table}" where ticket_id = ? and (${moved})`, [id, ...columns.map(() => began)], 'all', tx.getTransactionContext());
        if (!n) continue;
        if (guarded) await run(`alter table "${table}" disable trigger user`);
        await run(`update "${table}" set ${sets} where ticket_id = ?`, [...columns.flatMap(() => [began, shift]), id]);
        if (guarded) await run(`alter table "${table}" enable trigger user`);
      }
      // Payouts released by this step (a closed ticket frees its sessions' payouts).
      await run(
        `update tutor_payouts set released_at = released_at + ?::interval
          where released_at >= ? and session_id in (select session_id from ticket_sessions where ticket_id = ?)`,
        [shift, began, id],
      );
    });
    return result;
  };
}
