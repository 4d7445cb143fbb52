import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { Money } from '../billing/money';
import type { Package } from '../billing/package.entity';

export enum SessionKind {
  ONE_ON_ONE = 'ONE_ON_ONE',
  GROUP = 'GROUP',
}
export enum SessionStatus {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SessionKind, { name: 'SessionKind' });
registerEnumType(SessionStatus, { name: 'SessionStatus' });

@ObjectType('Session', { description: 'A lesson (one-on-one) or a group class.' })
@Entity({ tableName: 'tutoring_sessions' })
@Index({ properties: ['scheduledStart', 'id'] })
export class TutoringSession {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => SessionKind)
  @Enum({ items: () => SessionKind, nativeEnumName: 'session_kind' })
  kind!: SessionKind;

  @Field(() => SessionStatus)
  @Index()
  @Enum({ items: () => SessionStatus, nativeEnumName: 'session_status' })
  status!: SessionStatus;

  @Field()
  @Property({ type: 'text' })
  language!: string;

  @Field()
  @Property({ type: 'text' })
  subject!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  scheduledStart!: Date;

  @Field()
  @Property({ type: 'timestamptz' })
  scheduledEnd!: Date;

  /** Price per learner, in minor units. */
  @Property({ type: 'integer' })
  priceMinor!: number;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Index()
  @ManyToOne(() => User)
  tutor!: User;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lessonId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  orderId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  teacherSessionId?: string | null;

  @ManyToOne(() => User, { nullable: true })
  endedBy?: User | null;

  @Property({ type: 'timestamptz', nullable: true })
  tutorJoinedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  tutorLeftAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  educatorNotes?: string | null;

  /** Who cancelled it before it started (its tutor or staff), when and why (see cancellations/). */
  @ManyToOne(() => User, { nullable: true })
  cancelledBy?: User | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;

  @OneToMany(() => SessionParticipant, (p) => p.session)
  participants = new Collection<SessionParticipant>(this);

  @Field(() => Money)
  get price(): Money {
    return Money.of(this.priceMinor, this.currency);
  }
}

/** A learner in a session, with their attendance and how the session was paid for. */
@Entity({ tableName: 'session_participants' })
export class SessionParticipant {
  @ManyToOne(() => TutoringSession, { primary: true, deleteRule: 'cascade' })
  session!: TutoringSession;

  @Index()
  @ManyToOne(() => User, { primary: true })
  learner!: User;

  @Property({ type: 'timestamptz', nullable: true })
  joinedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  leftAt?: Date | null;

  /** Set when the session consumed a prepaid package credit instead of an invoice line. */
  @ManyToOne('Package', { nullable: true })
  package?: Package | null;
}
