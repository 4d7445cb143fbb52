import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export const wsUrlOf = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/graphql`;

export interface WsClient {
  client: Client;
  /** Close codes the server sent, in order. */
  closeCodes: number[];
  close(): Promise<void>;
}

/** A graphql-ws client (the real library, on `ws`) that does not retry, so a refusal shows. */
export function connectWs(httpUrl: string, token?: string): WsClient {
  const closeCodes: number[] = [];
  const client = createClient({
    url: wsUrlOf(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => closeCodes.push((event as { code: number }).code) },
  });
  return { client, closeCodes, close: () => client.dispose() as Promise<void> };
}

export interface LiveSubscription<T> {
  /** Every `data` received so far. */
  received: T[];
  errors: unknown[];
  /** Waits (bounded) until at least `count` results arrived; returns them. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  stop(): void;
}

/**
 * Subscribes and returns once the server has the subscription: a query sent after it on the same
 * socket needs a database round trip, by which time the subscribe message has registered.
 */
export async function subscribe<T = any>(ws: WsClient, query: string, variables: Record<string, unknown> = {}): Promise<LiveSubscription<T>> {
  const received: T[] = [];
  const errors: unknown[] = [];
  let wake = () => {};
  const stop = ws.client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        if (value.data) received.push(value.data as T);
        wake();
      },
      error: (error) => {
        errors.push(error);
        wake();
      },
      complete: () => wake(),
    },
  );
  await queryOnce(ws, '{ me { id } }');
  const waitFor = async (count: number, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} events within ${timeoutMs} ms, got ${received.length}: ${JSON.stringify(received)} ${JSON.stringify(errors)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return received.slice(0, count);
  };
  return { received, errors, waitFor, stop };
}

/** A query or mutation over the WebSocket. */
export function queryOnce<T = any>(ws: WsClient, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: any[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: T; errors?: any[] } = {};
    ws.client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          result = value as typeof result;
        },
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
        complete: () => resolve(result),
      },
    );
  });
}

/** A bare WebSocket speaking graphql-transport-ws: sends connection_init, resolves with the close code (or 'ack'). */
export function rawConnectionInit(httpUrl: string, payload: unknown): Promise<{ closeCode: number | null; acknowledged: boolean; socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrlOf(httpUrl), 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify(payload === undefined ? { type: 'connection_init' } : { type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ closeCode: null, acknowledged: true, socket });
    });
    socket.on('close', (code) => resolve({ closeCode: code, acknowledged: false, socket }));
    socket.on('error', reject);
  });
}

/** Resolves with the close code once the socket closes. */
export function closeCodeOf(socket: WebSocket, timeoutMs = 5_000): Promise<number> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve(-1);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket stayed open')), timeoutMs);
    socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
