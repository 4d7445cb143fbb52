import { randomUUID } from 'node:crypto';
import { ArrayType, Collection, Entity, Enum, Index, ManyToOne, OneToMany, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { TutoringSession } from '../sessions/session.entity';
import { DisputeCategory, ResolutionEffect, ResolutionOutcome, TicketStatus, TicketType } from './enums';
import { ResolutionAction } from './resolution-action.entity';

@ObjectType()
@Entity({ tableName: 'tickets' })
@Index({ properties: ['status', 'createdAt', 'id'] })
@Unique({ properties: ['reporter', 'idempotencyKey'] })
export class Ticket {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Human number, T-000123, from the ticket_number sequence.' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @Field(() => TicketType)
  @Index()
  @Enum({ items: () => TicketType, nativeEnumName: 'ticket_type' })
  type!: TicketType;

  @Field(() => DisputeCategory, { nullable: true })
  @Index()
  @Enum({ items: () => DisputeCategory, nativeEnumName: 'dispute_category', nullable: true })
  category?: DisputeCategory | null;

  @Field(() => TicketStatus)
  @Enum({ items: () => TicketStatus, nativeEnumName: 'ticket_status' })
  status: TicketStatus = TicketStatus.ONGOING;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Index()
  @ManyToOne(() => User)
  reporter!: User;

  @Index()
  @ManyToOne(() => User, { nullable: true })
  tutor?: User | null;

  @Index()
  @ManyToOne(() => User, { nullable: true })
  assignee?: User | null;

  @Field(() => ResolutionEffect, { nullable: true })
  @Enum({ items: () => ResolutionEffect, nativeEnumName: 'resolution_effect', nullable: true })
  requestedEffect?: ResolutionEffect | null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  /** Hash of the reportIssue payload, to tell a replay from a different request with the same key. */
  @Property({ type: 'text', nullable: true })
  requestHash?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  firstResponseDueAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  firstRespondedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Index()
  @Property({ type: 'timestamptz', nullable: true })
  resolutionDueAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  autoCloseAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  // The latest resolution (the final decision replaces the first one after an escalation).
  @Enum({ items: () => ResolutionOutcome, nativeEnumName: 'resolution_outcome', nullable: true })
  resolutionOutcome?: ResolutionOutcome | null;

  @ManyToOne(() => ResolutionAction, { nullable: true })
  resolutionAction?: ResolutionAction | null;

  @Property({ type: 'text', nullable: true })
  resolutionComment?: string | null;

  @ManyToOne(() => User, { nullable: true })
  resolvedBy?: User | null;

  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt?: Date | null;

  /** Total credited to the billed-to users by this ticket so far. */
  @Property({ type: 'integer', default: 0 })
  creditedMinor: number = 0;

  @Property({ type: 'string', columnType: 'char(3)', nullable: true })
  currency?: string | null;

  /** A duplicate merged into another ticket (desk/merge.ts): CLOSED, and this is the ticket that lives on. */
  @ManyToOne(() => Ticket, { nullable: true })
  mergedInto?: Ticket | null;

  /**
   * The reporters of the tickets merged into this one (and into those), other than its own: they
   * see it and may comment (tickets/visibility.ts, rules.ts); their learners are disputed too.
   */
  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}' })
  mergedReporterIds: Opt<string[]> = [];

  @OneToMany(() => TicketSession, (ts) => ts.ticket)
  ticketSessions = new Collection<TicketSession>(this);
}

/**
 * A session covered by a ticket. `openDispute` is true while a DISPUTE ticket is not CLOSED;
 * a partial unique index on it keeps a session in at most one open dispute, even under races.
 */
@Entity({ tableName: 'ticket_sessions' })
export class TicketSession {
  @ManyToOne(() => Ticket, { primary: true, deleteRule: 'cascade' })
  ticket!: Ticket;

  @Index()
  @ManyToOne(() => TutoringSession, { primary: true })
  session!: TutoringSession;

  @Property({ type: 'boolean', default: false })
  openDispute: boolean = false;

  /** Ticket still open (any type): the session's payout stays held. */
  @Property({ type: 'boolean', default: true })
  open: boolean = true;
}
