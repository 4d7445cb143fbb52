import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { ApiKey } from './api-key.entity';
import { Role } from './roles';
import { User } from './user.entity';
import { revealToSelf } from './user-fields.resolver';

@ObjectType()
class AuthPayload {
  @Field()
  token!: string;

  @Field(() => User)
  user!: User;
}

@ObjectType()
class CreatedApiKey {
  @Field({ description: 'The plain key; shown only in this answer, stored hashed.' })
  key!: string;

  @Field(() => ApiKey)
  apiKey!: ApiKey;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload)
  async login(@Ctx() ctx: Context, @Arg('email') email: string, @Arg('password') password: string) {
    const payload = await ctx.services.auth.login(ctx.em, email, password, ctx.clientAddress);
    if (ctx.session?.wanted) ctx.session.signedIn(payload.token, ctx.services.config.jwtTtlSeconds);
    return { ...payload, user: revealToSelf(payload.user) };
  }

  @Mutation(() => AuthPayload, { description: 'Every older token of the caller stops working, open WebSockets included; the answer has a new token' })
  async changePassword(@Ctx() ctx: Context, @Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string) {
    const payload = await ctx.services.auth.changePassword(requireViewer(ctx), currentPassword, newPassword, ctx.clientAddress);
    if (ctx.session?.viaCookie) ctx.session.signedIn(payload.token, ctx.services.config.jwtTtlSeconds);
    return { ...payload, user: revealToSelf(payload.user) };
  }

  @Mutation(() => Boolean, { description: "This token stops working at once; everywhere: every token of the caller" })
  async logout(@Ctx() ctx: Context, @Arg('everywhere', () => Boolean, { nullable: true }) everywhere?: boolean | null) {
    const done = await ctx.services.auth.logout(requireViewer(ctx), everywhere ?? false, ctx.clientAddress);
    ctx.session?.signedOut();
    return done;
  }

  @Query(() => User, { nullable: true })
  me(@Ctx() ctx: Context) {
    return ctx.viewer ? ctx.loaders.user.load(ctx.viewer.id) : null;
  }

  @Mutation(() => CreatedApiKey)
  createApiKey(@Ctx() ctx: Context, @Arg('name') name: string, @Arg('scopes', () => [String]) scopes: string[]) {
    return ctx.services.auth.createApiKey(ctx.em, requireViewer(ctx, [Role.ADMIN]), name, scopes, ctx.clientAddress);
  }

  @Mutation(() => User, { description: "Changes a user's role (admins; not their own); audited" })
  setUserRole(@Ctx() ctx: Context, @Arg('userId', () => ID) userId: string, @Arg('role', () => Role) role: Role) {
    return ctx.services.auth.setUserRole(ctx.em, requireViewer(ctx, [Role.ADMIN]), parseId(userId, 'userId'), role);
  }

  @Query(() => [ApiKey])
  apiKeys(@Ctx() ctx: Context) {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc' } });
  }

  @Mutation(() => ApiKey)
  revokeApiKey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.auth.revokeApiKey(ctx.em, requireViewer(ctx, [Role.ADMIN]), parseId(id, 'id'), ctx.clientAddress);
  }
}
