import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { TicketEventKind, TicketStatus } from './enums';
import { Ticket } from './ticket.entity';

/** Every ticket change, numbered in commit order, so a reconnecting client can catch up. */
@Entity({ tableName: 'ticket_events' })
export class TicketEventRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  sequence!: number;

  @Index()
  @ManyToOne(() => Ticket)
  ticket!: Ticket;

  @Enum({ items: () => TicketEventKind, nativeEnumName: 'ticket_event_kind' })
  kind!: TicketEventKind;

  @Enum({ items: () => TicketStatus, nativeEnumName: 'ticket_status', nullable: true })
  previousStatus?: TicketStatus | null;

  /** An internal comment's event is only for staff. */
  @Property({ type: 'boolean', default: false })
  internal: boolean = false;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
