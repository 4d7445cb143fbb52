import type { EntityManager } from '@mikro-orm/postgresql';
import type { Bot } from 'grammy';
import { isStaff } from '../../auth/roles';
import { DomainError } from '../../errors';
import type { Viewer } from '../../auth/viewer';
import type { TicketService } from '../../tickets/tickets.service';
import { Channel, OutboxMessage } from '../outbox-message.entity';
import { redeemLinkCode, userByChat } from './link-codes';
import { ASSIGN_TO_ME } from './render-telegram';
import { registerCancellationHandlers } from '../../cancellations/telegram-cancel';
import { loggerFor } from '../../observability/logger';

const log = loggerFor('telegram');

const HELP = 'Hello! I send updates about your Tickets. To link this chat, open the dashboard and choose "Link Telegram".';

/** What a user may read about a refused action: our own errors say it; anything else stays on the server. */
const reason = (error: unknown) => (error instanceof DomainError ? error.message : 'Something went wrong; please use the dashboard.');

/** The bot's conversation: /start <code> links an account, "Assign to me", replies become comments. */
export function registerBotHandlers(bot: Bot, deps: { em: EntityManager; tickets: TicketService }): void {
  const em = () => deps.em.fork();
  registerCancellationHandlers(bot, deps.em);

  bot.command('start', async (ctx) => {
    const code = ctx.match.trim();
    if (!code) return void (await ctx.reply(HELP));
    if (ctx.chat.type !== 'private') return void (await ctx.reply('Please link your account in a private chat with me.'));
    const user = await redeemLinkCode(em(), code, String(ctx.chat.id));
    await ctx.reply(
      user
        ? `Linked to ${user.name} (${user.email}). Ticket updates will arrive here; you can turn them off in the dashboard.`
        : 'This link is invalid, used or expired. Create a new one in the dashboard.',
    );
  });

  bot.callbackQuery(new RegExp(`^${ASSIGN_TO_ME}:([0-9a-f-]{36})$`), async (ctx) => {
    const user = await userByChat(em(), ctx.from.id);
    if (!user || !isStaff(user.role)) {
      return void (await ctx.answerCallbackQuery({ text: 'Only a linked coordinator or admin account can take tickets.', show_alert: true }));
    }
    const viewer: Viewer = { id: user.id, role: user.role };
    try {
      const ticket = await deps.tickets.assign(viewer, { ticketId: ctx.match[1], assigneeId: user.id });
      await ctx.answerCallbackQuery({ text: `${ticket.number} is assigned to you.` });
    } catch (error) {
      if (!(error instanceof DomainError)) log.error({ err: error }, 'telegram assign failed');
      await ctx.answerCallbackQuery({ text: `Not assigned: ${reason(error)}`, show_alert: true });
    }
  });

  // A reply to one of our ticket messages (e.g. staff asking the tutor) becomes a public comment.
  bot.on('message:text', async (ctx) => {
    const repliedTo = ctx.message.reply_to_message;
    if (!repliedTo || repliedTo.from?.id !== ctx.me.id) return void (await ctx.reply(HELP));
    const sent = await em().findOne(OutboxMessage, { channel: Channel.TELEGRAM, externalId: `${ctx.chat.id}:${repliedTo.message_id}` }, { populate: ['ticket'] });
    const user = await userByChat(em(), ctx.chat.id);
    if (!sent?.ticket || !user || sent.recipient.id !== user.id) {
      return void (await ctx.reply('I can only take replies to ticket messages sent to your linked account.'));
    }
    try {
      await deps.tickets.comment({ id: user.id, role: user.role }, { ticketId: sent.ticket.id, body: ctx.message.text, internal: false });
      await ctx.reply(`Added to ${sent.ticket.number} as a comment.`, { reply_parameters: { message_id: ctx.message.message_id } });
    } catch (error) {
      if (!(error instanceof DomainError)) log.error({ err: error }, 'telegram comment failed');
      await ctx.reply(`Not added: ${reason(error)}`);
    }
  });
}
