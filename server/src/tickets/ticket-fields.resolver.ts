import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { User } from '../auth/user.entity';
import { CreditNote } from '../billing/credit-note.entity';
import { Money } from '../billing/money';
import type { Context } from '../graphql/context';
import { TutoringSession } from '../sessions/session.entity';
import { ResolutionOutcome, TicketStatus } from './enums';
import { rateRefusal, splitRefusal } from './capability-facts';
import { TicketCapabilities, capabilitiesOf } from './capabilities';
import { isDisputedLearner, reporterIdsOf } from './disputed-learners';
import { SessionEvidence, sessionEvidence } from './attendance-facts';
import { IssueLog } from './issue-log.entity';
import { ResolutionAction } from './resolution-action.entity';
import { Ticket } from './ticket.entity';
import { seesInternal } from './visibility';
import { isReadOnlyRow } from '../db/read-only';
import { evidenceWindowOpen } from '../evidence/evidence.service';

@ObjectType()
export class Resolution {
  @Field(() => ResolutionOutcome, { nullable: true })
  outcome!: ResolutionOutcome | null;

  @Field(() => ResolutionAction, { nullable: true })
  action!: ResolutionAction | null;

  @Field()
  comment!: string;

  @Field(() => User)
  resolvedBy!: User;

  @Field()
  resolvedAt!: Date;

  @Field(() => Money, { description: 'Everything the ticket has credited so far.', nullable: true })
  credited!: Money | null;
}

/** isDisputedLearner for this ticket, through the request's loaders. */
async function disputedLearnerOf(ticket: Ticket, ctx: Context): Promise<(learnerId: string) => boolean> {
  const ids = reporterIdsOf(ticket);
  const reporters = (await ctx.loaders.user.loadMany(ids)).filter((user): user is User => user instanceof User);
  const children = await ctx.loaders.childIds.loadMany(ids);
  return isDisputedLearner(reporters, children.flatMap((childIds) => (Array.isArray(childIds) ? childIds : [])));
}

/** A user on the ticket: the row the list already read with it (tickets.query.ts), else through the loader. */
function personOf(user: User | null | undefined, ctx: Context): User | Promise<User | null> | null {
  if (!user) return null;
  return isReadOnlyRow(user) ? user : ctx.loaders.user.load(user.id);
}

@Resolver(() => Ticket)
export class TicketFieldsResolver {
  @FieldResolver(() => User)
  reporter(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return personOf(ticket.reporter, ctx);
  }

  @FieldResolver(() => User, { nullable: true })
  tutor(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return personOf(ticket.tutor, ctx);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return personOf(ticket.assignee, ctx);
  }

  @FieldResolver(() => [TutoringSession])
  async sessions(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return (await ctx.loaders.ticketSessions.load(ticket.id)).map((link) => link.session);
  }

  @FieldResolver(() => [User], { description: 'The disputed learners (disputed-learners.ts).' })
  async learners(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    const links = await ctx.loaders.ticketSessions.load(ticket.id);
    const participants = (await ctx.loaders.participants.loadMany(links.map((l) => l.session.id))).flat();
    const disputed = await disputedLearnerOf(ticket, ctx);
    const ids = [...new Set(participants.flatMap((p) => ('learner' in p ? [p.learner.id] : [])))].filter(disputed);
    return (await ctx.loaders.user.loadMany(ids)).filter((u): u is User => u instanceof User);
  }

  @FieldResolver(() => [IssueLog], { description: 'The issue log, oldest first; internal comments only for staff.' })
  async logs(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    const logs = await ctx.loaders.logs.load(ticket.id);
    return ctx.viewer && seesInternal(ctx.viewer) ? logs : logs.filter((log) => !log.internal);
  }

  @FieldResolver(() => Resolution, { nullable: true })
  async resolution(@Root() ticket: Ticket, @Ctx() ctx: Context): Promise<Resolution | null> {
    if (!ticket.resolvedAt || !ticket.resolvedBy) return null;
    const [resolvedBy, action] = await Promise.all([
      ctx.loaders.user.load(ticket.resolvedBy.id),
      ticket.resolutionAction ? ctx.loaders.resolutionAction.load(ticket.resolutionAction.id) : null,
    ]);
    return Object.assign(new Resolution(), {
      outcome: ticket.resolutionOutcome ?? null,
      action,
      comment: ticket.resolutionComment ?? '',
      resolvedBy,
      resolvedAt: ticket.resolvedAt,
      credited: ticket.currency ? Money.of(ticket.creditedMinor, ticket.currency) : null,
    });
  }

  @FieldResolver(() => [CreditNote])
  creditNotes(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return ctx.loaders.creditNotesByTicket.load(ticket.id);
  }

  @FieldResolver(() => [SessionEvidence], { description: 'Attendance against the schedule for each disputed session (of the disputed learners), with a suggested credit for time disputes.' })
  async evidence(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    const links = await ctx.loaders.ticketSessions.load(ticket.id);
    const disputed = await disputedLearnerOf(ticket, ctx);
    return Promise.all(links.map(async ({ session }) => {
      const participants = (await ctx.loaders.participants.load(session.id)).filter((p) => disputed(p.learner.id));
      const endedBy = session.endedBy ? await ctx.loaders.user.load(session.endedBy.id) : null;
      return sessionEvidence(session, participants, ticket.category, endedBy?.name ?? null);
    }));
  }

  @FieldResolver(() => TicketCapabilities, { description: 'What the caller may do with this ticket now (capabilities.ts: the mutations\' own check).' })
  async viewerCan(@Root() ticket: Ticket, @Ctx() ctx: Context): Promise<TicketCapabilities> {
    const visible = !!ctx.viewer && (await ctx.loaders.visibleTicket.load(ticket.id)) !== null;
    const can = capabilitiesOf(ctx.services.config, ctx.viewer, ticket, visible);
    // Facts beyond the ticket's status: the evidence window, the one rating, a merged duplicate
    // being rated on the ticket it was merged into, something to split.
    if (can.attachEvidence) can.attachEvidence = evidenceWindowOpen(ctx.services.config, ticket, await ctx.loaders.lastEscalatedAt.load(ticket.id));
    if (can.rate) can.rate = !rateRefusal(ticket, await ctx.loaders.rating.load(ticket.id));
    if (can.split) can.split = !splitRefusal((await ctx.loaders.ticketSessions.load(ticket.id)).length, 1);
    return can;
  }

  @FieldResolver(() => Boolean, { description: 'Past its first-response or resolution due time while still waiting.' })
  overdue(@Root() ticket: Ticket): boolean {
    const now = Date.now();
    if (ticket.status !== TicketStatus.ONGOING) return false;
    return (!!ticket.resolutionDueAt && ticket.resolutionDueAt.getTime() < now)
      || (!ticket.firstRespondedAt && !!ticket.firstResponseDueAt && ticket.firstResponseDueAt.getTime() < now);
  }
}

@Resolver(() => TutoringSession)
export class SessionTicketResolver {
  @FieldResolver(() => Ticket, { description: 'The open dispute on the session, if the caller may see it.', nullable: true })
  openTicket(@Root() session: TutoringSession, @Ctx() ctx: Context) {
    return ctx.loaders.openTicketBySession.load(session.id);
  }
}

@Resolver(() => CreditNote)
export class CreditNoteTicketResolver {
  @FieldResolver(() => Ticket, { nullable: true })
  ticket(@Root() note: CreditNote, @Ctx() ctx: Context) {
    return note.ticketId ? ctx.loaders.visibleTicket.load(note.ticketId) : null;
  }
}

@Resolver(() => IssueLog)
export class IssueLogResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Null for system actions (timers).' })
  actor(@Root() log: IssueLog, @Ctx() ctx: Context) {
    return log.actor ? ctx.loaders.user.load(log.actor.id) : null;
  }
}
