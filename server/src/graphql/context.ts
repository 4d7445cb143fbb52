import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { Services } from '../services';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  services: Services;
}

/** A fresh identity map and fresh loaders per request (or per subscription event). */
export function createContext(services: Services, viewer: Viewer | null): Context {
  const em = services.orm.em.fork() as EntityManager;
  return { em, viewer, services, loaders: createLoaders(em, viewer) };
}
