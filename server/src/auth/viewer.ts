import { Role, isStaff } from './roles';

/** Who is calling: a signed-in user, or a partner app acting through an API key. */
export interface Viewer {
  id: string;
  role: Role;
  apiKeyId?: string;
  scopes?: string[];
  /** When the JWT expires (ms since epoch); long-lived connections end then. */
  expiresAt?: number;
  /** The JWT's id (jti) and the token generation it was signed with. */
  tokenId?: string;
  generation?: number;
  /** The client address of the request (audit log, rate limits). */
  address?: string;
}

export const viewerIsStaff = (viewer: Viewer) => isStaff(viewer.role);
