import { Field, Float, Int, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { Money } from '../billing/money';
import { DisputeCategory } from '../tickets/enums';

@ObjectType()
export class CategoryCount {
  @Field(() => DisputeCategory, { nullable: true, description: 'Null: tickets without a category (support, feedback, risk).' })
  category!: DisputeCategory | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class TutorStats {
  @Field(() => User)
  tutor!: User;

  @Field(() => Int, { description: 'Disputes opened in the period on this tutor’s sessions.' })
  tickets!: number;

  @Field(() => Int, { description: 'Completed sessions the tutor taught in the period.' })
  sessions!: number;

  @Field(() => Float, { description: 'Disputes per 100 sessions taught (0 without sessions).' })
  disputeRatePercent!: number;

  @Field(() => [Money], { description: 'Credit notes issued in the period for this tutor’s tickets.' })
  credited!: Money[];
}

@ObjectType()
export class WeekStats {
  @Field({ description: 'Monday 00:00 UTC.' })
  weekStart!: Date;

  @Field(() => Int)
  opened!: number;

  @Field(() => Int)
  closed!: number;

  @Field(() => Float, { nullable: true, description: 'Average score (1 to 5) of the ratings given that week; null without any.' })
  satisfactionAverage!: number | null;

  @Field(() => Int, { description: 'Ratings given that week.' })
  satisfactionResponses!: number;
}

@ObjectType()
export class TicketStats {
  @Field(() => Int, { description: 'Tickets created in [from, to).' })
  opened!: number;

  @Field(() => Int, { description: 'Tickets closed in [from, to).' })
  closed!: number;

  @Field(() => Float, { nullable: true, description: 'Median hours from creation to resolution of the tickets resolved in the period.' })
  medianHoursToResolution!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the tickets resolved in the period that kept every SLA due time.' })
  slaMetPercent!: number | null;

  @Field(() => [Money], { description: 'Credit notes issued in the period, per currency.' })
  credited!: Money[];

  @Field(() => [CategoryCount])
  byCategory!: CategoryCount[];

  @Field(() => [TutorStats])
  byTutor!: TutorStats[];

  @Field(() => [WeekStats])
  weekly!: WeekStats[];

  @Field(() => Float, { nullable: true, description: 'Average score (1 to 5) of the ratings given in the period, to one decimal; null without any.' })
  satisfactionAverage!: number | null;

  @Field(() => Int, { description: 'Ratings given in the period (requests not answered are not counted).' })
  satisfactionResponses!: number;
}
