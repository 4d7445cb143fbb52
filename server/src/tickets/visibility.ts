import { Role } from '../auth/roles';
import type { Viewer } from '../auth/viewer';

/**
 * SQL limiting tickets (aliased `alias`) to those the viewer may see: staff all; a tutor the
 * tickets on their sessions; a parent their own and their children's; a learner their own.
 * Null means no limit.
 */
export function ticketVisibilitySql(viewer: Viewer, alias: string): { sql: string; params: unknown[] } | null {
  switch (viewer.role) {
    case Role.TUTOR:
      return { sql: `${alias}.tutor_id = ?`, params: [viewer.id] };
    case Role.PARENT:
      return {
        sql: `(${alias}.reporter_id = ? or ${alias}.reporter_id in (select pl.child_id from parent_links pl where pl.parent_id = ?))`,
        params: [viewer.id, viewer.id],
      };
    case Role.LEARNER:
      return { sql: `${alias}.reporter_id = ?`, params: [viewer.id] };
    default:
      return null;
  }
}

/** Whether the viewer may see internal (staff-only) comments and events. */
export const seesInternal = (viewer: Viewer) => viewer.role === Role.COORDINATOR || viewer.role === Role.ADMIN;

/**
 * The rule of ticketVisibilitySql in memory, for live events (keep the two in step; a test compares
 * them). `childIds` are the viewer's children when the viewer is a parent.
 */
export function ticketVisibleTo(
  viewer: Viewer,
  ticket: { reporter: { id: string }; tutor?: { id: string } | null },
  childIds: ReadonlySet<string> = new Set(),
): boolean {
  switch (viewer.role) {
    case Role.TUTOR:
      return ticket.tutor?.id === viewer.id;
    case Role.PARENT:
      return ticket.reporter.id === viewer.id || childIds.has(ticket.reporter.id);
    case Role.LEARNER:
      return ticket.reporter.id === viewer.id;
    default:
      return true;
  }
}
