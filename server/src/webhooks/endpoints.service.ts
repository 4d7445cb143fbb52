import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { inTransaction } from '../db/transaction';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { DeliveryStatus } from '../notifications/outbox-message.entity';
import { scheduleDrain, secretBox } from './delivery';
import { newWebhookSecret } from './secrets';
import { allowsLocalWebhooks, parseWebhookUrl, resolveWebhookHost } from './url-guard';
import { WebhookDelivery, WebhookEndpoint, WebhookEventType } from './webhook.entities';
import { run } from '../db/raw-sql';

/** After a rotation the old secret keeps signing this long, so receivers can switch without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export interface EndpointInput {
  url: string;
  events: WebhookEventType[];
  description?: string | null;
  active?: boolean | null;
}

/** Admins, or API keys with the webhooks:manage scope. */
export function requireWebhookManager(viewer: Viewer): void {
  if (viewer.role === Role.ADMIN || viewer.scopes?.includes('webhooks:manage')) return;
  throw forbidden('Only admins (or API keys with webhooks:manage) manage webhooks');
}

async function checkInput(config: Config, input: EndpointInput): Promise<EndpointInput> {
  const url = parseWebhookUrl(config, input.url.trim());
  if (!allowsLocalWebhooks(config)) await resolveWebhookHost(config, url);
  if (!input.events.length) throw badInput('events', 'Choose at least one event type');
  const description = input.description?.trim() || null;
  if (description && description.length > 500) throw badInput('description', 'description is at most 500 characters');
  return { url: url.toString(), events: [...new Set(input.events)], description, active: input.active };
}

export async function createWebhookEndpoint(em: EntityManager, config: Config, viewer: Viewer, input: EndpointInput) {
  requireWebhookManager(viewer);
  const checked = await checkInput(config, input);
  const secret = newWebhookSecret();
  return inTransaction(em, async (tx) => {
    const endpoint = Object.assign(new WebhookEndpoint(), {
      url: checked.url,
      events: checked.events,
      description: checked.description,
      active: checked.active ?? true,
      owner: tx.em.getReference(User, viewer.id),
      secretEnc: secretBox(config).seal(secret),
    });
    tx.em.persist(endpoint);
    return { endpoint, secret };
  });
}

async function lockEndpoint(em: EntityManager, id: string): Promise<WebhookEndpoint> {
  const endpoint = await em.findOne(WebhookEndpoint, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!endpoint) throw notFound('Webhook endpoint');
  return endpoint;
}

export async function updateWebhookEndpoint(em: EntityManager, config: Config, viewer: Viewer, id: string, input: EndpointInput) {
  requireWebhookManager(viewer);
  const checked = await checkInput(config, input);
  return inTransaction(em, async (tx) => {
    const endpoint = await lockEndpoint(tx.em, id);
    const reviving = !endpoint.active && checked.active === true;
    Object.assign(endpoint, { url: checked.url, events: checked.events, description: checked.description, active: checked.active ?? endpoint.active });
    if (reviving) {
      Object.assign(endpoint, { disabledAt: null, failingSince: null });
      // What waited while it was off goes now, still in order per ticket.
      const keys: Array<{ order_key: string }> = await run(tx.em, `select distinct order_key from webhook_deliveries where endpoint_id = ? and status = 'PENDING'`, [id]);
      await tx.em.flush();
      for (const { order_key } of keys) await scheduleDrain(tx.em, id, order_key);
    }
    return endpoint;
  });
}

export async function deleteWebhookEndpoint(em: EntityManager, viewer: Viewer, id: string): Promise<boolean> {
  requireWebhookManager(viewer);
  return inTransaction(em, async (tx) => {
    tx.em.remove(await lockEndpoint(tx.em, id));
    return true;
  });
}

/** A new secret, shown once; the old one stays valid (both signatures are sent) for 24 hours. */
export async function rotateWebhookSecret(em: EntityManager, config: Config, viewer: Viewer, id: string, now = new Date()) {
  requireWebhookManager(viewer);
  const secret = newWebhookSecret();
  return inTransaction(em, async (tx) => {
    const endpoint = await lockEndpoint(tx.em, id);
    Object.assign(endpoint, {
      previousSecretEnc: endpoint.secretEnc,
      previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
      secretEnc: secretBox(config).seal(secret),
    });
    return { endpoint, secret };
  });
}

export function listWebhookEndpoints(em: EntityManager, viewer: Viewer): Promise<WebhookEndpoint[]> {
  requireWebhookManager(viewer);
  return em.find(WebhookEndpoint, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/** The delivery log of one endpoint, newest first. */
export async function listWebhookDeliveries(em: EntityManager, viewer: Viewer, endpointId: string, first?: number | null, after?: string | null): Promise<Page<WebhookDelivery>> {
  requireWebhookManager(viewer);
  const size = pageSize(first);
  const cursor = decodeCursor(after, ['timestamp', 'uuid']);
  if (!(await em.count(WebhookEndpoint, { id: endpointId }))) throw notFound('Webhook endpoint');
  const qb = em.createQueryBuilder(WebhookDelivery, 'd').where({ endpoint: endpointId });
  const totalCount = await qb.clone().getCount();
  if (cursor) qb.andWhere('(d.created_at, d.id) < (?::timestamptz, ?::uuid)', cursor);
  const rows = await qb.orderBy({ createdAt: 'desc', id: 'desc' }).limit(size + 1).getResultList();
  await em.populate(rows, ['event']);
  return toPage(rows, size, (d) => [d.createdAt.toISOString(), d.id], totalCount, cursor);
}

/** Sends an event to the endpoint again as a new delivery (after the ticket's pending ones). */
export async function redeliverWebhook(em: EntityManager, viewer: Viewer, deliveryId: string): Promise<WebhookDelivery> {
  requireWebhookManager(viewer);
  return inTransaction(em, async (tx) => {
    const original = await tx.em.findOne(WebhookDelivery, { id: deliveryId }, { populate: ['endpoint', 'event'] });
    if (!original) throw notFound('Webhook delivery');
    if (!original.endpoint.active) throw conflict('The endpoint is switched off; turn it back on first');
    const copy = Object.assign(new WebhookDelivery(), { endpoint: original.endpoint, event: original.event, orderKey: original.orderKey, status: DeliveryStatus.PENDING });
    tx.em.persist(copy);
    await tx.em.flush();
    await scheduleDrain(tx.em, original.endpoint.id, original.orderKey, undefined, true);
    return copy;
  });
}
