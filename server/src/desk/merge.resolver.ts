import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '../auth/roles';
import { requireViewer } from '../graphql/auth-guard';
import { visibleTickets } from '../tickets/visibility';
import type { Context } from '../graphql/context';
import { parseId, parseIds } from '../graphql/ids';
import { Ticket } from '../tickets/ticket.entity';

@Resolver()
export class MergeResolver {
  @Mutation(() => Ticket, {
    description: 'Staff: closes the sources (open, same reporter and tutor) into the target (ONGOING or ESCALATED) with mergedInto; their sessions, comments and evidence join it. Idempotent; returns the target.',
  })
  mergeTickets(
    @Ctx() ctx: Context,
    @Arg('targetId', () => ID) targetId: string,
    @Arg('sourceIds', () => [ID]) sourceIds: string[],
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    const viewer = requireViewer(ctx, STAFF_ROLES);
    return ctx.services.desk.merge(viewer, { targetId: parseId(targetId, 'targetId'), sourceIds: parseIds(sourceIds, 'sourceIds'), comment });
  }
}

@Resolver(() => Ticket)
export class TicketMergeFieldsResolver {
  @FieldResolver(() => Ticket, { nullable: true, description: 'The ticket this duplicate was merged into (it is CLOSED).' })
  mergedInto(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return ticket.mergedInto ? ctx.loaders.visibleTicket.load(ticket.mergedInto.id) : null;
  }

  @FieldResolver(() => [Ticket], { description: 'The duplicates merged into this ticket, oldest first.' })
  async mergedFrom(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    const tickets = await visibleTickets(ctx.em, ctx.viewer, { mergedInto: ticket.id });
    return tickets.sort((a, b) => a.number.localeCompare(b.number));
  }
}
