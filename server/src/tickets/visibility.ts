import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, isStaff } from '../auth/roles';
import { ParentLink } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { Ticket } from './ticket.entity';

/**
 * A ticket is visible when one of the viewer's clauses holds: one of its `person`s is the viewer,
 * or a child of the viewer. `merged reporter`: a reporter of a ticket merged into it (desk/merge.ts).
 */
interface Clause {
  person: 'reporter' | 'merged reporter' | 'tutor';
  is: 'viewer' | 'child of viewer';
}

/**
 * Who sees which tickets: the one definition. Staff see every ticket; a tutor the tickets on
 * their sessions; a parent their own and their children's; a learner their own. A ticket's own
 * includes one that a ticket of theirs was merged into (two parents of a group class reported
 * the same lesson). The SQL condition (lists, by id, ticketEvents) and the in-memory predicate
 * (live fan-out, mutation guard) below are both built from it;
 * tests/integration/visibility-parity.test.ts compares them.
 */
const TICKET_VISIBILITY: Partial<Record<Role, readonly Clause[]>> = {
  [Role.TUTOR]: [{ person: 'tutor', is: 'viewer' }],
  [Role.PARENT]: [
    { person: 'reporter', is: 'viewer' }, { person: 'reporter', is: 'child of viewer' },
    { person: 'merged reporter', is: 'viewer' }, { person: 'merged reporter', is: 'child of viewer' },
  ],
  [Role.LEARNER]: [{ person: 'reporter', is: 'viewer' }, { person: 'merged reporter', is: 'viewer' }],
};

/** The viewer's clauses (none: no ticket), or null when the viewer is staff and sees every ticket. */
const clausesFor = (viewer: Viewer): readonly Clause[] | null => (isStaff(viewer.role) ? null : (TICKET_VISIBILITY[viewer.role] ?? []));

const CHILDREN_OF_VIEWER = 'select pl.child_id from parent_links pl where pl.parent_id = ?';

/** Each person's SQL test; `?` is the viewer's id. `merged reporter` is an array column (GIN index). */
const PERSON_SQL: Record<Clause['person'], (alias: string) => Record<Clause['is'], string>> = {
  reporter: (t) => ({ viewer: `${t}.reporter_id = ?`, 'child of viewer': `${t}.reporter_id in (${CHILDREN_OF_VIEWER})` }),
  tutor: (t) => ({ viewer: `${t}.tutor_id = ?`, 'child of viewer': `${t}.tutor_id in (${CHILDREN_OF_VIEWER})` }),
  'merged reporter': (t) => ({
    viewer: `${t}.merged_reporter_ids @> array[?::uuid]`,
    'child of viewer': `${t}.merged_reporter_ids && array(${CHILDREN_OF_VIEWER})`,
  }),
};

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** SQL limiting tickets (aliased `alias`) to those the viewer may see; null means no limit. */
export function ticketVisibilitySql(viewer: Viewer, alias: string): SqlCondition | null {
  const clauses = clausesFor(viewer);
  if (!clauses) return null;
  if (!clauses.length) return { sql: 'false', params: [] };
  const parts = clauses.map((clause) => PERSON_SQL[clause.person](alias)[clause.is]);
  return { sql: parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`, params: clauses.map(() => viewer.id) };
}

/** What the predicate reads of a ticket. */
export interface TicketPeople {
  reporter: { id: string };
  mergedReporterIds: readonly string[];
  tutor?: { id: string } | null;
}

/** The ids a clause's person stands for on a ticket (none, one or several). */
const PERSON_IDS: Record<Clause['person'], (ticket: TicketPeople) => readonly (string | undefined)[]> = {
  reporter: (ticket) => [ticket.reporter.id],
  tutor: (ticket) => [ticket.tutor?.id],
  'merged reporter': (ticket) => ticket.mergedReporterIds,
};

/**
 * The same rule in memory. `childIds` are the viewer's children; they are needed only when
 * `needsChildren(viewer)`.
 */
export function ticketVisibleTo(viewer: Viewer, ticket: TicketPeople, childIds: ReadonlySet<string> = NO_CHILDREN): boolean {
  const clauses = clausesFor(viewer);
  if (!clauses) return true;
  return clauses.some((clause) => PERSON_IDS[clause.person](ticket).some((personId) => {
    if (!personId) return false;
    return clause.is === 'viewer' ? personId === viewer.id : childIds.has(personId);
  }));
}

/** Whether the in-memory rule needs the viewer's children. */
export const needsChildren = (viewer: Viewer): boolean => !!clausesFor(viewer)?.some((clause) => clause.is === 'child of viewer');

/** Whether a viewer may see a ticket at all (everyone else gets NOT_FOUND); one query for a parent. */
export async function canSeeTicket(em: EntityManager, viewer: Viewer, ticket: TicketPeople): Promise<boolean> {
  if (ticketVisibleTo(viewer, ticket)) return true;
  if (!needsChildren(viewer)) return false;
  const links = await em.find(ParentLink, { parent: viewer.id });
  return ticketVisibleTo(viewer, ticket, new Set(links.map((link) => link.child.id)));
}

/**
 * Internal comments and their events: staff only. `internalVisibilitySql` limits rows (aliased
 * `alias`, with an `internal` column) to those the viewer may see; null means no limit.
 */
export const seesInternal = (viewer: Viewer): boolean => isStaff(viewer.role);

export function internalVisibilitySql(viewer: Viewer, alias: string): SqlCondition | null {
  return seesInternal(viewer) ? null : { sql: `not ${alias}.internal`, params: [] };
}

/** The same rule in memory, for one event or log entry. */
export const internalVisibleTo = (viewer: Viewer, row: { internal: boolean }): boolean => !row.internal || seesInternal(viewer);

const NO_CHILDREN: ReadonlySet<string> = new Set();

/** Tickets matching `where` that the viewer may see (null viewer: none). */
export async function visibleTickets(em: EntityManager, viewer: Viewer | null, where: Record<string, unknown>): Promise<Ticket[]> {
  if (!viewer) return [];
  const qb = em.createQueryBuilder(Ticket, 't').where(where);
  const visible = ticketVisibilitySql(viewer, 't');
  if (visible) qb.andWhere(visible.sql, visible.params);
  return qb.getResultList();
}
