import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { badInput } from '../errors';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { renewForEvent } from '../http/live-context';
import { loadVisibleEventsAfter } from './event-log';
import { TicketEvent } from './ticket-event.type';
import { TicketFilter, toTicketFilterSpec } from './ticket-filter.input';

export const DEFAULT_EVENTS_PAGE = 100;
export const MAX_EVENTS_PAGE = 500;

type SubscribeData = SubscribeResolverData<unknown, { filter?: TicketFilter | null }, Context>;

/** Ticket changes: live (`ticketChanged`) and, for a client that reconnects, from the log (`ticketEvents`). */
@Resolver()
export class TicketEventsResolver {
  @Subscription(() => TicketEvent, {
    description:
      'Every change to a ticket the subscriber may see: created, status change, assignment, comment, update. ' +
      'With a filter, each event says whether its ticket matches it (matchesFilter).',
    subscribe: ({ args, context }: SubscribeData) => {
      const viewer = requireViewer(context);
      return context.services.ticketFeed.subscribe(viewer, toTicketFilterSpec(args.filter));
    },
  })
  ticketChanged(
    @Root() event: TicketEvent,
    @Ctx() ctx: Context,
    @Arg('filter', () => TicketFilter, { nullable: true }) _filter?: TicketFilter,
  ): TicketEvent {
    renewForEvent(ctx);
    return event;
  }

  @Query(() => [TicketEvent], {
    description: `The events after a sequence that the caller may see, oldest first (first: default ${DEFAULT_EVENTS_PAGE}, at most ${MAX_EVENTS_PAGE}).`,
  })
  async ticketEvents(
    @Arg('after', () => Int) after: number,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<TicketEvent[]> {
    const viewer = requireViewer(ctx);
    if (after < 0) throw badInput('after', 'after must be 0 or more');
    const size = first ?? DEFAULT_EVENTS_PAGE;
    if (size < 1 || size > MAX_EVENTS_PAGE) throw badInput('first', `first must be between 1 and ${MAX_EVENTS_PAGE}`);
    return loadVisibleEventsAfter(ctx.em, viewer, after, size);
  }
}
