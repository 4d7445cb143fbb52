import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { Ticket } from '../tickets/ticket.entity';
import { listLedger } from './ledger.service';
import { LedgerConnection, LedgerEntry } from './ledger.type';

@Resolver(() => LedgerEntry)
export class LedgerResolver {
  @Query(() => LedgerConnection, { description: "Every money movement, oldest first, with the business's external ids. Staff, or keys with ledger:read" })
  ledger(@Ctx() ctx: Context,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page read before' }) after?: string,
    @Arg('first', () => Int, { nullable: true, description: 'At most 100 (default 20)' }) first?: number) {
    return listLedger(ctx.em, requireViewer(ctx), after, first);
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The ticket whose decision moved it (null for payments and cancellations)' })
  ticket(@Root() entry: LedgerEntry, @Ctx() ctx: Context) {
    return entry.ticketId ? ctx.loaders.visibleTicket.load(entry.ticketId) : null;
  }
}
