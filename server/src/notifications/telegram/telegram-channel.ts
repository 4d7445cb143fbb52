import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, GrammyError } from 'grammy';
import type { Config } from '../../config';
import { PermanentDeliveryError, describeError } from '../delivery-errors';
import type { TelegramMessage } from './render-telegram';
import { loggerFor } from '../../observability/logger';

const log = loggerFor('telegram');

export interface TelegramChannel {
  readonly bot: Bot;
  /** Sends one message; returns Telegram's message id (replies to it name it). */
  send(chatId: string, message: TelegramMessage): Promise<number>;
  /** For the deep link t.me/<username>?start=<code>. */
  botUsername(): Promise<string>;
  /** Long polling in the background; errors are logged, never thrown into the server. */
  startPolling(): void;
  stop(): Promise<void>;
}

/** The Telegram channel, or null when TELEGRAM_BOT_TOKEN is unset (the channel is off). */
export function createTelegramChannel(config: Config): TelegramChannel | null {
  if (!config.telegramBotToken) return null;
  const bot = new Bot(config.telegramBotToken, config.telegramApiRoot ? { client: { apiRoot: config.telegramApiRoot } } : undefined);
  // Telegram's limits: about 30 messages a second overall and one a second per chat. The throttler
  // queues below them; auto-retry honours a 429's retry_after, bounded so a delivery never hangs.
  bot.api.config.use(apiThrottler());
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  bot.catch((error) => log.error({ updateId: error.ctx.update.update_id, reason: describeError(error.error) }, 'telegram update failed'));

  const abort = new AbortController();
  // grammy types its signal with the abort-controller shim; the built-in one is what it uses on Node 20.
  const signal = abort.signal as unknown as Parameters<Bot['init']>[0];
  let stopped = false;
  return {
    bot,
    async send(chatId, message) {
      try {
        const sent = await bot.api.sendMessage(chatId, message.text, {
          reply_markup: message.replyMarkup,
          link_preview_options: { is_disabled: true },
        });
        return sent.message_id;
      } catch (error) {
        // 400 (chat not found) and 403 (the user blocked the bot) will not heal on a retry.
        if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403)) {
          throw new PermanentDeliveryError(`Telegram ${error.error_code}: ${error.description}`);
        }
        throw new Error(`Telegram: ${describeError(error)}`);
      }
    },
    async botUsername() {
      if (!bot.isInited()) await bot.init(signal);
      return bot.botInfo.username;
    },
    startPolling() {
      // init ourselves so stop() can abort it while Telegram is unreachable (bot.start's own init cannot be).
      void (async () => {
        await bot.init(signal);
        if (stopped) return;
        await bot.start({
          allowed_updates: ['message', 'callback_query'],
          onStart: (me) => log.info(`Telegram: @${me.username} is listening (long polling)`),
        });
      })().catch((error) => {
        if (!stopped) log.error({ reason: describeError(error) }, 'Telegram: polling stopped');
      });
    },
    async stop() {
      stopped = true;
      abort.abort();
      if (bot.isRunning()) {
        await Promise.race([bot.stop().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
      }
    },
  };
}
