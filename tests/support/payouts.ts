import type { GqlResult, TestApp } from './app';
import { sql } from './fixtures';

export const PAYOUT_FIELDS = `id status reference paidAt releasedAt
  amount { amountMinor currency } deductions { amountMinor } net { amountMinor }
  session { id } tutor { id } heldBy { id number }
  deductionLines { kind amount { amountMinor } ticket { id } otherPayout { id } }`;

export const PAYOUTS = `query($filter: PayoutFilter, $first: Int, $after: String) {
  payouts(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { ${PAYOUT_FIELDS} } } pageInfo { hasNextPage endCursor }
    summary { status count net { amountMinor currency } }
  }
}`;

export const MARK_PAID = `mutation($ids: [ID!]!, $reference: String!) { markPayoutsPaid(ids: $ids, reference: $reference) { ${PAYOUT_FIELDS} } }`;

export const TICKET_PAYOUTS = `query($id: ID!) { ticket(id: $id) { id payouts { ${PAYOUT_FIELDS} } } }`;

/** The payout ids of these sessions (direct SQL, for setting up calls). */
export async function payoutIdsOf(app: TestApp, sessionIds: string[]): Promise<string[]> {
  const rows = await sql(app, 'select id, session_id from tutor_payouts where session_id = any(?::uuid[])', [`{${sessionIds.join(',')}}`]);
  return sessionIds.map((s) => rows.find((r) => r.session_id === s)!.id);
}

/** Every payout the token sees under `filter`, following the cursors. */
export async function allPayouts(app: TestApp, token: string, filter: Record<string, unknown> = {}, first = 50): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const result: GqlResult = await app.gql(PAYOUTS, { filter, first, after }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    nodes.push(...result.data.payouts.edges.map((e: any) => e.node));
    if (!result.data.payouts.pageInfo.hasNextPage) return nodes;
    after = result.data.payouts.pageInfo.endCursor;
  }
}

/** One payout by id, as `token` sees it through the payouts list (null when absent). */
export async function payoutSeenBy(app: TestApp, token: string, id: string): Promise<any | null> {
  const [row] = await sql(app, 'select p.tutor_id, s.scheduled_start from tutor_payouts p join tutoring_sessions s on s.id = p.session_id where p.id = ?', [id]);
  const start = new Date(row.scheduled_start);
  const nodes = await allPayouts(app, token, { from: start.toISOString(), to: new Date(start.getTime() + 1).toISOString() });
  return nodes.find((n) => n.id === id) ?? null;
}
