import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../../server/src/config';
import { openAppOrm } from '../../server/src/app/database';
import { startHttpServer } from '../../server/src/http/app';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-accounts';
import { createServices, type Services } from '../../server/src/app/services';
import { createTestDatabase } from './database';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }>;
}

export interface TestApp {
  url: string;
  databaseUrl: string;
  orm: MikroORM;
  services: Services;
  /** Every SQL statement the app ran, for counting queries. */
  queries: string[];
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real server (Express + Apollo over HTTP) on a random port, on this file's own database (or env.DATABASE_URL). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // env.DATABASE_URL: join an existing test database (e.g. a restart after a crash).
  const databaseUrl = env.DATABASE_URL ?? (await createTestDatabase());
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    // Tests report far more issues per user than a person would; security-abuse tests set their own.
    REPORT_ISSUE_LIMIT: '1000000',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tickets-test-')),
    ...env,
  });
  const queries: string[] = [];
  const orm = await openAppOrm(databaseUrl, { onQuery: (sql) => queries.push(sql) });
  const services = createServices(config, orm);
  await services.start();
  const server = await startHttpServer(services, 0, '127.0.0.1');

  const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) } as GqlResult;
  };
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const result = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
    if (!result.data?.login?.token) throw new Error(`login failed for ${email}: ${JSON.stringify(result.errors)}`);
    return result.data.login.token as string;
  };
  return {
    url: server.url,
    databaseUrl,
    orm,
    services,
    queries,
    gql,
    login,
    close: async () => {
      await server.close();
      await services.close();
      await orm.close();
    },
  };
}

/** The error code of a failed call (first error). */
export const errorCode = (result: GqlResult) => result.errors?.[0]?.extensions?.code;
