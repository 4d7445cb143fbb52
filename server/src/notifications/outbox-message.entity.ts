import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { Ticket } from '../tickets/ticket.entity';

export enum Channel {
  EMAIL = 'EMAIL',
  TELEGRAM = 'TELEGRAM',
}
export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** The recipient opted out (or unlinked Telegram) before it went out: nothing was sent. */
  SKIPPED = 'SKIPPED',
  DEAD = 'DEAD',
}
registerEnumType(Channel, { name: 'DeliveryChannel' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });

/** A message to send, written in the same transaction as the change it reports. */
@ObjectType('Delivery', { description: 'One email or Telegram message from the outbox (admins)' })
@Entity({ tableName: 'outbox_messages' })
export class OutboxMessage {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Channel)
  @Enum({ items: () => Channel, nativeEnumName: 'channel' })
  channel!: Channel;

  @Index()
  @ManyToOne(() => User)
  recipient!: User;

  @Index()
  @ManyToOne(() => Ticket, { nullable: true })
  ticket?: Ticket | null;

  @Field({ description: 'What happened: ticket.created, ticket.resolved, invoice.updated ...' })
  @Property({ type: 'text' })
  event!: string;

  @Property({ type: 'jsonb' })
  payload: Record<string, unknown> = {};

  @Field({ description: 'A retry never sends twice: one row per key.' })
  @Property({ type: 'text', unique: true })
  dedupeKey!: string;

  @Field(() => DeliveryStatus)
  @Index()
  @Enum({ items: () => DeliveryStatus, nativeEnumName: 'delivery_status', default: DeliveryStatus.PENDING })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  @Field(() => Date, { description: 'When the next retry is due (while PENDING after a failure).', nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  @Field(() => String, { description: 'The channel\'s id of what was sent: the email Message-ID, or "<chat id>:<message id>" on Telegram.', nullable: true })
  @Property({ type: 'text', nullable: true })
  externalId?: string | null;
}
