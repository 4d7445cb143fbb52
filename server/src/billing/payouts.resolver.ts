import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId, parseIds } from '../graphql/ids';
import { Connection } from '../graphql/pagination';
import { TutoringSession } from '../sessions/session.entity';
import { Ticket } from '../tickets/ticket.entity';
import { Money } from './money';
import { DeductionKind, type DeductionLine } from './payout-loaders';
import { PayoutStatus, TutorPayout } from './payout.entity';
import { type PayoutListFilter, listPayouts, markPayoutsPaid, netOf, payoutTotals } from './payouts.service';

registerEnumType(DeductionKind, { name: 'PayoutDeductionKind' });

@InputType()
class PayoutFilter {
  @Field(() => PayoutStatus, { nullable: true })
  status?: PayoutStatus;

  @Field(() => ID, { nullable: true })
  tutorId?: string;

  @Field(() => Date, { description: 'Sessions scheduled at or after.', nullable: true })
  from?: Date;

  @Field(() => Date, { description: 'Sessions scheduled before.', nullable: true })
  to?: Date;
}

@ObjectType()
class PayoutSummary {
  @Field(() => PayoutStatus)
  status!: PayoutStatus;

  @Field(() => Int)
  count!: number;

  @Field(() => [Money], { description: 'Net per currency.' })
  net!: Money[];
}

@ObjectType({ description: 'One part of what a payout gives up. CARRIED_TO_LATER lines are taken off later payouts, not this one.' })
class PayoutDeduction {
  @Field(() => DeductionKind)
  kind!: DeductionKind;

  @Field(() => Money)
  amount!: Money;

  ticketId!: string | null;
  otherPayoutId!: string | null;
}

const BasePayoutConnection = Connection(TutorPayout, 'Payout');

@ObjectType('PayoutConnection')
class PayoutConnection extends BasePayoutConnection {
  filter!: PayoutListFilter;
}

@Resolver(() => PayoutConnection)
export class PayoutConnectionResolver {
  @FieldResolver(() => [PayoutSummary], { description: 'Count and net per status of every payout the filter matches (not just this page).' })
  async summary(@Root() connection: PayoutConnection, @Ctx() ctx: Context): Promise<PayoutSummary[]> {
    const totals = await payoutTotals(ctx.em, requireViewer(ctx), connection.filter);
    return totals.map((t) => ({ ...t, net: t.net.map((n) => Money.of(n.amountMinor, n.currency)) }));
  }
}

@Resolver(() => TutorPayout)
export class PayoutsResolver {
  @Query(() => PayoutConnection, { description: 'Tutors: their own payouts; staff: all; parents and learners: none. Newest session first.' })
  payouts(
    @Ctx() ctx: Context,
    @Arg('filter', () => PayoutFilter, { nullable: true }) filter?: PayoutFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const viewer = requireViewer(ctx);
    const tutorId = filter?.tutorId ? parseId(filter.tutorId, 'tutorId') : null;
    return listPayouts(ctx.em, viewer, { ...filter, tutorId }, first, after);
  }

  @Mutation(() => [TutorPayout], { description: 'Admins: RELEASED payouts become PAID with the payment run\'s reference; idempotent.' })
  async markPayoutsPaid(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[], @Arg('reference', () => String) reference: string) {
    const paid = await markPayoutsPaid(ctx.em, requireViewer(ctx), parseIds(ids, 'ids'), reference);
    const payouts = await ctx.em.find(TutorPayout, { id: { $in: paid } }, { refresh: true });
    return paid.map((id) => payouts.find((p) => p.id === id)!);
  }

  @FieldResolver(() => TutoringSession)
  session(@Root() payout: TutorPayout, @Ctx() ctx: Context) {
    return ctx.loaders.session.load(payout.session.id);
  }

  @FieldResolver(() => User)
  tutor(@Root() payout: TutorPayout, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(payout.tutor.id);
  }

  @FieldResolver(() => Money, { description: 'What the session earned the tutor, before deductions.' })
  amount(@Root() payout: TutorPayout) {
    return Money.of(payout.amountMinor, payout.currency);
  }

  @FieldResolver(() => Money, { description: "The tutor's share of credits on this session, plus late credits carried from earlier paid payouts." })
  deductions(@Root() payout: TutorPayout) {
    return Money.of(payout.deductedMinor + payout.carriedMinor, payout.currency);
  }

  @FieldResolver(() => Money, { description: 'amount − deductions; never negative.' })
  net(@Root() payout: TutorPayout) {
    return Money.of(netOf(payout), payout.currency);
  }

  @FieldResolver(() => [Ticket], { description: 'The open tickets holding a HELD payout (those the caller may see).' })
  async heldBy(@Root() payout: TutorPayout, @Ctx() ctx: Context) {
    if (payout.status !== PayoutStatus.HELD) return [];
    return (await ctx.loaders.payouts.openTicketsBySession.load(payout.session.id)).map((row) => row.ticket);
  }

  @FieldResolver(() => [PayoutDeduction], { description: 'What makes up the deductions, and late credits this payout passed on.' })
  async deductionLines(@Root() payout: TutorPayout, @Ctx() ctx: Context): Promise<PayoutDeduction[]> {
    const lines: DeductionLine[] = await ctx.loaders.payouts.deductionLines.load(payout);
    return lines.map((l) => Object.assign(new PayoutDeduction(), { ...l, amount: Money.of(l.amountMinor, l.currency) }));
  }
}

@Resolver(() => PayoutDeduction)
export class PayoutDeductionResolver {
  @FieldResolver(() => Ticket, { nullable: true, description: 'The ticket whose decision made a late credit.' })
  ticket(@Root() line: PayoutDeduction, @Ctx() ctx: Context) {
    return line.ticketId ? ctx.loaders.visibleTicket.load(line.ticketId) : null;
  }

  @FieldResolver(() => TutorPayout, { nullable: true, description: 'The payout on the other side of a carried late credit (null: waiting for a later payout).' })
  otherPayout(@Root() line: PayoutDeduction, @Ctx() ctx: Context) {
    return line.otherPayoutId ? ctx.loaders.payouts.visible.load(line.otherPayoutId) : null;
  }
}

@Resolver(() => Ticket)
export class TicketPayoutsResolver {
  @FieldResolver(() => [TutorPayout], { description: "The payouts of the ticket's sessions: staff and the ticket's tutor; others none." })
  async payouts(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    return (await ctx.loaders.payouts.byTicket.load(ticket.id)).map((row) => row.payout);
  }
}
