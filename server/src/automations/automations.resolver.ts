import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role, STAFF_ROLES, isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import { recordAudit } from '../audit/audit';
import { Money } from '../billing/money';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { Connection } from '../graphql/pagination';
import { ResolutionAction } from '../tickets/resolution-action.entity';
import { Ticket } from '../tickets/ticket.entity';
import { loadPolicy, setPolicy } from './assignment';
import { Automation, AutomationAction, AutomationRun } from './automation.entity';
import { deleteAutomation, listAutomations, listRuns, saveAutomation, testAutomation } from './automations.service';
import { AssignmentMode } from './enums';
import { AssignmentPolicyInput, AutomationInput } from './inputs';

@ObjectType({ description: 'What an automation would have done over the last days, writing nothing.' })
export class AutomationTest {
  @Field(() => Int, { description: 'Tickets whose condition holds now.' })
  matched!: number;

  @Field(() => [Ticket], { description: 'The first hundred of them, newest first.' })
  tickets!: Ticket[];

  @Field(() => [Money], { description: 'What its RESOLVE would credit on the ONGOING ones, per currency.' })
  credited!: Money[];
}

@ObjectType({ description: 'How new tickets are assigned.' })
export class AssignmentPolicy {
  @Field(() => AssignmentMode, { description: 'MANUAL, ROUND_ROBIN or LEAST_LOADED.' })
  mode!: AssignmentMode;

  coordinatorIds!: string[];

  @Field(() => Int, { nullable: true, description: 'Nobody gets a ticket while they have this many open ones; null: no cap.' })
  maxOpenPerCoordinator!: number | null;
}

const AutomationRunConnection = Connection(AutomationRun, 'AutomationRun');
const policyOf = (row: { mode: AssignmentMode; coordinatorIds: string[]; maxOpenPerCoordinator?: number | null }) =>
  Object.assign(new AssignmentPolicy(), { mode: row.mode, coordinatorIds: row.coordinatorIds, maxOpenPerCoordinator: row.maxOpenPerCoordinator ?? null });

@Resolver(() => Automation)
export class AutomationsResolver {
  @Query(() => [Automation], { description: 'Every automation, oldest first. Staff.' })
  automations(@Ctx() ctx: Context) {
    requireViewer(ctx, STAFF_ROLES);
    return listAutomations(ctx.em as EntityManager);
  }

  @Mutation(() => Automation, { description: 'Creates an automation, or updates it when id is given. Admins.' })
  async saveAutomation(@Ctx() ctx: Context, @Arg('input', () => AutomationInput) input: AutomationInput) {
    const admin = requireViewer(ctx, [Role.ADMIN]);
    const saved = await saveAutomation(ctx.services.orm.em as EntityManager, admin, { ...input, id: input.id ? parseId(input.id, 'id') : null });
    await recordAudit(ctx.em as EntityManager, { action: 'automation.saved', actor: admin, target: { type: 'Automation', id: saved.id }, change: { name: saved.name, active: saved.active, trigger: saved.trigger } });
    return saved;
  }

  @Mutation(() => Boolean, { description: 'Deletes an automation (its runs go with it). Admins.' })
  deleteAutomation(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The automation.' }) id: string) {
    requireViewer(ctx, [Role.ADMIN]);
    return deleteAutomation(ctx.em as EntityManager, parseId(id, 'id'));
  }

  @Mutation(() => AutomationTest, { description: 'What the automation would have done over the last `days` (default 30), writing nothing. Admins.' })
  testAutomation(
    @Ctx() ctx: Context,
    @Arg('input', () => AutomationInput) input: AutomationInput,
    @Arg('days', () => Int, { nullable: true, description: 'How far back, 1 to 365 days.' }) days?: number,
  ) {
    requireViewer(ctx, [Role.ADMIN]);
    return testAutomation(ctx.services.orm.em as EntityManager, input, days ?? 30);
  }

  @Query(() => AutomationRunConnection, { description: 'Runs of an automation or on a ticket, newest first. Staff.' })
  automationRuns(
    @Ctx() ctx: Context,
    @Arg('automationId', () => ID, { nullable: true, description: 'Only this automation.' }) automationId?: string,
    @Arg('ticketId', () => ID, { nullable: true, description: 'Only this ticket.' }) ticketId?: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string,
  ) {
    requireViewer(ctx, STAFF_ROLES);
    return listRuns(ctx.em as EntityManager, {
      automationId: automationId ? parseId(automationId, 'automationId') : null,
      ticketId: ticketId ? parseId(ticketId, 'ticketId') : null,
    }, first, after);
  }

  @Query(() => AssignmentPolicy, { description: 'How new tickets are assigned. Staff.' })
  async assignmentPolicy(@Ctx() ctx: Context) {
    requireViewer(ctx, STAFF_ROLES);
    return policyOf(await loadPolicy(ctx.em as EntityManager));
  }

  @Mutation(() => AssignmentPolicy, { description: 'Sets how new tickets (and AUTO_ASSIGN) are assigned. Admins.' })
  async setAssignmentPolicy(@Ctx() ctx: Context, @Arg('input', () => AssignmentPolicyInput) input: AssignmentPolicyInput) {
    const admin = requireViewer(ctx, [Role.ADMIN]);
    const policy = policyOf(await setPolicy(ctx.em as EntityManager, input));
    await recordAudit(ctx.em as EntityManager, { action: 'assignment_policy.set', actor: admin, target: { type: 'AssignmentPolicy', id: '1' }, change: { ...policy } });
    return policy;
  }

  @FieldResolver(() => Int, { description: 'How many times it ran (including refused runs).' })
  async runCount(@Root() automation: Automation, @Ctx() ctx: Context) {
    return ctx.em.count(AutomationRun, { automation: automation.id });
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When it last ran.' })
  async lastRunAt(@Root() automation: Automation, @Ctx() ctx: Context) {
    const [last] = await ctx.em.find(AutomationRun, { automation: automation.id }, { orderBy: { at: 'desc' }, limit: 1 });
    return last?.at ?? null;
  }
}

@Resolver(() => AssignmentPolicy)
export class AssignmentPolicyFieldsResolver {
  @FieldResolver(() => [User], { description: 'The coordinators who take tickets, in rotation order.' })
  async coordinators(@Root() policy: AssignmentPolicy, @Ctx() ctx: Context) {
    return (await ctx.loaders.user.loadMany(policy.coordinatorIds)).filter((u): u is User => u instanceof User);
  }
}

@Resolver(() => AutomationAction)
export class AutomationActionFieldsResolver {
  @FieldResolver(() => ResolutionAction, { nullable: true, description: 'RESOLVE: the resolution action.' })
  action(@Root() step: AutomationAction, @Ctx() ctx: Context) {
    return step.actionId ? ctx.loaders.resolutionAction.load(step.actionId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'ASSIGN: the coordinator or admin.' })
  assignee(@Root() step: AutomationAction, @Ctx() ctx: Context) {
    return step.assigneeId ? ctx.loaders.user.load(step.assigneeId) : null;
  }
}

@Resolver(() => AutomationRun)
export class AutomationRunFieldsResolver {
  @FieldResolver(() => Automation, { description: 'The automation that ran.' })
  automation(@Root() run: AutomationRun, @Ctx() ctx: Context) {
    return ctx.em.findOneOrFail(Automation, { id: run.automation.id });
  }

  @FieldResolver(() => Ticket, { description: 'The ticket it ran on.' })
  ticket(@Root() run: AutomationRun, @Ctx() ctx: Context) {
    return ctx.em.findOneOrFail(Ticket, { id: run.ticket.id });
  }
}

@Resolver(() => Ticket)
export class TicketAutomationFieldsResolver {
  @FieldResolver(() => Automation, { nullable: true, description: 'The automation that made the current resolution (shown to staff; others see contestDueAt and the log).' })
  resolvedByAutomation(@Root() ticket: Ticket, @Ctx() ctx: Context) {
    if (!ticket.resolvedByAutomationId || !ctx.viewer || !isStaff(ctx.viewer.role)) return null;
    return ctx.em.findOne(Automation, { id: ticket.resolvedByAutomationId });
  }

  @Mutation(() => Ticket, { description: 'The tutor of a ticket an automation resolved, within CONTEST_WINDOW (default 48 h): ESCALATED, the credit stays in place until the final decision.' })
  contestResolution(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) ticketId: string,
    @Arg('comment', { description: 'Why the tutor disagrees.' }) comment: string,
  ) {
    return ctx.services.tickets.contest(requireViewer(ctx), { ticketId: parseId(ticketId, 'ticketId'), comment });
  }
}
