import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuthPayload } from '../auth/auth.resolver';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import { mayReadPrivateFields, revealToSelf } from '../auth/user-fields.resolver';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { Connection } from '../graphql/pagination';
import { Invitation } from './invitation.entity';
import { acceptInvitation, inviteAllNeverSignedIn, inviteUser } from './invitations';
import { requestPasswordReset, resetPassword } from './password-resets';
import { createFirstAdmin, deactivateUser, listUsers, reactivateUser, setupNeeded, updateProfile } from './people';

@InputType({ description: 'Who to invite' })
class InviteUserInput {
  @Field({ description: 'Their e-mail address; the link goes there' })
  email!: string;

  @Field({ description: 'Their name as shown in the dashboard' })
  name!: string;

  @Field(() => Role, { description: 'Admins invite any role; coordinators TUTOR, PARENT and LEARNER' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Their language (BCP 47); an unknown one falls back to en' })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'Their IANA time zone, e.g. Europe/Madrid' })
  timezone?: string | null;
}

@InputType({ description: "The caller's own settings; omitted fields stay as they are" })
class ProfileInput {
  @Field(() => String, { nullable: true, description: 'Name shown to others' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Language (BCP 47); an unknown one is stored as en' })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone; an unknown one is BAD_USER_INPUT on timezone' })
  timezone?: string | null;
}

@InputType({ description: 'Narrows the list of people' })
class UserFilter {
  @Field(() => Role, { nullable: true, description: 'Only this role' })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or deactivated (false) people' })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or e-mail, any case' })
  search?: string | null;
}

const UserConnection = Connection(User, 'User');

/** The dashboard asked for a session cookie (as at login): it gets the new sign-in's. */
const keepSession = (ctx: Context, token: string) => {
  if (ctx.session?.wanted) ctx.session.signedIn(token, ctx.services.config.jwtTtlSeconds);
};

@Resolver()
export class AccountsResolver {
  @Query(() => UserConnection, { description: 'People, by name (staff)' })
  users(@Ctx() ctx: Context, @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null, @Arg('after', () => String, { nullable: true }) after?: string | null) {
    return listUsers(ctx.em, requireViewer(ctx, [Role.COORDINATOR, Role.ADMIN]), filter ?? {}, first, after);
  }

  @Query(() => Boolean, { description: 'True while no admin exists: the one-time setup (createFirstAdmin) is open' })
  setupNeeded(@Ctx() ctx: Context) {
    return setupNeeded(ctx.em);
  }

  @Query(() => String, { nullable: true, description: 'The name of the single sign-on provider staff may use (GET /auth/oidc/start); null when it is off' })
  singleSignOn(@Ctx() ctx: Context) {
    return ctx.services.config.oidc?.label ?? null;
  }

  @Mutation(() => AuthPayload, { description: 'Makes the first admin and signs them in; FORBIDDEN once any admin exists' })
  async createFirstAdmin(@Ctx() ctx: Context, @Arg('email') email: string, @Arg('name') name: string, @Arg('password') password: string) {
    const payload = await createFirstAdmin(ctx.services.accounts, { email, name, password }, ctx.clientAddress);
    keepSession(ctx, payload.token);
    return { ...payload, user: revealToSelf(payload.user) };
  }

  @Mutation(() => Invitation, { description: 'E-mails a one-use link PUBLIC_URL/invite/<token> (INVITATION_TTL, default 7 days); CONFLICT when the account already has a password' })
  async inviteUser(@Ctx() ctx: Context, @Arg('input', () => InviteUserInput) input: InviteUserInput) {
    return (await inviteUser(ctx.services.accounts, requireViewer(ctx), input, ctx.clientAddress)).invitation;
  }

  @Mutation(() => Int, { description: 'Invites every active person who never signed in and has no password nor a pending invitation (synced people); answers how many' })
  inviteNeverSignedIn(@Ctx() ctx: Context) {
    return inviteAllNeverSignedIn(ctx.services.accounts, requireViewer(ctx, [Role.COORDINATOR, Role.ADMIN]), ctx.clientAddress);
  }

  @Mutation(() => AuthPayload, { description: 'Sets the password of an invited person (and their name, when given) and signs them in; the link works once' })
  async acceptInvitation(@Ctx() ctx: Context, @Arg('token') token: string, @Arg('password') password: string,
    @Arg('name', () => String, { nullable: true, description: 'Their name, when they want another than the invitation said' }) name?: string | null) {
    const payload = await acceptInvitation(ctx.services.accounts, token, password, name, ctx.clientAddress);
    keepSession(ctx, payload.token);
    return { ...payload, user: revealToSelf(payload.user) };
  }

  @Mutation(() => Boolean, { description: 'Always true, whether or not the address has an account; e-mails PUBLIC_URL/reset/<token> (one use, 1 h)' })
  requestPasswordReset(@Ctx() ctx: Context, @Arg('email') email: string) {
    return requestPasswordReset(ctx.services.accounts, email, ctx.clientAddress);
  }

  @Mutation(() => AuthPayload, { description: 'Sets a new password with a reset link; every older token and open WebSocket stops working' })
  async resetPassword(@Ctx() ctx: Context, @Arg('token') token: string, @Arg('newPassword') newPassword: string) {
    const payload = await resetPassword(ctx.services.accounts, token, newPassword, ctx.clientAddress);
    keepSession(ctx, payload.token);
    return { ...payload, user: revealToSelf(payload.user) };
  }

  @Mutation(() => User, { description: "Admins: the user can no longer sign in; their tokens and API keys stop at once, open WebSockets close; their tickets stay" })
  deactivateUser(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return deactivateUser(ctx.services.accounts, requireViewer(ctx, [Role.ADMIN]), parseId(id, 'id'), ctx.clientAddress);
  }

  @Mutation(() => User, { description: 'Admins: the user may sign in again (tokens from before the deactivation stay dead)' })
  reactivateUser(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return reactivateUser(ctx.services.accounts, requireViewer(ctx, [Role.ADMIN]), parseId(id, 'id'), ctx.clientAddress);
  }

  @Mutation(() => User, { description: "The caller's own name, language and time zone" })
  updateProfile(@Ctx() ctx: Context, @Arg('input', () => ProfileInput) input: ProfileInput) {
    return updateProfile(ctx.services.accounts, requireViewer(ctx), input);
  }
}

@Resolver(() => Invitation)
export class InvitationFieldsResolver {
  @FieldResolver(() => User, { description: 'Who sent it' })
  invitedBy(@Root() invitation: Invitation, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(invitation.invitedBy?.id ?? invitation.user.id);
  }
}

@Resolver(() => User)
export class UserAccountFieldsResolver {
  @FieldResolver(() => Date, { nullable: true, description: 'The last sign-in; null for someone who never signed in (the person and staff; null to others)' })
  lastSignInAt(@Root() user: User, @Ctx() ctx: Context) {
    return mayReadPrivateFields(ctx, user) ? user.lastSignInAt ?? null : null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the person has set a password (the person and staff; null to others)' })
  async hasPassword(@Root() user: User, @Ctx() ctx: Context) {
    if (!mayReadPrivateFields(ctx, user)) return null;
    const [row] = await ctx.em.getConnection().execute('select password_hash is not null as has from users where id = ?', [user.id]);
    return row?.has ?? false;
  }
}
