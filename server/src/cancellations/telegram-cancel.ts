import type { EntityManager } from '@mikro-orm/postgresql';
import type { Bot } from 'grammy';
import { Role } from '../auth/roles';
import { DomainError } from '../errors';
import { userByChat } from '../notifications/telegram/link-codes';
import { TutoringSession } from '../sessions/session.entity';
import { cancelSession, cancellationRefusal, sessionWhen, upcomingSessions } from './cancel-session';
import { loggerFor } from '../observability/logger';

const log = loggerFor('telegram');

const CANCEL = 'cancel_session';
const ASK_REASON = 'Why are you cancelling';
// The reason prompt names its session, so a reply needs no state kept in this process.
const REF = /\nRef: ([0-9a-f-]{36})$/;

/** /upcoming lists a tutor's next sessions with Cancel buttons; a button asks for the reason; the reply cancels. */
export function registerCancellationHandlers(bot: Bot, rootEm: EntityManager): void {
  const em = () => rootEm.fork();
  const tutorOf = async (chatId: number) => {
    const user = await userByChat(em(), chatId);
    return user?.role === Role.TUTOR ? user : null;
  };

  bot.command('upcoming', async (ctx) => {
    const tutor = await tutorOf(ctx.chat.id);
    if (!tutor) return void (await ctx.reply('Link your tutor account first (dashboard: "Link Telegram").'));
    const sessions = await upcomingSessions(em(), tutor.id);
    if (!sessions.length) return void (await ctx.reply('You have no upcoming sessions.'));
    await ctx.reply(`Your next sessions:\n${sessions.map((s) => `• ${sessionWhen(s)}: ${s.subject}`).join('\n')}`, {
      reply_markup: { inline_keyboard: sessions.map((s) => [{ text: `Cancel ${sessionWhen(s)} ${s.subject}`.slice(0, 60), callback_data: `${CANCEL}:${s.id}` }]) },
    });
  });

  bot.callbackQuery(new RegExp(`^${CANCEL}:([0-9a-f-]{36})$`), async (ctx) => {
    const tutor = await tutorOf(ctx.from.id);
    const session = tutor ? await em().findOne(TutoringSession, { id: ctx.match[1] }) : null;
    const refusal = session && tutor ? cancellationRefusal({ id: tutor.id, role: tutor.role }, session) : null;
    if (!session || !tutor || refusal) {
      return void (await ctx.answerCallbackQuery({ text: refusal?.message ?? 'This session cannot be cancelled from here.', show_alert: true }));
    }
    await ctx.answerCallbackQuery();
    await ctx.reply(`${ASK_REASON} ${session.subject} on ${sessionWhen(session)}? Reply to this message with the reason.\nRef: ${session.id}`, {
      reply_markup: { force_reply: true, input_field_placeholder: 'The reason' },
    });
  });

  bot.on('message:text', async (ctx, next) => {
    const prompt = ctx.message.reply_to_message;
    const ref = prompt?.from?.id === ctx.me.id && prompt.text?.startsWith(ASK_REASON) ? REF.exec(prompt.text) : null;
    if (!ref) return next();
    const tutor = await tutorOf(ctx.chat.id);
    if (!tutor) return void (await ctx.reply('Link your tutor account first.'));
    try {
      const { session } = await cancelSession(em(), { id: tutor.id, role: tutor.role }, { sessionId: ref[1], reason: ctx.message.text });
      await ctx.reply(`Cancelled ${session.subject} on ${sessionWhen(session)}. The learners and parents are told; nothing is charged.`);
    } catch (error) {
      if (!(error instanceof DomainError)) log.error({ err: error }, 'telegram cancel failed');
      await ctx.reply(`Not cancelled: ${error instanceof DomainError ? error.message : 'something went wrong; please use the dashboard.'}`);
    }
  });
}
