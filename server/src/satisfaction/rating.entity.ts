import { Entity, ManyToOne, OneToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { Ticket } from '../tickets/ticket.entity';

@ObjectType('Satisfaction', { description: 'The reporter\'s satisfaction with a closed ticket: asked once, answered once.' })
@Entity({ tableName: 'ticket_ratings' })
export class TicketRating {
  @OneToOne(() => Ticket, { primary: true, owner: true, deleteRule: 'cascade' })
  ticket!: Ticket;

  /** SHA-256 of the one-use token in the emailed links. */
  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  askedAt: Date = new Date();

  @Field(() => Int)
  @Property({ type: 'integer', nullable: true })
  score?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz', nullable: true })
  ratedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  ratedBy?: User | null;
}
