import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '../auth/roles';
import { User } from '../auth/user.entity';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { TicketFilter, toTicketFilterSpec } from '../tickets/ticket-filter.input';
import { listTickets } from '../tickets/tickets.query';
import { SavedView } from './saved-view.entity';
import { deleteView, listSavedViews, saveView } from './saved-views.service';

@InputType()
export class SavedViewInput {
  @Field(() => ID, { nullable: true, description: 'Given: update this view (yours).' })
  id?: string;

  @Field()
  name!: string;

  @Field(() => TicketFilter)
  filter!: TicketFilter;

  @Field(() => Boolean, { nullable: true, description: 'Shown to every coordinator and admin.' })
  shared?: boolean;
}

@Resolver(() => SavedView)
export class SavedViewsResolver {
  @Query(() => [SavedView], { description: "The caller's own views and the shared ones. Staff." })
  savedViews(@Ctx() ctx: Context) {
    return listSavedViews(ctx.em, requireViewer(ctx, STAFF_ROLES));
  }

  @Mutation(() => SavedView, { description: 'id given: update. Staff.' })
  saveView(@Ctx() ctx: Context, @Arg('input', () => SavedViewInput) input: SavedViewInput) {
    const viewer = requireViewer(ctx, STAFF_ROLES);
    const filter = input.filter;
    for (const field of ['tutorId', 'assigneeId', 'reporterId'] as const) if (filter[field]) filter[field] = parseId(filter[field], `filter.${field}`);
    return saveView(ctx.em, viewer, { ...input, id: input.id ? parseId(input.id, 'id') : null, filter });
  }

  @Mutation(() => Boolean)
  deleteView(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return deleteView(ctx.em, requireViewer(ctx, STAFF_ROLES), parseId(id, 'id'));
  }

  @FieldResolver(() => User)
  owner(@Root() view: SavedView, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(view.owner.id);
  }

  @FieldResolver(() => Int, { description: 'Tickets matching the filter now, as the caller sees them.' })
  async count(@Root() view: SavedView, @Ctx() ctx: Context) {
    return (await listTickets(ctx.em, requireViewer(ctx), toTicketFilterSpec(view.filter as TicketFilter), 1)).totalCount;
  }
}
