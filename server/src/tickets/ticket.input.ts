import { Field, ID, InputType, Int } from 'type-graphql';
import { DisputeCategory, ResolutionEffect, ResolutionOutcome, TicketType } from './enums';

@InputType()
export class ReportIssueInput {
  @Field(() => [ID])
  sessionIds!: string[];

  @Field(() => DisputeCategory)
  category!: DisputeCategory;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => TicketType, { nullable: true, defaultValue: TicketType.DISPUTE })
  type?: TicketType;

  @Field(() => ResolutionEffect, { description: 'The remedy the reporter asks for; the tutor can grant exactly that in one step.', nullable: true })
  requestedEffect?: ResolutionEffect | null;

  @Field(() => String, { description: 'The same key from the same caller returns the first ticket and creates nothing.', nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class ResolveTicketInput {
  @Field(() => ID)
  ticketId!: string;

  @Field(() => ID, { description: 'An admin-defined resolution action (required for tutors).', nullable: true })
  actionId?: string | null;

  @Field()
  comment!: string;

  @Field(() => ResolutionOutcome, { description: 'Coordinators and admins: in favour of the parent, the educator, or split.', nullable: true })
  outcome?: ResolutionOutcome | null;

  @Field(() => Int, { description: 'Overrides the credit of a SPLIT outcome or a PARTIAL_CREDIT action, in minor units.', nullable: true })
  creditAmountMinor?: number | null;

  @Field(() => Boolean, { description: 'Grant exactly the remedy the reporter asked for (requestedEffect).', nullable: true })
  grantRequestedEffect?: boolean | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class ResolutionActionInput {
  @Field(() => DisputeCategory, { description: 'Null: offered for every category.', nullable: true })
  category?: DisputeCategory | null;

  @Field()
  label!: string;

  @Field(() => ResolutionEffect)
  effect!: ResolutionEffect;

  @Field(() => Int, { description: 'For PARTIAL_CREDIT: 1 to 99.', nullable: true })
  creditPercent?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  active?: boolean;
}
