import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';

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

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  services: Services;
  /** The client's address (for rate limits and the audit log); null where unknown. */
  clientAddress: string | null;
}

/** A fresh identity map and fresh loaders per request (or per subscription event). */
export function createContext(services: Services, viewer: Viewer | null, clientAddress: string | null = null): Context {
  const em = services.orm.em.fork() as EntityManager;
  return { em, viewer, services, clientAddress, loaders: services.createLoaders(em, viewer) };
}
