import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { User } from '../auth/user.entity';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { TutoringSession } from '../sessions/session.entity';
import { cancelSession } from './cancel-session';

@Resolver(() => TutoringSession)
export class CancellationsResolver {
  @Mutation(() => TutoringSession, { description: 'Its tutor or staff, before it starts; learners and parents are told, nothing is charged' })
  async cancelSession(@Ctx() ctx: Context, @Arg('sessionId', () => ID) sessionId: string, @Arg('reason') reason: string) {
    return (await cancelSession(ctx.em, requireViewer(ctx), { sessionId: parseId(sessionId, 'sessionId'), reason })).session;
  }

  @FieldResolver(() => User, { nullable: true })
  cancelledBy(@Root() session: TutoringSession, @Ctx() ctx: Context) {
    return session.cancelledBy ? ctx.loaders.user.load(session.cancelledBy.id) : null;
  }
}
