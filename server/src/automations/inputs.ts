import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { TicketFilter } from '../tickets/ticket-filter.input';
import { AssignmentMode, AutomationActionKind, AutomationTrigger, FactOp, TicketFact } from './enums';

@InputType({ description: 'One comparison of a fact about the ticket with a value.' })
export class FactConditionInput {
  @Field(() => TicketFact, { description: 'The fact compared.' })
  fact!: TicketFact;

  @Field(() => FactOp, { description: 'How it is compared.' })
  op!: FactOp;

  @Field(() => Float, { description: 'The value it is compared with.' })
  value!: number;
}

@InputType({ description: 'One step of an automation or a macro; which of actionId, assigneeId and text it takes depends on kind.' })
export class AutomationActionInput {
  @Field(() => AutomationActionKind, { description: 'What the step does.' })
  kind!: AutomationActionKind;

  @Field(() => ID, { nullable: true, description: 'RESOLVE: the resolution action.' })
  actionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'ASSIGN: the coordinator or admin.' })
  assigneeId?: string | null;

  @Field(() => String, { nullable: true, description: 'COMMENT, INTERNAL_NOTE, NOTIFY_STAFF: the words; ESCALATE, RESOLVE: the comment; OPEN_RISK_TICKET: REPORTER or TUTOR.' })
  text?: string | null;
}

@InputType({ description: 'An automation: id given, update it.' })
export class AutomationInput {
  @Field(() => ID, { nullable: true, description: 'Given: update this automation.' })
  id?: string | null;

  @Field({ description: 'Shown in the ticket logs of what it did.' })
  name!: string;

  @Field({ description: 'Only active automations run.' })
  active!: boolean;

  @Field(() => AutomationTrigger, { description: 'When it is considered.' })
  trigger!: AutomationTrigger;

  @Field(() => TicketFilter, { nullable: true, description: "The board's filter the ticket must match (the same rule as the board)." })
  filter?: TicketFilter | null;

  @Field(() => [FactConditionInput], { nullable: true, description: 'Facts that must all hold.' })
  facts?: FactConditionInput[] | null;

  @Field(() => [AutomationActionInput], { description: 'What it does, in order.' })
  actions!: AutomationActionInput[];

  @Field(() => Int, { nullable: true, description: 'NO_TUTOR_REPLY: hours without a reply from the tutor.' })
  afterHours?: number | null;
}

@InputType({ description: 'A macro: id given, update it (yours).' })
export class MacroInput {
  @Field(() => ID, { nullable: true, description: 'Given: update this macro.' })
  id?: string | null;

  @Field({ description: 'What the button says.' })
  name!: string;

  @Field(() => Boolean, { nullable: true, description: 'Offered to every coordinator and admin (admins only).' })
  shared?: boolean | null;

  @Field(() => [AutomationActionInput], { description: 'What it does, in order.' })
  actions!: AutomationActionInput[];
}

@InputType({ description: 'How new tickets are assigned.' })
export class AssignmentPolicyInput {
  @Field(() => AssignmentMode, { description: 'MANUAL, ROUND_ROBIN or LEAST_LOADED.' })
  mode!: AssignmentMode;

  @Field(() => [ID], { nullable: true, description: 'The coordinators (or admins) who take tickets, in rotation order.' })
  coordinatorIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Nobody gets a ticket while they have this many open ones; null: no cap.' })
  maxOpenPerCoordinator?: number | null;
}
