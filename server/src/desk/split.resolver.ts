import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '../auth/roles';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId, parseIds } from '../graphql/ids';
import { Ticket } from '../tickets/ticket.entity';

@Resolver()
export class SplitResolver {
  @Mutation(() => Ticket, { description: 'Staff: moves these sessions of an ONGOING ticket into a new ONGOING ticket; returns the new one. Idempotent.' })
  splitTicket(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('sessionIds', () => [ID]) sessionIds: string[],
    @Arg('title') title: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    const viewer = requireViewer(ctx, STAFF_ROLES);
    return ctx.services.desk.split(viewer, { ticketId: parseId(ticketId, 'ticketId'), sessionIds: parseIds(sessionIds, 'sessionIds'), title, comment });
  }
}
