import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { seedIfEmpty } from './seed';

/** `npm run seed`: seeds an empty database (never touches one that has data). */
async function main() {
  const db = await openDatabase(loadConfig());
  try {
    console.log((await seedIfEmpty(db.orm)) ? 'demo data seeded' : 'database already has data; nothing seeded');
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
