import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { inTransaction } from '../db/transaction';
import { forbidden, notFound } from '../errors';
import { lockTicketFor } from '../tickets/ticket-access';
import type { Ticket } from '../tickets/ticket.entity';
import type { TicketService } from '../tickets/tickets.service';
import type { TicketConfig } from '../tickets/ticket-deps';
import { perform } from './actions';
import { Macro } from './automation.entity';
import type { MacroInput } from './inputs';
import { checkActions, checkName } from './validate';

/** The caller's own macros, then the shared ones of others, by name. */
export async function listMacros(em: EntityManager, viewer: Viewer): Promise<Macro[]> {
  const macros = await em.find(Macro, { $or: [{ owner: viewer.id }, { shared: true }] }, { orderBy: { name: 'asc', id: 'asc' } });
  const own = (m: Macro) => (m.owner.id === viewer.id ? 0 : 1);
  return macros.sort((a, b) => own(a) - own(b));
}

/** A macro the caller may use (own or shared); another's private one does not exist for them. */
async function usable(em: EntityManager, viewer: Viewer, id: string): Promise<Macro> {
  const macro = await em.findOne(Macro, { id });
  if (!macro || (macro.owner.id !== viewer.id && !macro.shared)) throw notFound('Macro');
  return macro;
}

export async function saveMacro(em: EntityManager, viewer: Viewer, input: MacroInput): Promise<Macro> {
  const name = checkName(input.name);
  if (input.shared && viewer.role !== Role.ADMIN) throw forbidden('Only admins share macros');
  const actions = await checkActions(em, input.actions, null);
  const macro = input.id ? await usable(em, viewer, input.id) : Object.assign(new Macro(), { owner: em.getReference(User, viewer.id) });
  if (input.id && macro.owner.id !== viewer.id && viewer.role !== Role.ADMIN) throw forbidden('Only its owner or an admin may change a shared macro');
  Object.assign(macro, { name, actions, shared: input.shared ?? macro.shared });
  await em.persistAndFlush(macro);
  return macro;
}

export async function deleteMacro(em: EntityManager, viewer: Viewer, id: string): Promise<boolean> {
  const macro = await usable(em, viewer, id);
  if (macro.owner.id !== viewer.id && viewer.role !== Role.ADMIN) throw forbidden('Only its owner or an admin may delete a shared macro');
  await em.removeAndFlush(macro);
  return true;
}

/** The macro's actions in order, as the caller, in one transaction: all of them or, on a refusal, none. */
export async function applyMacro(rootEm: EntityManager, config: TicketConfig, tickets: TicketService, viewer: Viewer, ticketId: string, macroId: string): Promise<Ticket> {
  return inTransaction(rootEm, async (tx) => {
    const { ticket } = await lockTicketFor(tx.em, config, viewer, ticketId, 'applyMacro');
    const macro = await usable(tx.em, viewer, macroId);
    for (const action of macro.actions) await perform(tx, tickets, { viewer }, ticket, action);
    return ticket;
  });
}
