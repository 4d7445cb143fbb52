import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy } from '../db/batch';
import { lastEscalations } from './evidence.service';
import { Upload } from './upload.entity';

/** The evidence loaders of one request (app/loaders.ts puts every feature's together). */
export function evidenceLoaders(em: EntityManager) {
  return {
    /** When each ticket was last escalated (its evidence window opens again then). */
    lastEscalatedAt: new DataLoader<string, Date | null>(async (ids) => {
      const at = await lastEscalations(em, [...ids]);
      return ids.map((id) => at.get(id) ?? null);
    }),
    /** Evidence files of each ticket, oldest first. */
    attachments: groupedBy(
      (ids) => em.find(Upload, { ticket: { $in: ids } }, { orderBy: { attachedAt: 'asc', createdAt: 'asc', id: 'asc' } }),
      (upload) => upload.ticket!.id,
    ),
  };
}
