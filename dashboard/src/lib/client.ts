import { Client, fetchExchange, subscriptionExchange, type AnyVariables } from '@urql/core';
import { type Client as WsClient, createClient as createWsClient } from 'graphql-ws';
import { createSignal, onCleanup } from 'solid-js';
import type { TypedDocumentString } from '../graphql/generated/graphql';
import { CSRF_HEADERS, signOut } from './auth';
import { ApiError, toApiError } from './errors';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';
const [connection, setConnection] = createSignal<ConnectionState>('connecting');
export { connection };

const reconnectListeners = new Set<() => void>();
/** Called after the live connection comes back, so a view can catch up on what it missed. */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

function wsUrl() {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

let ws: WsClient | null = null;
let connectedBefore = false;

function socket(): WsClient {
  if (ws) return ws;
  connectedBefore = false;
  ws = createWsClient({
    url: wsUrl(),
    // The handshake carries the session cookie; nothing to send here.
    connectionParams: () => ({}),
    keepAlive: 10_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 5_000))),
    on: {
      connecting: () => setConnection(connectedBefore ? 'reconnecting' : 'connecting'),
      connected: () => {
        setConnection('live');
        if (connectedBefore) for (const listener of reconnectListeners) listener();
        connectedBefore = true;
      },
      closed: () => setConnection(connectedBefore ? 'reconnecting' : 'connecting'),
    },
  });
  return ws;
}

/** Drops the live connection (sign-out, or a new token). */
export function resetConnection() {
  ws?.dispose();
  ws = null;
  setConnection('connecting');
}

export const client = new Client({
  url: '/graphql',
  exchanges: [
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: socket().subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
  // Never a stale screen: every query goes to the server.
  requestPolicy: 'network-only',
  preferGetMethod: false,
  fetchOptions: () => ({ headers: CSRF_HEADERS, credentials: 'same-origin' }),
});

function failed(error: ApiError): never {
  if (error.code === 'UNAUTHENTICATED') {
    resetConnection();
    signOut();
  }
  throw error;
}

/** Runs a query; the result is typed by the document, failures are thrown as ApiError. */
export async function query<R, V extends AnyVariables>(doc: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const result = await client.query<R, V>(doc.toString(), variables).toPromise();
  if (result.error) failed(toApiError(result.error));
  return result.data as R;
}

export async function mutate<R, V extends AnyVariables>(doc: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const result = await client.mutation<R, V>(doc.toString(), variables).toPromise();
  if (result.error) failed(toApiError(result.error));
  return result.data as R;
}

/** A live subscription; returns the function that ends it. */
export function subscribe<R, V extends AnyVariables>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  onData: (data: R) => void,
  onError?: (error: ApiError) => void,
): () => void {
  const { unsubscribe } = client.subscription<R, V>(doc.toString(), variables).subscribe((result) => {
    if (result.error) onError?.(toApiError(result.error));
    else if (result.data) onData(result.data);
  });
  return unsubscribe;
}

/**
 * Keeps a view live while its component lives: `onData` for each event, and `catchUp` once the
 * connection is back, since what happened while it was down is not replayed.
 */
export function followLive<R, V extends AnyVariables>(doc: TypedDocumentString<R, V>, variables: V, onData: (data: R) => void, catchUp: () => void) {
  const stop = subscribe(doc, variables, onData);
  const stopReconnect = onReconnect(catchUp);
  onCleanup(() => {
    stop();
    stopReconnect();
  });
}
