import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import type { Config } from '../config';
import type { TicketService } from '../tickets/tickets.service';
import { type DeliveryChannels, deliverOutboxMessage } from './delivery';
import { createMailer } from './email/mailer';
import { DELIVER_TASK } from './outbox';
import { registerBotHandlers } from './telegram/bot-handlers';
import { createTelegramChannel } from './telegram/telegram-channel';
import { loggerFor } from '../observability/logger';

const log = loggerFor('notifications');

/** The outside channels: email always (SMTP or .eml files), Telegram when a bot token is set. */
export interface Notifier extends DeliveryChannels {
  /** Says once where email goes and whether Telegram is on; starts the bot when `polling`. */
  start(deps: { em: EntityManager; tickets: TicketService }, options: { polling: boolean }): void;
  close(): Promise<void>;
}

export function createNotifier(config: Config): Notifier {
  const mailer = createMailer(config);
  const telegram = createTelegramChannel(config);
  return {
    mailer,
    telegram,
    start(deps, { polling }) {
      log.info(`Email: ${mailer.description}`);
      if (!telegram) {
        log.info('Telegram: off (TELEGRAM_BOT_TOKEN is not set)');
        return;
      }
      if (!polling) return;
      registerBotHandlers(telegram.bot, deps);
      telegram.startPolling();
    },
    async close() {
      await telegram?.stop();
      mailer.close();
    },
  };
}

/** The background tasks of notifications (listed in app/tasks.ts). */
export function notificationTasks(deps: { em: EntityManager; config: Config; notifier: Notifier }): TaskList {
  return {
    [DELIVER_TASK]: async (payload) => {
      const { id } = payload as { id?: unknown };
      if (typeof id !== 'string') throw new Error(`${DELIVER_TASK}: payload has no id`);
      await deliverOutboxMessage(deps.config, deps.notifier, deps.em, id);
    },
  };
}
