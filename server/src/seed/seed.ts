import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import type { Services } from '../app/services';
import { seedDemo } from './demo';
import { seedDemoTickets } from './demo-tickets';
import { seedDemoAutomations } from '../automations/demo';

/**
 * Seeds the demo data only into an empty database; returns whether it did. `automations: false`
 * leaves out the demo's automation and its lesson ready to report (the test template: tests that
 * report no-shows expect a person to decide; automations' tests seed them with seedDemoAutomations).
 */
export async function seedIfEmpty(services: Services, options: { automations?: boolean } = {}): Promise<boolean> {
  const em = services.orm.em.fork() as EntityManager;
  if ((await em.count(User)) > 0) return false;
  await em.transactional((tx) => seedDemo(tx as EntityManager));
  await seedDemoTickets(services);
  if (options.automations ?? true) await em.transactional((tx) => seedDemoAutomations(tx as EntityManager));
  return true;
}
