import type { EntityManager } from '@mikro-orm/postgresql';
import { byId, groupedBy } from '../db/batch';
import { SessionParticipant, TutoringSession } from './session.entity';

/** The session loaders of one request (app/loaders.ts puts every feature's together). */
export function sessionLoaders(em: EntityManager) {
  return {
    session: byId((ids) => em.find(TutoringSession, { id: { $in: ids } })),
    participants: groupedBy(
      (ids) => em.find(SessionParticipant, { session: { $in: ids } }, { orderBy: { learner: 'asc' } }),
      (p) => p.session.id,
    ),
  };
}
