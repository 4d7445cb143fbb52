import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { notFound } from '../errors';
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
  /** The plain key; shown only in this answer, stored hashed. */
  @Field()
  key!: string;

  @Field(() => ApiKey)
  apiKey!: ApiKey;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload)
  async login(@Ctx() ctx: Context, @Arg('email') email: string, @Arg('password') password: string) {
    const payload = await ctx.services.auth.login(ctx.em, email, password);
    return { ...payload, user: revealToSelf(payload.user) };
  }

  @Query(() => User, { nullable: true })
  me(@Ctx() ctx: Context) {
    return ctx.viewer ? ctx.loaders.user.load(ctx.viewer.id) : null;
  }

  @Mutation(() => CreatedApiKey)
  createApiKey(@Ctx() ctx: Context, @Arg('name') name: string, @Arg('scopes', () => [String]) scopes: string[]) {
    return ctx.services.auth.createApiKey(ctx.em, requireViewer(ctx, [Role.ADMIN]), name, scopes);
  }

  @Query(() => [ApiKey])
  apiKeys(@Ctx() ctx: Context) {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc' } });
  }

  @Mutation(() => ApiKey)
  async revokeApiKey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    requireViewer(ctx, [Role.ADMIN]);
    const apiKey = await ctx.em.findOne(ApiKey, { id: parseId(id, 'id') });
    if (!apiKey) throw notFound('API key');
    apiKey.revokedAt ??= new Date();
    await ctx.em.flush();
    return apiKey;
  }
}
