import type { MikroORM } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import { seedDemo } from './demo';

/** Seeds the demo data only into an empty database; returns whether it did. */
export async function seedIfEmpty(orm: MikroORM): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(User)) > 0) return false;
  await em.transactional((tx) => seedDemo(tx as typeof em));
  return true;
}
