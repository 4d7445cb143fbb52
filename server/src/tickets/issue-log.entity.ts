import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { TicketStatus } from './enums';
import { Ticket } from './ticket.entity';

@ObjectType({ description: 'One step in a ticket\'s history. A database trigger forbids UPDATE and DELETE.' })
@Entity({ tableName: 'issue_logs' })
@Index({ properties: ['ticket', 'createdAt'] })
export class IssueLog {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Ticket)
  ticket!: Ticket;

  /** Null for system actions (timers). */
  @ManyToOne(() => User, { nullable: true })
  actor?: User | null;

  @Field()
  @Property({ type: 'text' })
  action!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field({ description: 'Staff-only comment; never shown to reporters or tutors.' })
  @Property({ type: 'boolean', default: false })
  internal: boolean = false;

  @Field(() => TicketStatus, { nullable: true })
  @Enum({ items: () => TicketStatus, nativeEnumName: 'ticket_status', nullable: true })
  fromStatus?: TicketStatus | null;

  @Field(() => TicketStatus, { nullable: true })
  @Enum({ items: () => TicketStatus, nativeEnumName: 'ticket_status', nullable: true })
  toStatus?: TicketStatus | null;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  createdAt: Date = new Date();
}
