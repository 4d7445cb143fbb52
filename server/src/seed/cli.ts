import 'reflect-metadata';
import { loadConfig } from '../config';
import { openAppDatabase } from '../app/database';
import { createServices } from '../app/services';
import { seedIfEmpty } from './seed';

/** `npm run seed`: seeds an empty database (never touches one that has data). */
async function main() {
  const config = loadConfig();
  const db = await openAppDatabase(config);
  try {
    const seeded = await seedIfEmpty(createServices(config, db.orm));
    console.log(seeded ? 'demo data seeded' : 'database already has data; nothing seeded');
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
