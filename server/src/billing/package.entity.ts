import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity';

@ObjectType({ description: 'A prepaid package of session credits, bought by the billed-to user for one learner.' })
@Entity({ tableName: 'packages' })
export class Package {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Index()
  @ManyToOne(() => User)
  billedTo!: User;

  @Index()
  @ManyToOne(() => User)
  learner!: User;

  @Field(() => Int)
  @Property({ type: 'integer' })
  creditsTotal!: number;

  @Field(() => Int, { description: 'Checked in the database: 0 <= creditsUsed <= creditsTotal.' })
  @Property({ type: 'integer', default: 0 })
  creditsUsed: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
