import type { EntityManager } from '@mikro-orm/postgresql';
import { type Tx, txSlot } from '../db/transaction';
import { run } from '../db/raw-sql';

/** The one PostgreSQL channel every instance LISTENs on. */
export const REALTIME_CHANNEL = 'tickets_realtime';

/** NOTIFY payload: per topic, the ids of what changed (ids only; subscribers load the rows). */
export type RealtimePayload = Record<string, string[]>;

/** Runs after every other before-commit hook, so what they publish goes into this one NOTIFY. */
export const PUBLISH_ORDER = 1_000;
/** PostgreSQL refuses payloads of 8000 bytes or more; stay well below. */
const MAX_PAYLOAD_BYTES = 7_500;

const pendingPayload = txSlot('realtime publish', (tx: Tx): RealtimePayload => {
  const payload: RealtimePayload = {};
  tx.beforeCommit((em) => notify(em, payload), PUBLISH_ORDER);
  return payload;
});

/**
 * Announces `ids` on `topic` to every instance, once this transaction commits (never on
 * rollback). A transaction sends one NOTIFY, whatever it publishes.
 */
export function publish(tx: Tx, topic: string, ids: ReadonlyArray<string | number>): void {
  if (!ids.length) return;
  const payload = tx.slot(pendingPayload);
  (payload[topic] ??= []).push(...ids.map(String));
}

async function notify(em: EntityManager, payload: RealtimePayload): Promise<void> {
  if (!Object.keys(payload).length) return;
  await run(em, 'select pg_notify(?, ?)', [REALTIME_CHANNEL, JSON.stringify(withinLimit(payload))]);
}

/**
 * A payload too large for one NOTIFY keeps the newest ids of its longest topics: ids are a
 * hint, and a topic that must not miss any (ticket events) reloads from its table.
 */
export function withinLimit(payload: RealtimePayload): RealtimePayload {
  const lists = Object.entries(payload).map(([topic, ids]) => [topic, [...ids]] as [string, string[]]);
  let size = JSON.stringify(payload).length;
  while (size > MAX_PAYLOAD_BYTES) {
    const longest = lists.reduce((a, b) => (b[1].length > a[1].length ? b : a));
    size -= JSON.stringify(longest[1].shift()).length + 1;
  }
  return Object.fromEntries(lists);
}

/** A NOTIFY's payload, or null when it is not ours to read. */
export function parsePayload(raw: string | undefined): RealtimePayload | null {
  try {
    const value: unknown = JSON.parse(raw ?? '');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const payload: RealtimePayload = {};
    for (const [topic, ids] of Object.entries(value)) if (Array.isArray(ids)) payload[topic] = ids.map(String);
    return payload;
  } catch {
    return null;
  }
}
