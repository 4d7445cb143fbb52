import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Config, resolveJwtSecret } from '../config';
import { type Tx, inTransaction } from '../db/transaction';
import { User } from '../auth/user.entity';
import { addJob } from '../jobs/queue';
import { DeliveryStatus } from '../notifications/outbox-message.entity';
import { announce } from '../notifications/outbox';
import { DRAIN_TASK } from './events';
import { SecretBox, signatureHeader } from './secrets';
import { postWebhook } from './send';
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from './webhook.entities';

const MAX_DELAY_MS = 6 * 3_600_000;

const boxes = new Map<string, SecretBox>();
/** The key that seals endpoint secrets, derived from JWT_SECRET. */
export function secretBox(config: Config): SecretBox {
  const master = resolveJwtSecret(config);
  let box = boxes.get(master);
  if (!box) boxes.set(master, (box = new SecretBox(master)));
  return box;
}

/** Delay before the retry that follows failed attempt `attempts`: base, 2x, 4x ... at most 6 h. */
export const webhookRetryDelayMs = (baseMs: number, attempts: number) => Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));

/** Schedules the drain of one endpoint's deliveries for one order key (one queue: one at a time, in order). */
export function scheduleDrain(em: EntityManager, endpointId: string, orderKey: string, runAt?: Date, keepPendingTime = false): Promise<void> {
  const key = `webhook:${endpointId}:${orderKey}`;
  return addJob(em, DRAIN_TASK, { endpointId, orderKey }, { jobKey: key, queueName: key, runAt, jobKeyMode: keepPendingTime ? 'preserve_run_at' : 'replace' });
}

/** The fan-out task: one delivery per active endpoint subscribed to the event's type (and registered before it happened). */
export async function fanOutWebhookEvent(em: EntityManager, eventId: string): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const event = await tx.findOne(WebhookEvent, { id: eventId });
    if (!event) return 0;
    const endpoints = await tx.find(WebhookEndpoint, { active: true, events: { $contains: [event.type] }, createdAt: { $lte: event.createdAt } });
    for (const endpoint of endpoints) {
      tx.persist(Object.assign(new WebhookDelivery(), { endpoint, event, orderKey: event.orderKey }));
    }
    await tx.flush();
    // A drain already waiting for a retry keeps its time: the new event queues behind the failing one.
    for (const endpoint of endpoints) await scheduleDrain(tx as EntityManager, endpoint.id, event.orderKey, undefined, true);
    return endpoints.length;
  });
}

export type DrainOutcome = { sent: number; failed: number; waitingUntil: Date | null; disabled: boolean };

/**
 * The drain task: sends one endpoint's pending deliveries for one ticket oldest first, stopping at
 * the first failure, so a partner never sees a ticket's events out of order. A failure counts an
 * attempt and reschedules the drain (backoff); a delivery older than WEBHOOK_GIVE_UP_AFTER is DEAD
 * and the next one goes; an endpoint failing that long is switched off and its owner told.
 * `now` is the clock (tests move it forward instead of waiting days).
 */
export async function drainWebhookDeliveries(config: Config, em: EntityManager, endpointId: string, orderKey: string, now = new Date()): Promise<DrainOutcome> {
  const outcome: DrainOutcome = { sent: 0, failed: 0, waitingUntil: null, disabled: false };
  for (;;) {
    const step = await inTransaction(em, async (tx) => {
      const head = await tx.em.findOne(WebhookDelivery, { endpoint: endpointId, orderKey, status: DeliveryStatus.PENDING },
        { orderBy: { sequence: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!head) return 'done';
      await tx.em.populate(head, ['event', 'endpoint']);
      if (!head.endpoint.active) return 'done';
      if (head.nextAttemptAt && head.nextAttemptAt > now) {
        outcome.waitingUntil = head.nextAttemptAt;
        await scheduleDrain(tx.em, endpointId, orderKey, head.nextAttemptAt);
        return 'done';
      }
      return attempt(config, tx, head, now, outcome);
    });
    if (step === 'done') return outcome;
  }
}

async function attempt(config: Config, tx: Tx, delivery: WebhookDelivery, now: Date, outcome: DrainOutcome) {
  const { endpoint, event } = delivery;
  const box = secretBox(config);
  const secrets = [box.open(endpoint.secretEnc)];
  if (endpoint.previousSecretEnc && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) secrets.push(box.open(endpoint.previousSecretEnc));
  const timestamp = Math.floor(now.getTime() / 1000);
  const result = await postWebhook(config, endpoint.url, event.body, {
    'Tickets-Event-Id': event.id,
    'Tickets-Signature': signatureHeader(secrets, event.body, timestamp),
  });
  delivery.attempts += 1;
  delivery.responseStatus = result.status;
  delivery.nextAttemptAt = null;
  if (result.ok) {
    Object.assign(delivery, { status: DeliveryStatus.SENT, deliveredAt: now, lastError: null });
    Object.assign(endpoint, { lastSuccessAt: now, failingSince: null });
    outcome.sent += 1;
    return 'next';
  }
  outcome.failed += 1;
  delivery.lastError = result.error;
  endpoint.lastFailureAt = now;
  endpoint.failingSince ??= now;
  if (now.getTime() - endpoint.failingSince.getTime() >= config.webhookGiveUpAfterMs) {
    await switchOff(tx, endpoint, now);
    outcome.disabled = true;
    return 'done';
  }
  if (now.getTime() - delivery.createdAt.getTime() >= config.webhookGiveUpAfterMs) {
    delivery.status = DeliveryStatus.DEAD;
    return 'next';
  }
  delivery.nextAttemptAt = new Date(now.getTime() + webhookRetryDelayMs(config.webhookRetryBaseMs, delivery.attempts));
  outcome.waitingUntil = delivery.nextAttemptAt;
  await tx.em.flush();
  await scheduleDrain(tx.em, endpoint.id, delivery.orderKey, delivery.nextAttemptAt);
  return 'done';
}

/** Stops sending to an endpoint that kept failing; its pending deliveries wait until an admin turns it back on. */
async function switchOff(tx: Tx, endpoint: WebhookEndpoint, now: Date): Promise<void> {
  Object.assign(endpoint, { active: false, disabledAt: now });
  const owner = await tx.em.findOneOrFail(User, endpoint.owner.id);
  await announce(tx, {
    event: 'webhook.disabled',
    ticket: null,
    recipients: [{ user: owner, channels: ['IN_APP'] }],
    title: 'Webhook endpoint switched off',
    body: `${endpoint.url} failed every delivery since ${endpoint.failingSince?.toISOString()}, so it was switched off. Fix it and turn it back on; waiting events will follow in order.`,
  });
}
