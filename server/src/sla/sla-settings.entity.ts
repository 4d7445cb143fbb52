import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TicketType } from '../tickets/enums';

/** An admin's SLA targets for one ticket type (a type without a row uses the defaults, sla-policy.ts). */
@ObjectType({ description: 'The SLA targets of one ticket type. A null target: that clock does not run for this type.' })
@Entity({ tableName: 'sla_policies' })
export class SlaPolicyRecord {
  @Field(() => TicketType, { description: 'The ticket type these targets apply to.' })
  @Enum({ items: () => TicketType, nativeEnumName: 'ticket_type', fieldName: 'ticket_type', primary: true })
  type!: TicketType;

  @Field(() => Int, { nullable: true, description: 'Minutes to the first reply the reporter can read from staff or the tutor.' })
  @Property({ type: 'integer', nullable: true })
  firstResponseMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes to the first decision (an ONGOING ticket escalates itself when it passes).' })
  @Property({ type: 'integer', nullable: true })
  resolutionMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes from an escalation to the final decision.' })
  @Property({ type: 'integer', nullable: true })
  escalatedMinutes?: number | null;

  @Field({ description: 'True: the minutes count only during business hours; false: around the clock.' })
  @Property({ type: 'boolean', default: false })
  businessHours: boolean = false;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}

/** Office hours of one weekday. */
@ObjectType({ description: 'The office hours of one weekday, in the business time zone.' })
export class OfficeHours {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday to 7 Sunday.' })
  weekday!: number;

  @Field(() => Int, { description: 'Opening time, minutes after local midnight (540 = 09:00).' })
  openMinute!: number;

  @Field(() => Int, { description: 'Closing time, minutes after local midnight (1020 = 17:00).' })
  closeMinute!: number;
}

/** The one row of business hours (id 1). */
@ObjectType({ description: 'When SLA clocks of policies with businessHours run: office hours, days off, time zone.' })
@Entity({ tableName: 'business_hours' })
export class BusinessHoursRecord {
  @PrimaryKey({ type: 'integer' })
  id: number = 1;

  @Field({ description: 'IANA time zone the office hours and days off are in, e.g. Europe/Berlin.' })
  @Property({ type: 'text' })
  timeZone: string = 'UTC';

  @Field(() => [OfficeHours], { description: 'Open weekdays; a weekday not listed is closed.' })
  @Property({ type: 'json' })
  week: OfficeHours[] = [];

  @Field(() => [String], { description: 'Local dates (YYYY-MM-DD) the office is closed.' })
  @Property({ type: 'text[]' })
  daysOff: string[] = [];

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
