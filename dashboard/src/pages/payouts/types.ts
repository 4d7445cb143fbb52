import type { PayoutsQuery as PayoutsResult } from '../../graphql/generated/graphql';

export type PayoutRow = PayoutsResult['payouts']['edges'][number]['node'];
export type PayoutTotals = PayoutsResult['payouts']['summary'];
export type PayoutFilterInput = { status?: 'HELD' | 'RELEASED' | 'PAID' | null; tutorId?: string | null; from?: string | null; to?: string | null };
