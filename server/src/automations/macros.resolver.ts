import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '../auth/roles';
import { User } from '../auth/user.entity';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { Ticket } from '../tickets/ticket.entity';
import { Macro } from './automation.entity';
import { MacroInput } from './inputs';
import { applyMacro, deleteMacro, listMacros, saveMacro } from './macros.service';

@Resolver(() => Macro)
export class MacrosResolver {
  @Query(() => [Macro], { description: "The caller's own macros and the shared ones. Staff." })
  macros(@Ctx() ctx: Context) {
    return listMacros(ctx.em as EntityManager, requireViewer(ctx, STAFF_ROLES));
  }

  @Mutation(() => Macro, { description: 'Creates a macro, or updates it when id is given. Staff; shared macros: admins.' })
  saveMacro(@Ctx() ctx: Context, @Arg('input', () => MacroInput) input: MacroInput) {
    const viewer = requireViewer(ctx, STAFF_ROLES);
    return saveMacro(ctx.em as EntityManager, viewer, { ...input, id: input.id ? parseId(input.id, 'id') : null });
  }

  @Mutation(() => Boolean, { description: 'Deletes a macro: its owner, or an admin.' })
  deleteMacro(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The macro.' }) id: string) {
    return deleteMacro(ctx.em as EntityManager, requireViewer(ctx, STAFF_ROLES), parseId(id, 'id'));
  }

  @Mutation(() => Ticket, { description: "The macro's actions, in order, as the caller, all or none." })
  applyMacro(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) ticketId: string,
    @Arg('macroId', () => ID, { description: 'The macro (own or shared).' }) macroId: string,
  ) {
    const viewer = requireViewer(ctx, STAFF_ROLES);
    const { services } = ctx;
    return applyMacro(services.orm.em as EntityManager, services.config, services.tickets, viewer, parseId(ticketId, 'ticketId'), parseId(macroId, 'macroId'));
  }

  @FieldResolver(() => User, { description: 'Who made it.' })
  owner(@Root() macro: Macro, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(macro.owner.id);
  }
}
