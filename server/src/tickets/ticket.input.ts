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

  /** The remedy the reporter asks for; the tutor can grant exactly that in one step. */
  @Field(() => ResolutionEffect, { nullable: true })
  requestedEffect?: ResolutionEffect | null;

  /** The same key from the same caller returns the first ticket and creates nothing. */
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class ResolveTicketInput {
  @Field(() => ID)
  ticketId!: string;

  /** An admin-defined resolution action (required for tutors). */
  @Field(() => ID, { nullable: true })
  actionId?: string | null;

  @Field()
  comment!: string;

  /** Coordinators and admins: in favour of the parent, the educator, or split. */
  @Field(() => ResolutionOutcome, { nullable: true })
  outcome?: ResolutionOutcome | null;

  /** Overrides the credit of a SPLIT outcome or a PARTIAL_CREDIT action, in minor units. */
  @Field(() => Int, { nullable: true })
  creditAmountMinor?: number | null;

  /** Grant exactly the remedy the reporter asked for (requestedEffect). */
  @Field(() => Boolean, { nullable: true })
  grantRequestedEffect?: boolean | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class ResolutionActionInput {
  /** Null: offered for every category. */
  @Field(() => DisputeCategory, { nullable: true })
  category?: DisputeCategory | null;

  @Field()
  label!: string;

  @Field(() => ResolutionEffect)
  effect!: ResolutionEffect;

  /** For PARTIAL_CREDIT: 1 to 99. */
  @Field(() => Int, { nullable: true })
  creditPercent?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  active?: boolean;
}
