import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../db/batch';
import { eagerColumns, readOnlyQuery } from '../db/read-only';
import { User } from './user.entity';

/** The user loaders of one request (app/loaders.ts puts every feature's together). */
export function userLoaders(em: EntityManager) {
  return {
    // Read outside the unit of work: users are only ever answered, and hydrating them cost more than the query.
    user: byId(async (ids) => (await readOnlyQuery(em, User, `select ${eagerColumns(em, User, 'u')} from users u where u.id in (${ids.map(() => '?').join(', ')})`, [...ids])).entities),
    /** Children of each parent (empty for everyone else). */
    childIds: new DataLoader<string, string[]>(async (parentIds) => {
      const rows: Array<{ parent_id: string; child_id: string }> = await em.getConnection().execute(
        `select parent_id, child_id from parent_links where parent_id in (${parentIds.map(() => '?').join(',')})`, [...parentIds]);
      return parentIds.map((id) => rows.filter((r) => r.parent_id === id).map((r) => r.child_id));
    }),
  };
}
