/**
 * The plans of the board's first page, as the server really runs it: a server started with
 * LOG_SQL=true answers the dashboard's BoardColumn for each column, and every statement it logs
 * that reads tickets is run again under EXPLAIN ANALYZE.
 */
import { BOARD_COLUMN, BOARD_COLUMNS, boardVariables } from './documents';
import { gql, login } from './load';
import { sql, startServer } from './processes';

export interface BoardPlan {
  column: string;
  statements: number;
  plans: string[];
  seqScanOfTickets: boolean;
}

// MikroORM's query log: "[query] <sql> [took 3 ms, 50 results]", maybe with colours.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const statementOf = (line: string) => /^\[query\] (.*?)(?: \[took [^\]]*\])?$/.exec(line.replace(ANSI, '').trim())?.[1] ?? null;

export async function explainBoard(databaseUrl: string, log: (line: string) => void): Promise<BoardPlan[]> {
  let lines: string[] = [];
  const server = await startServer('tickets', databaseUrl, { env: { LOG_SQL: 'true' }, onLine: (line) => lines.push(line) });
  const results: BoardPlan[] = [];
  try {
    const token = await login(server.url, 'coordinator@demo.test');
    for (const column of BOARD_COLUMNS) {
      lines = [];
      await gql(server.url, BOARD_COLUMN, boardVariables(column), token);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const statements = lines.map(statementOf).filter((s): s is string => !!s && /\b(select|insert|update|delete)\b/i.test(s));
      const plans: string[] = [];
      for (const statement of statements.filter((s) => /\bfrom\s+"?tickets"?/i.test(s))) {
        const rows = await sql<{ 'QUERY PLAN': string }>(databaseUrl, `explain (analyze, costs off, timing off, summary on) ${statement}`);
        plans.push(`${statement}\n\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
      const seqScanOfTickets = plans.some((p) => /Seq Scan on tickets/.test(p));
      results.push({ column, statements: statements.length, plans, seqScanOfTickets });
      log(`board ${column}: ${statements.length} statements; ${seqScanOfTickets ? 'SEQUENTIAL SCAN of tickets' : 'no sequential scan of tickets'}`);
      for (const plan of plans) console.log(plan.replace(/^/gm, '    '));
    }
  } finally {
    await server.stop();
  }
  return results;
}
