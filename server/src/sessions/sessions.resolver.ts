import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { User } from '../auth/user.entity';
import { InvoiceLine } from '../billing/invoice.entity';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { Connection } from '../graphql/pagination';
import { SessionStatus, TutoringSession } from './session.entity';
import { getVisibleSession, listSessions } from './sessions.service';

@InputType()
class SessionFilter {
  @Field(() => SessionStatus, { nullable: true })
  status?: SessionStatus;

  @Field(() => Date, { nullable: true })
  from?: Date;

  @Field(() => Date, { nullable: true })
  to?: Date;

  @Field(() => ID, { nullable: true })
  learnerId?: string;
}

@ObjectType()
export class Attendance {
  @Field(() => User)
  user!: User;

  @Field(() => Date, { nullable: true })
  joinedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  leftAt!: Date | null;
}

const SessionConnection = Connection(TutoringSession, 'Session');

@Resolver(() => TutoringSession)
export class SessionsResolver {
  @Query(() => SessionConnection)
  sessions(
    @Ctx() ctx: Context,
    @Arg('filter', () => SessionFilter, { nullable: true }) filter?: SessionFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const viewer = requireViewer(ctx);
    const learnerId = filter?.learnerId ? parseId(filter.learnerId, 'learnerId') : null;
    return listSessions(ctx.em, viewer, { ...filter, learnerId }, first, after);
  }

  @Query(() => TutoringSession, { nullable: true })
  session(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return getVisibleSession(ctx.em, requireViewer(ctx), parseId(id, 'id'));
  }

  @FieldResolver(() => User)
  async tutor(@Root() session: TutoringSession, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(session.tutor.id);
  }

  @FieldResolver(() => User, { nullable: true })
  async endedBy(@Root() session: TutoringSession, @Ctx() ctx: Context) {
    return session.endedBy ? ctx.loaders.user.load(session.endedBy.id) : null;
  }

  @FieldResolver(() => [User])
  async learners(@Root() session: TutoringSession, @Ctx() ctx: Context) {
    const participants = await ctx.loaders.participants.load(session.id);
    const users = await ctx.loaders.user.loadMany(participants.map((p) => p.learner.id));
    return users.filter((u): u is User => u instanceof User);
  }

  @FieldResolver(() => [InvoiceLine], { description: 'The invoice lines that bill this session, on invoices the caller may see.' })
  invoiceLines(@Root() session: TutoringSession, @Ctx() ctx: Context) {
    return ctx.loaders.invoiceLinesBySession.load(session.id);
  }

  @FieldResolver(() => [Attendance])
  async attendance(@Root() session: TutoringSession, @Ctx() ctx: Context): Promise<Attendance[]> {
    const participants = await ctx.loaders.participants.load(session.id);
    const [tutor, ...learners] = await ctx.loaders.user.loadMany([session.tutor.id, ...participants.map((p) => p.learner.id)]);
    const rows = [{ user: tutor, joinedAt: session.tutorJoinedAt ?? null, leftAt: session.tutorLeftAt ?? null }];
    participants.forEach((p, i) => rows.push({ user: learners[i], joinedAt: p.joinedAt ?? null, leftAt: p.leftAt ?? null }));
    return rows.filter((r): r is Attendance => r.user instanceof User);
  }
}
