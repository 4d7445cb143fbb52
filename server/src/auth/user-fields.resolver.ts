import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { isStaff } from './roles';
import { User } from './user.entity';

/**
 * Users this request signed in as (login, changePassword): their payload shows their own e-mail
 * although the request itself carried no token. Per request, since entities are per request.
 */
const signedInThisRequest = new WeakSet<User>();
export const revealToSelf = (user: User): User => {
  signedInThisRequest.add(user);
  return user;
};

/** The one rule for a user's private fields: the user themself and staff. */
export const mayReadPrivateFields = (ctx: Pick<Context, 'viewer'>, user: User): boolean =>
  signedInThisRequest.has(user) || (!!ctx.viewer && (ctx.viewer.id === user.id || isStaff(ctx.viewer.role)));

@Resolver(() => User)
export class UserFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: "The caller's own, or anyone's to staff (COORDINATOR, ADMIN); null otherwise" })
  email(@Root() user: User, @Ctx() ctx: Context): string | null {
    return mayReadPrivateFields(ctx, user) ? user.email : null;
  }
}
