/**
 * `npm run deploy:local`: the production shape on one machine. One PostgreSQL (DATABASE_URL, or an
 * embedded one under DATA_DIR/deploy-pg), API_INSTANCES API processes with RUN_WORKER=false on
 * ports PORT+1.., one worker process, and HAProxy on PORT in front (deploy/haproxy.ts). Ctrl-C or
 * SIGTERM drains the instances, then stops HAProxy and the database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDatabase } from '../server/src/db/database';
import { startEmbeddedPostgres } from '../server/src/db/embedded-postgres';
import { haproxyConfig } from './haproxy';

const ROOT = path.resolve(__dirname, '..');
const HAPROXY = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

/** The server's entry as a command: compiled in production, the sources otherwise. */
export function serverArgs(entry: 'main' | 'worker'): string[] {
  return process.env.NODE_ENV === 'production' ? [path.join(ROOT, 'server', 'dist', 'app', `${entry}.js`)] : ['-r', '@swc-node/register', path.join(ROOT, 'server', 'src', 'app', `${entry}.ts`)];
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode} before it was ready`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

async function main() {
  const port = Number(process.env.PORT ?? 4000);
  const instances = Math.max(1, Number(process.env.API_INSTANCES ?? 3));
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
  let databaseUrl = process.env.DATABASE_URL;
  let stopDatabase = async () => {};
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'deploy-pg') });
    stopDatabase = () => embedded.stop();
    databaseUrl = await ensureDatabase(embedded.url, 'tickets');
  }
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    TRUST_PROXY: 'true',
    // Every instance must sign and check tokens with the same secret.
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('base64url'),
  };
  const children: ChildProcess[] = [];
  const start = (args: string[], extra: Record<string, string>) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, ...extra }, stdio: 'inherit' });
    children.push(child);
    return child;
  };
  // The first instance migrates (and seeds an empty database) before the others start.
  const api = Array.from({ length: instances }, (_, i) => ({ name: `api${i + 1}`, port: port + 1 + i }));
  const first = start(serverArgs('main'), { PORT: String(api[0].port), RUN_WORKER: 'false' });
  await waitReady(`http://127.0.0.1:${api[0].port}`, first);
  const rest = api.slice(1).map((a) => ({ a, child: start(serverArgs('main'), { PORT: String(a.port), RUN_WORKER: 'false', SEED_ON_EMPTY: 'false' }) }));
  start(serverArgs('worker'), { SEED_ON_EMPTY: 'false' });
  await Promise.all(rest.map(({ a, child }) => waitReady(`http://127.0.0.1:${a.port}`, child)));

  const configFile = path.join(dataDir, 'deploy', 'haproxy.cfg');
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(configFile, haproxyConfig({ bind: `0.0.0.0:${port}`, servers: api.map((a) => ({ name: a.name, address: `127.0.0.1:${a.port}` })) }));
  const haproxy = spawn(HAPROXY, ['-db', '-f', configFile], { stdio: 'inherit' });
  haproxy.once('error', (error) => console.error(`HAProxy could not start (${error.message}); install it with apt-get install haproxy`));
  console.log(`Tickets behind HAProxy at http://localhost:${port} (${instances} API instances on ${api.map((a) => a.port).join(', ')}, one worker); Ctrl-C stops it`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Instances drain first (a process-group Ctrl-C already reached them), then the proxy and the database.
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
    if (haproxy.exitCode === null) haproxy.kill('SIGTERM');
    await stopDatabase();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`deploy:local failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
