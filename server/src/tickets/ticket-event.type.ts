import { Field, Int, ObjectType } from 'type-graphql';
import { TicketEventKind, TicketStatus } from './enums';
import { Ticket } from './ticket.entity';
import type { TicketEventRecord } from './ticket-event.entity';

@ObjectType({ description: 'One change to a ticket, numbered in commit order across all tickets.' })
export class TicketEvent {
  @Field(() => TicketEventKind)
  kind!: TicketEventKind;

  @Field(() => Ticket, { description: 'The ticket as it is now (loaded when the event is delivered).' })
  ticket!: Ticket;

  @Field(() => TicketStatus, { nullable: true, description: 'The status before a STATUS_CHANGED event.' })
  previousStatus!: TicketStatus | null;

  @Field(() => Int, { description: 'Increases across all events; pass the last one seen to ticketEvents(after:).' })
  sequence!: number;

  @Field(() => Boolean, {
    description:
      'True when the ticket matches the filter of the ticketChanged subscription that received the event (always true ' +
      'without a filter, and in ticketEvents). Changes to tickets the subscriber may see that do not match are delivered ' +
      'with false, so a live board can drop a card that no longer matches; ignore them otherwise.',
  })
  matchesFilter!: boolean;

  /** Staff-only (an internal comment); not exposed, used to decide who receives it. */
  internal!: boolean;

  /** When its change was stored (not exposed): the live delivery metric measures from here. */
  committedAt?: Date;
}

/** The event as delivered to subscribers whose filter does not match it. */
export const unmatchedCopy = (event: TicketEvent): TicketEvent => Object.assign(new TicketEvent(), event, { matchesFilter: false });

/** A stored event (with its ticket loaded) as the GraphQL object. */
export function toTicketEvent(record: TicketEventRecord): TicketEvent {
  return Object.assign(new TicketEvent(), {
    kind: record.kind,
    ticket: record.ticket,
    previousStatus: record.previousStatus ?? null,
    sequence: record.sequence,
    internal: record.internal,
    matchesFilter: true,
    committedAt: record.createdAt,
  });
}
