import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { TutoringSession } from '../sessions/session.entity';

export enum PayoutStatus {
  HELD = 'HELD',
  RELEASED = 'RELEASED',
  PAID = 'PAID',
}
registerEnumType(PayoutStatus, { name: 'PayoutStatus' });

/** What the tutor earns for one session; held while any ticket on the session is open. */
@ObjectType()
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

  @Field(() => Int)
  @Property({ type: 'integer' })
  amountMinor!: number;

  /** The tutor's share of what disputes credited back, taken off the payout. */
  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  deductedMinor: number = 0;

  @Field()
  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Field(() => PayoutStatus)
  @Index()
  @Enum({ items: () => PayoutStatus, nativeEnumName: 'payout_status' })
  status!: PayoutStatus;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  releasedAt?: Date | null;
}
