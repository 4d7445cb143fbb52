import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { SavedFilter } from '../desk/saved-view.entity';
import { Ticket } from '../tickets/ticket.entity';
import { AssignmentMode, AutomationActionKind, AutomationTrigger, FactOp, TicketFact } from './enums';

@ObjectType({ description: 'One comparison of a fact about the ticket with a value.' })
export class FactCondition {
  @Field(() => TicketFact, { description: 'The fact compared.' })
  fact!: TicketFact;

  @Field(() => FactOp, { description: 'How it is compared.' })
  op!: FactOp;

  @Field(() => Float, { description: 'The value it is compared with.' })
  value!: number;
}

/** One step of an automation or a macro, as stored (ids resolved by the resolvers). */
@ObjectType({ description: 'One step of an automation or a macro.' })
export class AutomationAction {
  @Field(() => AutomationActionKind, { description: 'What the step does.' })
  kind!: AutomationActionKind;

  actionId?: string | null;
  assigneeId?: string | null;

  @Field(() => String, { nullable: true, description: 'The comment, note, reason or message of the step.' })
  text?: string | null;
}

@ObjectType({ description: 'A rule the desk applies by itself: a trigger, a condition and actions (admins).' })
@Entity({ tableName: 'automations' })
@Index({ properties: ['trigger'], options: { where: 'active' } })
export class Automation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Shown in the ticket logs of what it did.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Only active automations run.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => AutomationTrigger, { description: 'When it is considered.' })
  @Enum({ items: () => AutomationTrigger, nativeEnumName: 'automation_trigger' })
  trigger!: AutomationTrigger;

  @Field(() => SavedFilter, { nullable: true, description: "The board's filter the ticket must match; null: any ticket." })
  @Property({ type: 'json', nullable: true })
  filter?: SavedFilter | null;

  @Field(() => [FactCondition], { description: 'Facts that must all hold.' })
  @Property({ type: 'json' })
  facts: FactCondition[] = [];

  @Field(() => [AutomationAction], { description: 'What it does, in order.' })
  @Property({ type: 'json' })
  actions: AutomationAction[] = [];

  @Field(() => Int, { nullable: true, description: 'NO_TUTOR_REPLY: hours without a reply from the tutor.' })
  @Property({ type: 'integer', nullable: true })
  afterHours?: number | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** An automation considered for a ticket whose condition held: at most one per automation and ticket. */
@ObjectType({ description: 'An automation that ran on a ticket.' })
@Entity({ tableName: 'automation_runs' })
@Unique({ properties: ['automation', 'ticket'] })
@Index({ properties: ['ticket', 'at'] })
export class AutomationRun {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Automation, { deleteRule: 'cascade' })
  automation!: Automation;

  @ManyToOne(() => Ticket, { deleteRule: 'cascade' })
  ticket!: Ticket;

  @Enum({ items: () => AutomationTrigger, nativeEnumName: 'automation_trigger' })
  trigger!: AutomationTrigger;

  @Field({ description: 'When it ran.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field({ description: 'False: an action was refused and nothing changed (see code).' })
  @Property({ type: 'boolean' })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'The error code of the refused action (e.g. CONFLICT, FORBIDDEN).' })
  @Property({ type: 'text', nullable: true })
  code?: string | null;

  /** The refusal in words, for the rules page. */
  @Field(() => String, { nullable: true, description: 'Why the action was refused, in words.' })
  @Property({ type: 'text', nullable: true })
  message?: string | null;
}

@ObjectType({ description: 'A named bundle of actions a person applies to a ticket in one click (staff).' })
@Entity({ tableName: 'macros' })
export class Macro {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  owner!: User;

  @Field({ description: 'What the button says.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Offered to every coordinator and admin (set by admins).' })
  @Property({ type: 'boolean', default: false })
  shared: boolean = false;

  @Field(() => [AutomationAction], { description: 'What it does, in order, as the person applying it.' })
  @Property({ type: 'json' })
  actions: AutomationAction[] = [];

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** The one assignment policy (row id 1). */
@Entity({ tableName: 'assignment_policy' })
export class AssignmentPolicyRow {
  @PrimaryKey({ type: 'integer' })
  id: number = 1;

  @Enum({ items: () => AssignmentMode, nativeEnumName: 'assignment_mode' })
  mode: AssignmentMode = AssignmentMode.MANUAL;

  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}' })
  coordinatorIds: Opt<string[]> = [];

  @Property({ type: 'integer', nullable: true })
  maxOpenPerCoordinator?: number | null;

  /** ROUND_ROBIN: who got the last ticket. */
  @Property({ type: 'uuid', nullable: true })
  lastAssigneeId?: string | null;
}
