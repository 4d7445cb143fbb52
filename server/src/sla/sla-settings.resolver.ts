import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Role, STAFF_ROLES } from '../auth/roles';
import { recordAudit } from '../audit/audit';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { TicketType } from '../tickets/enums';
import { BusinessHoursRecord, SlaPolicyRecord } from './sla-settings.entity';
import { businessHours, listPolicies, saveBusinessHours, savePolicy } from './sla-settings.service';

@InputType({ description: 'The SLA targets of one ticket type; leave a target empty for none.' })
export class SlaPolicyInput {
  @Field(() => TicketType, { description: 'The ticket type these targets apply to.' })
  type!: TicketType;

  @Field(() => Int, { nullable: true, description: 'Minutes to the first reply the reporter can read from staff or the tutor.' })
  firstResponseMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes to the first decision.' })
  resolutionMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes from an escalation to the final decision.' })
  escalatedMinutes?: number | null;

  @Field({ description: 'Count the minutes only during business hours.' })
  businessHours!: boolean;
}

@InputType({ description: 'The office hours of one weekday.' })
export class OfficeHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday to 7 Sunday.' })
  weekday!: number;

  @Field(() => Int, { description: 'Opening time, minutes after local midnight.' })
  openMinute!: number;

  @Field(() => Int, { description: 'Closing time, minutes after local midnight (at most 1440).' })
  closeMinute!: number;
}

@InputType({ description: 'Business hours for the SLA clocks of policies that count only them.' })
export class BusinessHoursInput {
  @Field({ description: 'IANA time zone, e.g. Europe/Berlin.' })
  timeZone!: string;

  @Field(() => [OfficeHoursInput], { description: 'Open weekdays; a weekday not listed is closed.' })
  week!: OfficeHoursInput[];

  @Field(() => [String], { description: 'Local dates (YYYY-MM-DD) the office is closed.' })
  daysOff!: string[];
}

const TYPES = Object.values(TicketType);

@Resolver()
export class SlaSettingsResolver {
  @Query(() => [SlaPolicyRecord], { description: 'The SLA targets of every ticket type. Staff.' })
  slaPolicies(@Ctx() ctx: Context) {
    requireViewer(ctx, STAFF_ROLES);
    return listPolicies(ctx.em as EntityManager, ctx.services.config, TYPES);
  }

  @Query(() => BusinessHoursRecord, { description: 'The business hours SLA clocks count in. Staff.' })
  businessHours(@Ctx() ctx: Context) {
    requireViewer(ctx, STAFF_ROLES);
    return businessHours(ctx.em as EntityManager);
  }

  @Mutation(() => SlaPolicyRecord, { description: 'Sets the SLA targets of a ticket type, for tickets reported or escalated from now on. Admins.' })
  async setSlaPolicy(@Ctx() ctx: Context, @Arg('input', () => SlaPolicyInput) input: SlaPolicyInput) {
    const admin = requireViewer(ctx, [Role.ADMIN]);
    const row = await savePolicy(ctx.em as EntityManager, input);
    await recordAudit(ctx.em as EntityManager, { action: 'sla_policy.updated', actor: admin, target: { type: 'SlaPolicy', id: input.type }, change: { ...input } });
    return row;
  }

  @Mutation(() => BusinessHoursRecord, { description: 'Sets the office hours, days off and time zone SLA clocks count in. Admins.' })
  async setBusinessHours(@Ctx() ctx: Context, @Arg('input', () => BusinessHoursInput) input: BusinessHoursInput) {
    const admin = requireViewer(ctx, [Role.ADMIN]);
    const row = await saveBusinessHours(ctx.em as EntityManager, input);
    await recordAudit(ctx.em as EntityManager, { action: 'business_hours.updated', actor: admin, target: { type: 'BusinessHours', id: '1' }, change: { ...input } });
    return row;
  }
}
