import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { STAFF_ROLES } from '../../auth/roles';
import { User } from '../../auth/user.entity';
import { viewerIsStaff } from '../../auth/viewer';
import { requireViewer } from '../../graphql/auth-guard';
import type { Context } from '../../graphql/context';
import { parseId } from '../../graphql/ids';
import { renewForEvent } from '../../http/live-context';
import { Ticket } from '../../tickets/ticket.entity';
import { getVisibleTicket } from '../../tickets/tickets.query';
import { Presence, PresenceEvent, PresenceState } from './presence.type';

type SubscribeData = SubscribeResolverData<unknown, { ticketId?: string | null }, Context>;

/** One query for the viewers of every ticket a request resolves (the board's cards). */
const viewerLoaders = new WeakMap<object, DataLoader<string, Presence[]>>();
function viewersLoader(ctx: Context): DataLoader<string, Presence[]> {
  let loader = viewerLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ticketIds: readonly string[]) => {
      const rows = await ctx.services.presence.viewersOf(ticketIds);
      return ticketIds.map((id) => (rows.get(id) ?? []).map((row) =>
        Object.assign(new Presence(), { userId: row.user_id, state: row.state, since: new Date(row.since) })));
    });
    viewerLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

@Resolver()
export class PresenceResolver {
  @Mutation(() => Boolean, { description: 'Staff: I have this ticket open (VIEWING), am typing (TYPING), or left (LEFT). Expires 30 s after the last call.' })
  async setPresence(@Ctx() ctx: Context, @Arg('ticketId', () => ID) ticketId: string, @Arg('state', () => PresenceState) state: PresenceState) {
    const viewer = requireViewer(ctx, STAFF_ROLES);
    const ticket = await getVisibleTicket(ctx.em, viewer, parseId(ticketId, 'ticketId'));
    await ctx.services.presence.set(ticket.id, viewer.id, state);
    return true;
  }

  @Subscription(() => PresenceEvent, {
    description: 'Staff: who opens, types on or leaves a ticket (every ticket without ticketId).',
    subscribe: ({ args, context }: SubscribeData) => {
      requireViewer(context, STAFF_ROLES);
      return context.services.presence.subscribe(args.ticketId ? parseId(args.ticketId, 'ticketId') : null);
    },
  })
  presenceChanged(@Root() event: PresenceEvent, @Ctx() ctx: Context, @Arg('ticketId', () => ID, { nullable: true }) _ticketId?: string): PresenceEvent {
    renewForEvent(ctx);
    return event;
  }
}

@Resolver(() => PresenceEvent)
export class PresenceEventResolver {
  @FieldResolver(() => User)
  user(@Root() event: PresenceEvent, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(event.userId);
  }
}

@Resolver(() => Presence)
export class PresenceFieldsResolver {
  @FieldResolver(() => User)
  user(@Root() presence: Presence, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(presence.userId);
  }
}

@Resolver(() => Ticket)
export class TicketViewersResolver {
  @FieldResolver(() => [Presence], { description: 'Staff who have the ticket open now; [] for everyone else.' })
  viewers(@Root() ticket: Ticket, @Ctx() ctx: Context): Promise<Presence[]> | Presence[] {
    if (!ctx.viewer || !viewerIsStaff(ctx.viewer)) return [];
    return viewersLoader(ctx).load(ticket.id);
  }
}
