import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { DisputeCategory, TicketStatus, TicketType } from '../tickets/enums';
import { SlaState } from '../tickets/sla';

@ObjectType({ description: 'The stored filter of a view: the TicketFilter fields a board can set.' })
export class SavedFilter {
  @Field(() => [TicketStatus], { nullable: true })
  status?: TicketStatus[];

  @Field(() => TicketType, { nullable: true })
  type?: TicketType;

  @Field(() => DisputeCategory, { nullable: true })
  category?: DisputeCategory;

  @Field(() => ID, { nullable: true })
  tutorId?: string;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field(() => ID, { nullable: true })
  reporterId?: string;

  @Field(() => String, { nullable: true })
  search?: string;

  @Field(() => [SlaState], { nullable: true })
  sla?: SlaState[];
}

@ObjectType({ description: 'A named board filter: the owner\'s own, or shared with every staff member.' })
@Entity({ tableName: 'saved_views' })
export class SavedView {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  owner!: User;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'boolean', default: false })
  shared: boolean = false;

  @Field(() => SavedFilter)
  @Property({ type: 'json' })
  filter!: SavedFilter;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
