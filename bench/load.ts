/** HTTP load with autocannon on loopback, and the little GraphQL client the bench uses to set up. */
import autocannon from 'autocannon';
import { type BenchDatabase, type RunningProcess, memoryOf, resetPeak, takeStatementCount } from './processes';

export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

export async function login(url: string, email: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(url, 'mutation($email: String!) { login(email: $email, password: "demo1234") { token } }', { email });
  return data.login.token;
}

/** One request: the body (and token) of the next call; null when there is nothing left to send. */
export type NextRequest = () => { body: string; token?: string } | null;

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx or carried GraphQL errors. */
  failures: number;
  statementsPerRequest: number | null;
  peakRss: number;
}

export interface LoadOptions {
  connections: number;
  /** Seconds of load; or `amount` requests in all (writes, whose inputs run out). */
  seconds?: number;
  amount?: number;
  /** With `amount`: stop after this many seconds all the same (a slow server would take forever). */
  maxSeconds?: number;
  warmupSeconds?: number;
}

function cannon(url: string, next: NextRequest, options: LoadOptions): Promise<{ result: autocannon.Result; failures: number }> {
  let failures = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request: any) => {
              const call = next();
              if (!call) return null as never;
              return { ...request, body: call.body, headers: { ...request.headers, ...(call.token ? { authorization: `Bearer ${call.token}` } : {}) } };
            },
            onResponse: (status: number, body: string) => {
              if (status !== 200 || body.includes('"errors"')) {
                if (failures < 3) console.error(`  failed response (${status}): ${body.slice(0, 300)}`);
                failures += 1;
              }
            },
          },
        ],
      } as autocannon.Options,
      (error, result) => (error ? reject(error) : resolve({ result, failures })),
    );
    instance.on('error', () => undefined);
    if (options.amount && options.maxSeconds) setTimeout(() => instance.stop(), options.maxSeconds * 1000).unref();
  });
}

const PROBE_REQUESTS = 10;

/** SQL statements per request, from requests sent one at a time (a timed load ends with requests in flight). */
async function probeStatements(server: RunningProcess, db: BenchDatabase, next: NextRequest): Promise<number | null> {
  // Requests the load left in flight still run on the server: wait for a quiet second (a listener heartbeat aside).
  const quietBy = Date.now() + 60_000;
  await takeStatementCount(db);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const statements = await takeStatementCount(db);
    if (statements === null || statements <= 1 || Date.now() > quietBy) break;
  }
  let sent = 0;
  for (let call = next(); call && sent < PROBE_REQUESTS; call = next(), sent += 1) {
    await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(call.token ? { authorization: `Bearer ${call.token}` } : {}) },
      body: call.body,
    }).then((r) => r.text());
  }
  const statements = await takeStatementCount(db);
  return statements === null || !sent ? null : statements / sent;
}

/** Runs the load (after an uncounted warm-up) and reads what it cost on the server and the database. */
export async function runLoad(server: RunningProcess, db: BenchDatabase, next: NextRequest, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds) await cannon(server.url, next, { ...options, seconds: options.warmupSeconds, amount: undefined });
  await new Promise((resolve) => setTimeout(resolve, 500));
  await takeStatementCount(db);
  resetPeak(server.child.pid!);
  const { result, failures } = await cannon(server.url, next, options);
  const peakRss = memoryOf(server.child.pid!).peak;
  // Writes run until their inputs are used up, so their count is exact; reads are probed.
  const statements = options.amount ? await takeStatementCount(db) : await probeStatements(server, db, next);
  const requests = result.requests.total;
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: failures + result.errors + result.timeouts,
    statementsPerRequest: statements === null || !requests ? null : options.amount ? statements / requests : statements,
    peakRss,
  };
}
