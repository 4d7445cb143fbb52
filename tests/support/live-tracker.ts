import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { wsUrlOf } from './ws';

/**
 * A subscriber as a dashboard should be one: it reconnects when closed (1001 from a draining
 * instance), subscribes again, and catches up with ticketEvents(after: last seen) — applying each
 * sequence once. It counts what the server sent twice (live and catch-up overlapping) apart.
 */
export interface LiveTracker {
  /** Sequences applied, in order of application. */
  applied: number[];
  /** How many of them arrived by the catch-up query rather than live. */
  caughtUp: number;
  /** Sequences the server delivered again after they were applied (ignored, as a client must). */
  redelivered: number;
  reconnects: number;
  closeCodes: number[];
  close(): Promise<void>;
}

const EVENTS = 'query CatchUp($after: Int!) { ticketEvents(after: $after, first: 200) { sequence } }';

export function trackLiveEvents(httpUrl: string, token: string, startAfter: number): LiveTracker {
  const seen = new Set<number>();
  let last = startAfter;
  const tracker: LiveTracker = { applied: [], caughtUp: 0, redelivered: 0, reconnects: 0, closeCodes: [], close: async () => {} };
  const apply = (sequence: number, live = true) => {
    if (sequence <= startAfter) return;
    if (seen.has(sequence)) {
      tracker.redelivered += 1;
      return;
    }
    seen.add(sequence);
    tracker.applied.push(sequence);
    if (!live) tracker.caughtUp += 1;
    last = Math.max(last, sequence);
  };
  /** Everything after `from` (the last sequence seen before the socket closed), in pages. */
  const catchUp = async (from: number) => {
    let cursor = from;
    for (;;) {
      const page = await fetch(`${httpUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: EVENTS, variables: { after: cursor } }),
      })
        .then((r) => r.json() as Promise<{ data?: { ticketEvents: Array<{ sequence: number }> } }>)
        // The proxy's own 503 page while no instance is up, a reset connection: try again.
        .catch(() => null);
      const events = page?.data?.ticketEvents;
      if (!events) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      for (const event of events) apply(event.sequence, false);
      cursor = events.at(-1)?.sequence ?? cursor;
      if (events.length < 200) return;
    }
  };
  let connectedBefore = false;
  let resumeFrom: number | null = null;
  const client = createClient({
    url: wsUrlOf(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200)),
    on: {
      closed: (event) => {
        tracker.closeCodes.push((event as { code: number }).code);
        resumeFrom = Math.min(resumeFrom ?? last, last);
      },
      connected: () => {
        // Subscribed again by the client on this socket; what committed while away comes from the log.
        if (connectedBefore) {
          tracker.reconnects += 1;
          // Once now, and once after the re-sent subscribe has surely registered on the server.
          const from = resumeFrom ?? last;
          resumeFrom = null;
          void catchUp(from).then(() => new Promise((resolve) => setTimeout(resolve, 1_000))).then(() => catchUp(from));
        }
        connectedBefore = true;
      },
    },
  });
  const stop = client.subscribe<{ ticketChanged: { sequence: number } }>(
    { query: 'subscription Board { ticketChanged { sequence } }' },
    { next: (value) => value.data && apply(value.data.ticketChanged.sequence), error: () => undefined, complete: () => undefined },
  );
  tracker.close = async () => {
    stop();
    await client.dispose();
  };
  return tracker;
}
