import { PayoutsQuery } from '../../graphql/payouts';
import { query } from '../../lib/client';
import type { FetchedPage } from '../../lib/paged-list';
import type { PayoutFilterInput, PayoutRow, PayoutTotals } from './types';

/** One page of payouts for a paged list. */
export async function fetchPayouts(filter: PayoutFilterInput, first: number, after: string | null): Promise<FetchedPage<PayoutRow> & { summary: PayoutTotals }> {
  const { payouts } = await query(PayoutsQuery, { filter, first, after });
  return {
    nodes: payouts.edges.map((e) => e.node),
    endCursor: payouts.pageInfo.endCursor ?? null,
    hasNextPage: payouts.pageInfo.hasNextPage,
    totalCount: payouts.totalCount,
    summary: payouts.summary,
  };
}
