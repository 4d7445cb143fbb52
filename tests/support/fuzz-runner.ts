import WebSocket from 'ws';
import type { FuzzCall, FuzzPools } from './schema-fuzz';
import { wsUrlOf } from './ws';

/** What a run of hostile calls saw: the figures `npm run audit` prints. */
export interface FuzzFigures {
  requests: number;
  /** HTTP statuses, `extensions.code`s and WebSocket close codes, with how often each was seen. */
  codes: Record<string, number>;
  /** Answers that were a server fault (5xx, INTERNAL_SERVER_ERROR, a stack, close 1011): there must be none. */
  serverErrors: string[];
}

export const newFigures = (): FuzzFigures => ({ requests: 0, codes: {}, serverErrors: [] });

export interface CallOutcome {
  /** The operation did nothing: an error and no data for its field. */
  refused: boolean;
  text: string;
}

const count = (figures: FuzzFigures, code: string) => (figures.codes[code] = (figures.codes[code] ?? 0) + 1);
const FAULT = /INTERNAL_SERVER_ERROR|\bat .+\.(ts|js):\d+|node_modules|stacktrace/i;

/** Sends one call over the transport it belongs to (subscriptions over the WebSocket) and records what came back. */
export async function runCall(url: string, call: FuzzCall, pools: FuzzPools, figures: FuzzFigures): Promise<CallOutcome> {
  figures.requests += 1;
  const authorization = pools.credentials[call.credential];
  if (call.kind === 'subscription') return subscribeOnce(url, call, authorization, figures);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: call.query, variables: call.variables }),
  });
  const text = await response.text();
  count(figures, `HTTP ${response.status}`);
  let body: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> } = {};
  try {
    body = JSON.parse(text);
  } catch {
    figures.serverErrors.push(`not JSON (${response.status}): ${call.query.slice(0, 200)}`);
  }
  for (const error of body.errors ?? []) count(figures, String(error.extensions?.code));
  if (response.status >= 500 || FAULT.test(text)) figures.serverErrors.push(`${response.status} ${text.slice(0, 300)} <- ${call.query.slice(0, 300)}`);
  return { refused: !!body.errors?.length && (body.data === undefined || body.data === null || body.data[call.field] === null), text };
}

/** graphql-transport-ws by hand: init, subscribe, wait briefly for a first answer, then leave. */
function subscribeOnce(url: string, call: FuzzCall, authorization: string | null, figures: FuzzFigures): Promise<CallOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrlOf(url), 'graphql-transport-ws');
    const seen: string[] = [];
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const text = seen.join('\n');
      if (FAULT.test(text)) figures.serverErrors.push(`WS ${text.slice(0, 300)} <- ${call.query.slice(0, 300)}`);
      if (socket.readyState === WebSocket.OPEN) socket.close();
      resolve({ refused: true, text });
    };
    const timer = setTimeout(finish, 300);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: authorization ? { authorization } : {} })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      seen.push(String(data));
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: call.query, variables: call.variables } }));
      } else if (message.type === 'error') {
        for (const error of message.payload ?? []) count(figures, String(error.extensions?.code));
        finish();
      } else if (message.type === 'next' || message.type === 'complete') {
        for (const error of message.payload?.errors ?? []) count(figures, String(error.extensions?.code));
        finish();
      }
    });
    socket.on('close', (code) => {
      count(figures, `WS close ${code}`);
      if (code === 1011) figures.serverErrors.push(`WS closed 1011 <- ${call.query.slice(0, 300)}`);
      finish();
    });
    socket.on('error', () => finish());
  });
}
