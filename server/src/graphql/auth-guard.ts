import type { Role } from '../auth/roles';
import type { Viewer } from '../auth/viewer';
import type { Context } from './context';
import { forbidden, unauthenticated } from '../errors';

/** The one auth guard. Returns the caller, or throws UNAUTHENTICATED / FORBIDDEN. */
export function requireViewer(ctx: Pick<Context, 'viewer'>, roles?: readonly Role[]): Viewer {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  if (roles && !roles.includes(viewer.role)) throw forbidden();
  return viewer;
}
