import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { DomainError } from '../errors';
import type { SessionCookie } from '../http/session-cookie';
import type { Services } from '../services';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  services: Services;
  /** The client's address (for rate limits and the audit log); null where unknown. */
  clientAddress: string | null;
  /** A bad, expired or revoked credential sent with the request (viewer is then null); refused unless the operation is open to anyone. */
  credentialError?: DomainError | null;
  /** The dashboard's session cookie on HTTP (http/session-cookie.ts); absent on the WebSocket. */
  session?: SessionCookie;
}

/** A fresh identity map and fresh loaders per request (or per subscription event). */
export function createContext(services: Services, viewer: Viewer | null, clientAddress: string | null = null): Context {
  const em = services.orm.em.fork() as EntityManager;
  return { em, viewer, services, clientAddress, loaders: createLoaders(em, viewer) };
}
