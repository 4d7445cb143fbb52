import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../auth/user.entity';
import { Ticket } from '../tickets/ticket.entity';

export enum Channel {
  EMAIL = 'EMAIL',
  TELEGRAM = 'TELEGRAM',
}
export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  DEAD = 'DEAD',
}

/** A message to send, written in the same transaction as the change it reports. */
@Entity({ tableName: 'outbox_messages' })
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => Channel, nativeEnumName: 'channel' })
  channel!: Channel;

  @Index()
  @ManyToOne(() => User)
  recipient!: User;

  @Index()
  @ManyToOne(() => Ticket, { nullable: true })
  ticket?: Ticket | null;

  /** What happened: ticket.created, ticket.resolved, invoice.updated ... */
  @Property({ type: 'text' })
  event!: string;

  @Property({ type: 'jsonb' })
  payload: Record<string, unknown> = {};

  /** A retry never sends twice: one row per key. */
  @Property({ type: 'text', unique: true })
  dedupeKey!: string;

  @Index()
  @Enum({ items: () => DeliveryStatus, nativeEnumName: 'delivery_status', default: DeliveryStatus.PENDING })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;
}
