import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { Ticket } from '../tickets/ticket.entity';
import { TicketRating } from './rating.entity';
import { rateTicket } from './satisfaction.service';

@Resolver(() => Ticket)
export class SatisfactionResolver {
  @Mutation(() => Ticket, { description: 'The reporter, once, CLOSED, 1..5' })
  rateTicket(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('score', () => Int) score: number,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    return rateTicket(ctx.em, ctx.services.config, requireViewer(ctx), { ticketId: parseId(ticketId, 'ticketId'), score, comment });
  }

  @FieldResolver(() => TicketRating, { nullable: true, description: "The reporter's score once given" })
  async satisfaction(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    const rating = await ctx.loaders.rating.load(ticket.id);
    return rating?.score ? rating : null;
  }
}
