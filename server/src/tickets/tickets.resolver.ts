import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../auth/roles';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId, parseIds } from '../graphql/ids';
import { Connection } from '../graphql/pagination';
import { DisputeCategory } from './enums';
import type { ResolveRequest } from './resolution';
import { ResolutionPreview } from './resolution-preview';
import { recordAudit } from '../audit/audit';
import { ResolutionAction } from './resolution-action.entity';
import { createResolutionAction, listResolutionActions, updateResolutionAction } from './resolution-actions.service';
import { TicketFilter, toTicketFilterSpec } from './ticket-filter.input';
import { ReportIssueInput, ResolutionActionInput, ResolveTicketInput } from './ticket.input';
import { Ticket } from './ticket.entity';
import { getVisibleTicket, listTickets } from './tickets.query';

const TicketConnection = Connection(Ticket, 'Ticket');

const resolveRequest = (input: ResolveTicketInput): ResolveRequest => ({
  ...input,
  ticketId: parseId(input.ticketId, 'ticketId'),
  actionId: input.actionId ? parseId(input.actionId, 'actionId') : null,
});

@Resolver()
export class TicketsResolver {
  @Query(() => TicketConnection, { description: 'Board order: ONGOING, RESOLVED, ESCALATED, CLOSED; inside a status, newest first.' })
  tickets(
    @Ctx() ctx: Context,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listTickets(ctx.em, requireViewer(ctx), toTicketFilterSpec(filter), first, after);
  }

  @Query(() => Ticket, { nullable: true })
  ticket(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return getVisibleTicket(ctx.em, requireViewer(ctx), parseId(id, 'id'));
  }

  @Query(() => [ResolutionAction])
  resolutionActions(
    @Ctx() ctx: Context,
    @Arg('category', () => DisputeCategory, { nullable: true }) category?: DisputeCategory,
    @Arg('includeInactive', () => Boolean, { nullable: true }) includeInactive?: boolean,
  ) {
    const viewer = requireViewer(ctx);
    return listResolutionActions(ctx.em, category, !!includeInactive && viewer.role === Role.ADMIN);
  }

  @Mutation(() => Ticket, { description: 'One ticket for one or more completed sessions of the caller; idempotent per caller and idempotencyKey.' })
  async reportIssue(@Ctx() ctx: Context, @Arg('input', () => ReportIssueInput) input: ReportIssueInput) {
    const viewer = requireViewer(ctx);
    const admit = () => ctx.services.limits.consume('reportIssue', viewer.id);
    return ctx.services.tickets.report(viewer, { ...input, sessionIds: parseIds(input.sessionIds, 'sessionIds'), admit });
  }

  @Mutation(() => Ticket)
  resolveTicket(@Ctx() ctx: Context, @Arg('input', () => ResolveTicketInput) input: ResolveTicketInput) {
    return ctx.services.tickets.resolve(requireViewer(ctx), resolveRequest(input));
  }

  @Query(() => ResolutionPreview, {
    description: 'What resolveTicket with this input would move, computed by the same code, writing nothing. Errors exactly as resolveTicket gives them, '
      + 'in its order: NOT_FOUND, CONFLICT, FORBIDDEN, BAD_USER_INPUT (the comment last, so a form can preview before it is written by sending a placeholder).',
  })
  previewResolution(@Ctx() ctx: Context, @Arg('input', () => ResolveTicketInput) input: ResolveTicketInput) {
    return ctx.services.tickets.preview(requireViewer(ctx), resolveRequest(input));
  }

  @Mutation(() => Ticket)
  acceptResolution(@Ctx() ctx: Context, @Arg('ticketId', () => ID) ticketId: string, @Arg('comment', () => String, { nullable: true }) comment?: string) {
    return ctx.services.tickets.accept(requireViewer(ctx), { ticketId: parseId(ticketId, 'ticketId'), comment });
  }

  @Mutation(() => Ticket)
  escalateTicket(@Ctx() ctx: Context, @Arg('ticketId', () => ID) ticketId: string, @Arg('comment') comment: string) {
    return ctx.services.tickets.escalate(requireViewer(ctx), { ticketId: parseId(ticketId, 'ticketId'), comment });
  }

  @Mutation(() => Ticket)
  assignTicket(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('assigneeId', () => ID, { nullable: true }) assigneeId?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    const viewer = requireViewer(ctx);
    return ctx.services.tickets.assign(viewer, { ticketId: parseId(ticketId, 'ticketId'), assigneeId: assigneeId ? parseId(assigneeId, 'assigneeId') : null, expectedVersion });
  }

  @Mutation(() => Ticket)
  addTicketComment(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('body') body: string,
    @Arg('internal', () => Boolean, { nullable: true }) internal?: boolean,
  ) {
    return ctx.services.tickets.comment(requireViewer(ctx), { ticketId: parseId(ticketId, 'ticketId'), body, internal });
  }

  @Mutation(() => ResolutionAction)
  async createResolutionAction(@Ctx() ctx: Context, @Arg('input', () => ResolutionActionInput) input: ResolutionActionInput) {
    const admin = requireViewer(ctx, [Role.ADMIN]);
    const action = await createResolutionAction(ctx.em as EntityManager, input);
    await recordAudit(ctx.em as EntityManager, { action: 'resolution_action.created', actor: admin, target: { type: 'ResolutionAction', id: action.id }, change: { ...input } });
    return action;
  }

  @Mutation(() => ResolutionAction)
  async updateResolutionAction(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input', () => ResolutionActionInput) input: ResolutionActionInput) {
    const admin = requireViewer(ctx, [Role.ADMIN]);
    const action = await updateResolutionAction(ctx.em as EntityManager, parseId(id, 'id'), input);
    await recordAudit(ctx.em as EntityManager, { action: 'resolution_action.updated', actor: admin, target: { type: 'ResolutionAction', id: action.id }, change: { ...input } });
    return action;
  }
}

