import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from './user.entity';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A partner app\'s key. Only a SHA-256 hash of the secret is stored.' })
@Entity({ tableName: 'api_keys' })
export class ApiKey {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'First characters of the key, shown to admins to tell keys apart.' })
  @Property({ type: 'text' })
  prefix!: string;

  @Index()
  @Property({ type: 'text', unique: true, hidden: true })
  keyHash!: string;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  scopes: string[] = [];

  /** The user the key acts as (the admin who created it, unless set otherwise). */
  @ManyToOne(() => User)
  owner!: User;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
