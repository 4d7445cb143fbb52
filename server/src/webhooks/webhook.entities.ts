import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { DeliveryStatus } from '../notifications/outbox-message.entity';

export enum WebhookEventType {
  TICKET_CREATED = 'TICKET_CREATED',
  TICKET_STATUS_CHANGED = 'TICKET_STATUS_CHANGED',
  TICKET_ASSIGNED = 'TICKET_ASSIGNED',
  TICKET_COMMENTED = 'TICKET_COMMENTED',
  CREDIT_NOTE_CREATED = 'CREDIT_NOTE_CREATED',
  PAYOUT_RELEASED = 'PAYOUT_RELEASED',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
}
registerEnumType(WebhookEventType, { name: 'WebhookEventType' });

/** The `type` on the wire. */
export const WIRE_TYPES: Record<WebhookEventType, string> = {
  TICKET_CREATED: 'ticket.created',
  TICKET_STATUS_CHANGED: 'ticket.status_changed',
  TICKET_ASSIGNED: 'ticket.assigned',
  TICKET_COMMENTED: 'ticket.commented',
  CREDIT_NOTE_CREATED: 'credit_note.created',
  PAYOUT_RELEASED: 'payout.released',
  SESSION_CANCELLED: 'session.cancelled',
};

@ObjectType({ description: 'A partner\'s URL and the events it wants. Secrets are stored encrypted (see secrets.ts).' })
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpoint {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text' })
  url!: string;

  @Field(() => [WebhookEventType])
  @Property({ type: 'text[]' })
  events: WebhookEventType[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** Who registered it; told when it is switched off. */
  @ManyToOne(() => User)
  owner!: User;

  @Property({ type: 'text', hidden: true })
  secretEnc!: string;

  /** After a rotation the old secret still signs until previousSecretExpiresAt. */
  @Property({ type: 'text', nullable: true, hidden: true })
  previousSecretEnc?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt?: Date | null;

  @Field(() => Date, { description: 'First failure since the last success; null while healthy.', nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  failingSince?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  disabledAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastSuccessAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastFailureAt?: Date | null;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** One event, with the exact JSON body every endpoint receives. */
@Entity({ tableName: 'webhook_events' })
export class WebhookEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'bigint', autoincrement: true, persist: false })
  sequence?: string;

  @Enum({ items: () => WebhookEventType, type: 'text' })
  type!: WebhookEventType;

  /** Events with one key (a ticket, a session) reach each endpoint in order. */
  @Property({ type: 'text' })
  orderKey!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

@ObjectType({ description: 'One event to one endpoint: the delivery log.' })
@Entity({ tableName: 'webhook_deliveries' })
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'bigint', autoincrement: true, persist: false })
  sequence?: string;

  @ManyToOne(() => WebhookEndpoint, { deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  @ManyToOne(() => WebhookEvent, { deleteRule: 'cascade' })
  event!: WebhookEvent;

  @Property({ type: 'text' })
  orderKey!: string;

  @Field(() => DeliveryStatus)
  @Enum({ items: () => DeliveryStatus, nativeEnumName: 'delivery_status', default: DeliveryStatus.PENDING })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;
}
