import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { inTransaction } from '../db/transaction';
import { badInput, notFound } from '../errors';
import { TicketEventKind } from '../tickets/enums';
import { recordChange } from '../tickets/history';
import { getVisibleTicket } from '../tickets/tickets.query';
import { enqueueDelivery } from './delivery';
import { Channel, OutboxMessage } from './outbox-message.entity';

export const CONTACT_TUTOR_EVENT = 'ticket.contact_tutor';
const MAX_MESSAGE = 3000;

/**
 * Staff write to the ticket's tutor: the ticket's context and the message go through the outbox
 * (so it is never lost) to the tutor's Telegram, where a reply becomes a comment on the ticket.
 * A tutor without Telegram (or with the channel off) gets it by email instead. `ticketId` is parsed.
 * The ticket's history gets an internal CONTACTED_TUTOR entry with the message.
 */
export async function contactTutor(deps: { em: EntityManager; telegramOn: boolean }, viewer: Viewer, input: { ticketId: string; message: string }): Promise<OutboxMessage> {
  const text = input.message.trim();
  if (!text) throw badInput('message', 'message must not be empty');
  if (text.length > MAX_MESSAGE) throw badInput('message', `message must be at most ${MAX_MESSAGE} characters`);
  return inTransaction(deps.em, async (tx) => {
    const { em } = tx;
    const ticket = await getVisibleTicket(em, viewer, input.ticketId);
    if (!ticket.tutor) throw badInput('ticketId', 'This ticket has no tutor');
    const [tutor, sender] = await Promise.all([em.findOne(User, { id: ticket.tutor.id, active: true }), em.findOne(User, { id: viewer.id })]);
    if (!tutor) throw notFound('Tutor');
    const channel = tutor.telegramChatId && deps.telegramOn ? Channel.TELEGRAM : Channel.EMAIL;
    const message = Object.assign(new OutboxMessage(), {
      channel,
      recipient: tutor,
      ticket,
      event: CONTACT_TUTOR_EVENT,
      dedupeKey: `${CONTACT_TUTOR_EVENT}:${ticket.id}:${randomUUID()}`,
      payload: {
        title: `Message about ${ticket.number}`,
        body: text,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        ticketTitle: ticket.title,
        description: ticket.description.slice(0, 1000),
        status: ticket.status,
        senderName: sender?.name ?? 'The support team',
      },
    });
    em.persist(message);
    // Staff see in the ticket's history who wrote to the tutor, when and what; others never do.
    await recordChange(tx, ticket, { actor: viewer, action: 'CONTACTED_TUTOR', comment: text, internal: true, kind: TicketEventKind.COMMENTED });
    await em.flush();
    await enqueueDelivery(em, message.id);
    return message;
  });
}
