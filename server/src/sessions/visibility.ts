import type { Viewer } from '../auth/viewer';
import { Role } from '../auth/roles';

/**
 * SQL that limits sessions (aliased `alias`) to those the viewer may see: a learner their own,
 * a parent their children's, a tutor those they teach, staff all. Null means no limit.
 */
export function sessionVisibilitySql(viewer: Viewer, alias: string): { sql: string; params: unknown[] } | null {
  switch (viewer.role) {
    case Role.LEARNER:
      return { sql: `${alias}.id in (select sp.session_id from session_participants sp where sp.learner_id = ?)`, params: [viewer.id] };
    case Role.PARENT:
      return {
        sql: `${alias}.id in (select sp.session_id from session_participants sp join parent_links pl on pl.child_id = sp.learner_id where pl.parent_id = ?)`,
        params: [viewer.id],
      };
    case Role.TUTOR:
      return { sql: `${alias}.tutor_id = ?`, params: [viewer.id] };
    default:
      return null;
  }
}

/** Invoices a viewer may see: billed to them, or (for a parent) to one of their children. */
export function invoiceVisibilitySql(viewer: Viewer, alias: string): { sql: string; params: unknown[] } | null {
  switch (viewer.role) {
    case Role.LEARNER:
      return { sql: `${alias}.billed_to_id = ?`, params: [viewer.id] };
    case Role.PARENT:
      return {
        sql: `(${alias}.billed_to_id = ? or ${alias}.billed_to_id in (select pl.child_id from parent_links pl where pl.parent_id = ?))`,
        params: [viewer.id, viewer.id],
      };
    case Role.TUTOR:
      return { sql: 'false', params: [] };
    default:
      return null;
  }
}

/**
 * Which learners of a session a viewer may see by name: a learner themselves, a parent their own
 * children (a group class holds other families' children), tutors and staff everyone.
 */
export function visibleLearner(viewer: Viewer | null, childIds: readonly string[]): (learnerId: string) => boolean {
  if (!viewer) return () => false;
  if (viewer.role === Role.LEARNER) return (id) => id === viewer.id;
  if (viewer.role === Role.PARENT) return (id) => childIds.includes(id);
  return () => true;
}
