import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import type { Services } from '../app/services';
import { seedDemo } from './demo';
import { seedDemoTickets } from './demo-tickets';

/** Seeds the demo data only into an empty database; returns whether it did. */
export async function seedIfEmpty(services: Services): Promise<boolean> {
  const em = services.orm.em.fork() as EntityManager;
  if ((await em.count(User)) > 0) return false;
  await em.transactional((tx) => seedDemo(tx as EntityManager));
  await seedDemoTickets(services);
  return true;
}
