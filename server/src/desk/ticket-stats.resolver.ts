import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '../auth/roles';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { ticketStats } from './ticket-stats';
import { TicketStats } from './ticket-stats.type';

@Resolver()
export class TicketStatsResolver {
  @Query(() => TicketStats, { description: 'The desk’s figures for [from, to). Staff.' })
  ticketStats(@Ctx() ctx: Context, @Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date) {
    requireViewer(ctx, STAFF_ROLES);
    return ticketStats(ctx.em, from, to);
  }
}
