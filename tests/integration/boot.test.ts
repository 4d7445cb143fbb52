import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const dataDir = path.join(ROOT, '.data', `boot-test-${process.pid}`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `npm start`'s command, from an empty data directory, with no DATABASE_URL. */
async function boot(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'server/src/app/main.ts'], { cwd: ROOT, env });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

// Generous: the first boot seeds the demo (forty tickets through the ticket service), and CI machines are shared.
async function waitHealthy(port: number, timeoutMs = 240_000): Promise<{ ms: number; body: unknown }> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) return { ms: Date.now() - started, body: await response.json() };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('never became healthy');
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

const postgresRunningOn = (dir: string) => {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dir}`], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start from an empty data directory', () => {
  it('starts embedded PostgreSQL, migrates, seeds, gets healthy, stops cleanly and keeps data on restart', async () => {
    const port = await freePort();
    const first = await boot(port);
    const { ms, body } = await waitHealthy(port);
    expect(body).toEqual({ status: 'ok' });
    console.log(`boot from empty data dir to healthy: ${ms} ms`);
    expect(first.output()).toContain('seeded the demo data');
    expect(first.output()).toContain('parent@demo.test');
    const login = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "parent@demo.test", password: "demo1234") { token } }' }),
    });
    expect(((await login.json()) as { data: { login: { token: string } } }).data.login.token).toBeTruthy();
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);

    expect(await stop(first.child)).toBe(0);
    expect(postgresRunningOn(path.join(dataDir, 'pg'))).toBe(false);

    const second = await boot(port);
    await waitHealthy(port);
    expect(second.output()).not.toContain('seeded the demo data');
    expect(await stop(second.child)).toBe(0);
    expect(postgresRunningOn(path.join(dataDir, 'pg'))).toBe(false);
  }, 360_000);
});
