import { Field, Int, ObjectType } from 'type-graphql';
import { TicketEventKind, TicketStatus } from './enums';
import { Ticket } from './ticket.entity';
import type { TicketEventRecord } from './ticket-event.entity';

@ObjectType({ description: 'One change to a ticket, numbered in commit order across all tickets.' })
export class TicketEvent {
  @Field(() => TicketEventKind)
  kind!: TicketEventKind;

  /** The ticket as it is now (loaded when the event is delivered). */
  @Field(() => Ticket)
  ticket!: Ticket;

  @Field(() => TicketStatus, { nullable: true, description: 'The status before a STATUS_CHANGED event.' })
  previousStatus!: TicketStatus | null;

  @Field(() => Int, { description: 'Increases across all events; pass the last one seen to ticketEvents(after:).' })
  sequence!: number;

  /** Staff-only (an internal comment); not exposed, used to decide who receives it. */
  internal!: boolean;
}

/** A stored event (with its ticket loaded) as the GraphQL object. */
export function toTicketEvent(record: TicketEventRecord): TicketEvent {
  return Object.assign(new TicketEvent(), {
    kind: record.kind,
    ticket: record.ticket,
    previousStatus: record.previousStatus ?? null,
    sequence: record.sequence,
    internal: record.internal,
  });
}
