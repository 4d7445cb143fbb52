import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '../auth/roles';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId, parseIds } from '../graphql/ids';
import { Ticket } from '../tickets/ticket.entity';
import { getVisibleTicket } from '../tickets/tickets.query';
import { BulkAction, bulkTicketAction } from './bulk-actions';

@InputType()
export class BulkTicketActionInput {
  @Field(() => [ID])
  ticketIds!: string[];

  @Field(() => BulkAction)
  action!: BulkAction;

  @Field(() => ID, { nullable: true, description: 'ASSIGN: the coordinator or admin (null unassigns).' })
  assigneeId?: string | null;

  @Field(() => String, { nullable: true, description: 'COMMENT: the text; ESCALATE: the reason.' })
  comment?: string;

  @Field(() => Boolean, { nullable: true, description: 'COMMENT: staff-only.' })
  internal?: boolean;
}

@ObjectType()
export class BulkTicketResult {
  @Field(() => ID)
  ticketId!: string;

  @Field()
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'Why not: CONFLICT (it moved on), NOT_FOUND, FORBIDDEN ...' })
  code!: string | null;

  @Field(() => Ticket, { nullable: true, description: 'The ticket as it is now.' })
  ticket!: Ticket | null;
}

@Resolver()
export class BulkActionsResolver {
  @Mutation(() => [BulkTicketResult], { description: 'Each ticket on its own: one failure does not undo the others. Staff.' })
  async bulkTicketAction(@Ctx() ctx: Context, @Arg('input', () => BulkTicketActionInput) input: BulkTicketActionInput): Promise<BulkTicketResult[]> {
    const viewer = requireViewer(ctx, STAFF_ROLES);
    const outcomes = await bulkTicketAction(ctx.services, viewer, {
      ...input,
      ticketIds: parseIds(input.ticketIds, 'ticketIds'),
      assigneeId: input.assigneeId ? parseId(input.assigneeId, 'assigneeId') : input.assigneeId,
    });
    // A refused ticket is shown as it is now (when it exists), so the board can update its card.
    return Promise.all(outcomes.map(async (outcome) => Object.assign(new BulkTicketResult(), {
      ...outcome,
      ticket: outcome.ticket ?? (outcome.code === 'NOT_FOUND' ? null : await getVisibleTicket(ctx.em.fork(), viewer, outcome.ticketId).catch(() => null)),
    })));
  }
}
