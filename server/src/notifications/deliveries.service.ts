import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { type Page, decodeCursor, pageSize, toPage } from '../db/paging';
import { enqueueDelivery } from './delivery';
import { DeliveryStatus, OutboxMessage } from './outbox-message.entity';

/** Outbox rows for admins, newest first, optionally one status (e.g. DEAD to see what failed). */
export async function listDeliveries(em: EntityManager, status: DeliveryStatus | null | undefined, first?: number | null, after?: string | null): Promise<Page<OutboxMessage>> {
  const size = pageSize(first);
  const cursor = decodeCursor(after, ['timestamp', 'uuid']);
  const qb = em.createQueryBuilder(OutboxMessage, 'o');
  if (status) qb.andWhere({ status });
  const totalCount = await qb.clone().getCount();
  if (cursor) qb.andWhere('(o.created_at, o.id) < (?::timestamptz, ?::uuid)', cursor);
  const rows = await qb.orderBy({ createdAt: 'desc', id: 'desc' }).limit(size + 1).getResultList();
  return toPage(rows, size, (o) => [o.createdAt.toISOString(), o.id], totalCount, cursor);
}

/** A DEAD (or SKIPPED) message gets a fresh set of attempts and a new delivery job. */
export function retryDelivery(em: EntityManager, id: string): Promise<OutboxMessage> {
  return inTransaction(em, async ({ em: tx }) => {
    const message = await tx.findOne(OutboxMessage, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!message) throw notFound('Delivery');
    if (message.status === DeliveryStatus.SENT) throw conflict('This message was sent already');
    if (message.status === DeliveryStatus.PENDING) throw conflict('This message is still being delivered');
    Object.assign(message, { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: null });
    await tx.flush();
    await enqueueDelivery(tx, message.id);
    return message;
  });
}
