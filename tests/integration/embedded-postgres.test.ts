import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { describe, it, expect } from 'vitest';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded postgres', () => {
  it('starts, stops and restarts on the same data dir keeping data', async () => {
    const dataDir = path.resolve('.data', `tmp-${randomBytes(6).toString('hex')}`);
    try {
      const first = await startEmbeddedPostgres({ dataDir });
      try {
        expect(first.url).toBe(`postgres://postgres@127.0.0.1:${first.port}/postgres`);
        expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
        await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('hello')");
      } finally {
        await first.stop();
        await first.stop(); // idempotent
      }
      expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);

      const second = await startEmbeddedPostgres({ dataDir });
      try {
        expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'hello' }]);
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
