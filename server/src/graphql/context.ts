import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { DomainError } from '../errors';

/**
 * The long-lived services and the per-request loaders, as the composition root assembles them.
 * This kit names only what it uses itself; app/context.ts completes both interfaces (declaration
 * merging), so resolvers see every service and loader without graphql/ importing a feature.
 */
export interface Services {
  orm: MikroORM;
  /** Every feature's DataLoaders for one request (app/loaders.ts); `shared` answers the viewer-independent ones. */
  createLoaders(em: EntityManager, viewer: Viewer | null, shared?: object): Loaders;
}

/** Completed by app/context.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/** The dashboard's session cookie of an HTTP request (made by http/session-cookie.ts). */
export interface SessionCookie {
  /** The request was authenticated by the cookie (not by a header). */
  viaCookie: boolean;
  /** The dashboard asked for a cookie session (it sent the CSRF header). */
  wanted: boolean;
  signedIn(token: string, ttlSeconds: number): void;
  signedOut(): void;
}

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
  return { em, viewer, services, clientAddress, loaders: services.createLoaders(em, viewer) };
}
