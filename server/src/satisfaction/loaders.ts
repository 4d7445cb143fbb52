import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TicketRating } from './rating.entity';

/** The satisfaction loaders of one request (app/loaders.ts puts every feature's together). */
export function satisfactionLoaders(em: EntityManager) {
  return {
    /** Each ticket's satisfaction request or answer. */
    rating: new DataLoader<string, TicketRating | null>(async (ids) => {
      const rows = await em.find(TicketRating, { ticket: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.ticket.id === id) ?? null);
    }),
  };
}
