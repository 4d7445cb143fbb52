import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { TutoringSession } from '../sessions/session.entity';

export enum PayoutStatus {
  HELD = 'HELD',
  RELEASED = 'RELEASED',
  PAID = 'PAID',
}
registerEnumType(PayoutStatus, { name: 'PayoutStatus' });

@ObjectType('Payout', { description: 'What the tutor earns for one session; held while any ticket on the session is open. Net is amount − deducted (the tutor\'s share of credits on this session) − carried (late credits from sessions already paid); both are kept current until the payout is PAID, then frozen.' })
@Entity({ tableName: 'tutor_payouts' })
export class TutorPayout {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => TutoringSession, { owner: true, unique: true })
  session!: TutoringSession;

  @Index()
  @ManyToOne(() => User)
  tutor!: User;

  @Property({ type: 'integer' })
  amountMinor!: number;

  /** The tutor's share of what disputes credited back on this session. */
  @Property({ type: 'integer', default: 0 })
  deductedMinor: number = 0;

  /** Late credits on earlier, already paid sessions taken off this payout (payout_carries). */
  @Property({ type: 'integer', default: 0 })
  carriedMinor: number = 0;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Field(() => PayoutStatus)
  @Index()
  @Enum({ items: () => PayoutStatus, nativeEnumName: 'payout_status' })
  status!: PayoutStatus;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  releasedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  paidAt?: Date | null;

  @Field(() => String, { description: 'The payment run\'s reference (a bank batch id).', nullable: true })
  @Property({ type: 'text', nullable: true })
  reference?: string | null;
}
