import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { Ticket } from '../tickets/ticket.entity';

@ObjectType('Attachment', { description: 'A file someone uploaded; evidence once bound to a ticket. The bytes live in upload_chunks (bytea, in order), so every instance serves them and backups include them.' })
@Entity({ tableName: 'uploads' })
export class Upload {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => User)
  owner!: User;

  @Field()
  @Property({ type: 'text' })
  filename!: string;

  @Field({ description: 'Judged from the content, never from the name or the client\'s header.' })
  @Property({ type: 'text' })
  contentType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  size!: number;

  @Index()
  @ManyToOne(() => Ticket, { nullable: true })
  ticket?: Ticket | null;

  @Property({ type: 'timestamptz', nullable: true })
  attachedAt?: Date | null;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
