import type { EntityManager } from '@mikro-orm/postgresql';
import { userLoaders } from '../auth/loaders';
import type { Viewer } from '../auth/viewer';
import { billingLoaders } from '../billing/loaders';
import { evidenceLoaders } from '../evidence/loaders';
import { satisfactionLoaders } from '../satisfaction/loaders';
import { sessionLoaders } from '../sessions/loaders';
import { ticketLoaders } from '../tickets/loaders';

/** The loaders whose answers do not depend on who asks (the rest filter by the viewer). */
const VIEWER_INDEPENDENT = [
  'user', 'session', 'invoice', 'participants', 'invoiceLines', 'creditNotesByInvoice', 'creditNotesByTicket',
  'resolutionAction', 'ticketSessions', 'childIds', 'logs',
] as const;

/**
 * Every feature's loaders for one request, or for one viewer class of a live event: then `shared`
 * (the event's own loaders) answers the viewer-independent ones, so an event batches them across
 * every class.
 */
export function createLoaders(em: EntityManager, viewer: Viewer | null, shared?: object) {
  const own = {
    ...userLoaders(em),
    ...sessionLoaders(em),
    ...billingLoaders(em, viewer),
    ...ticketLoaders(em, viewer),
    ...evidenceLoaders(em),
    ...satisfactionLoaders(em),
  };
  if (shared) for (const name of VIEWER_INDEPENDENT) Object.assign(own, { [name]: (shared as typeof own)[name] });
  return own;
}

export type AppLoaders = ReturnType<typeof createLoaders>;
