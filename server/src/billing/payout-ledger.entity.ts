import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../auth/user.entity';
import { TutorPayout } from './payout.entity';

/**
 * A credit decided after the payout of its session was PAID: the change in the tutor's share,
 * signed (a later, smaller decision gives money back). Immutable; carried to later payouts.
 */
@Entity({ tableName: 'payout_late_credits' })
export class PayoutLateCredit {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The paid payout whose session was credited. */
  @Index()
  @ManyToOne(() => TutorPayout)
  payout!: TutorPayout;

  @Index()
  @ManyToOne(() => User)
  tutor!: User;

  @Property({ type: 'uuid', nullable: true })
  ticketId?: string | null;

  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** The part of a late credit taken off one later payout; rewritten until that payout is PAID. */
@Entity({ tableName: 'payout_carries' })
export class PayoutCarry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => PayoutLateCredit)
  lateCredit!: PayoutLateCredit;

  @Index()
  @ManyToOne(() => TutorPayout)
  payout!: TutorPayout;

  @Property({ type: 'integer' })
  amountMinor!: number;
}

/** The payouts' audit trail (who marked what paid, with which reference). Immutable. */
@Entity({ tableName: 'payout_events' })
export class PayoutEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => TutorPayout)
  payout!: TutorPayout;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text', nullable: true })
  reference?: string | null;

  @ManyToOne(() => User, { nullable: true })
  actor?: User | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
