import { DEMO_PASSWORD } from '../../server/src/seed/demo-accounts';

/** GraphQL over HTTP against a server process (as a partner app calls it); the answer and headers. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function loginAt(url: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const { body } = await post(url, 'mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
  if (!body.data?.login?.token) throw new Error(`login failed for ${email}: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}

/** One sample of a Prometheus text exposition: `name{labels}` -> value (summed when labels are left out). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).some(([k, v]) => set[k] !== v)) continue;
    total += Number(match[3]);
    found = true;
  }
  return found ? total : Number.NaN;
}

export async function scrape(url: string, token?: string): Promise<string> {
  const response = await fetch(`${url}/metrics`, { headers: token ? bearer(token) : {} });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}

/** The JSON log lines of a process's output (other lines are left out). */
export function jsonLines(output: string[]): Array<Record<string, any>> {
  return output
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, any>;
      } catch {
        return {};
      }
    });
}
