import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_BOT = { id: 777000, is_bot: true, first_name: 'Tickets', username: 'tickets_test_bot' };
export const FAKE_TOKEN = '777000:TEST-token';

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
}

export interface SentMessage {
  message_id: number;
  chat_id: string;
  text: string;
  reply_markup?: any;
}

export interface FakeTelegram {
  apiRoot: string;
  calls: ApiCall[];
  sent: SentMessage[];
  /** sendMessage to these chats fails with 403 (the user blocked the bot). */
  blockedChats: Set<string>;
  /** Queues an update for getUpdates (update_id is assigned). */
  pushUpdate(update: Record<string, unknown>): void;
  /** The user in `chatId` types `text` in the private chat, optionally replying to one of the bot's messages. */
  userSays(chatId: number, text: string, replyTo?: SentMessage): void;
  /** The user in `chatId` presses an inline button with `data` under `message`. */
  pressButton(chatId: number, message: SentMessage, data: string): string;
  waitForSent(match: (m: SentMessage) => boolean, timeoutMs?: number): Promise<SentMessage>;
  waitForCall(method: string, match?: (payload: Record<string, any>) => boolean, timeoutMs?: number): Promise<ApiCall>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (!body) return {};
  if (!String(req.headers['content-type']).includes('json')) throw new Error(`unexpected content type ${req.headers['content-type']}`);
  return JSON.parse(body);
}

async function waitUntil<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A local Bot API server speaking Telegram's HTTP protocol: POST /bot<token>/<method> with JSON,
 * answered `{ ok, result }`. getUpdates long-polls like Telegram's (held until an update arrives or
 * the timeout passes; `offset` confirms earlier updates). It records every call.
 */
export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: ApiCall[] = [];
  const sent: SentMessage[] = [];
  const blockedChats = new Set<string>();
  let updates: Array<Record<string, unknown> & { update_id: number }> = [];
  let nextUpdateId = 1;
  let nextMessageId = 100;
  let waiters: Array<() => void> = [];
  const wake = () => {
    const current = waiters;
    waiters = [];
    current.forEach((fn) => fn());
  };
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    if (res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (!match || match[1] !== FAKE_TOKEN) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2];
    const payload = await readJson(req);
    calls.push({ method, payload });
    switch (method) {
      case 'getMe':
        return reply(res, 200, { ok: true, result: FAKE_BOT });
      case 'getUpdates': {
        const offset = Number(payload.offset ?? 0);
        updates = updates.filter((u) => u.update_id >= offset); // confirmed ones are gone
        const answer = () => reply(res, 200, { ok: true, result: updates.slice(0, Number(payload.limit ?? 100)) });
        if (updates.length || !payload.timeout) return answer();
        const timer = setTimeout(answer, Number(payload.timeout) * 1000);
        waiters.push(() => {
          clearTimeout(timer);
          answer();
        });
        req.once('close', () => clearTimeout(timer));
        return;
      }
      case 'sendMessage': {
        const chatId = String(payload.chat_id);
        if (blockedChats.has(chatId)) return reply(res, 403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
        const message = { message_id: nextMessageId++, chat_id: chatId, text: String(payload.text), reply_markup: payload.reply_markup };
        sent.push(message);
        return reply(res, 200, {
          ok: true,
          result: { message_id: message.message_id, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: 'private' }, from: FAKE_BOT, text: message.text, reply_markup: payload.reply_markup },
        });
      }
      default: // deleteWebhook, answerCallbackQuery, setMyCommands ...
        return reply(res, 200, { ok: true, result: true });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const person = (chatId: number) => ({ id: chatId, is_bot: false, first_name: `User ${chatId}` });
  const pushUpdate = (update: Record<string, unknown>) => {
    updates.push({ update_id: nextUpdateId++, ...update });
    wake();
  };
  const asMessage = (m: SentMessage) => ({ message_id: m.message_id, date: Math.floor(Date.now() / 1000), chat: { id: Number(m.chat_id), type: 'private' }, from: FAKE_BOT, text: m.text });

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    sent,
    blockedChats,
    pushUpdate,
    userSays(chatId, text, replyTo) {
      const command = /^\/\w+/.exec(text);
      pushUpdate({
        message: {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private', first_name: `User ${chatId}` },
          from: person(chatId),
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
          ...(replyTo ? { reply_to_message: asMessage(replyTo) } : {}),
        },
      });
    },
    pressButton(chatId, message, data) {
      const id = `cb-${nextUpdateId}`;
      pushUpdate({ callback_query: { id, from: person(chatId), message: asMessage(message), chat_instance: `ci-${chatId}`, data } });
      return id;
    },
    waitForSent: (match, timeoutMs = 15_000) => waitUntil(() => sent.find(match), 'a sent Telegram message', timeoutMs),
    waitForCall: (method, match = () => true, timeoutMs = 15_000) =>
      waitUntil(() => calls.find((c) => c.method === method && match(c.payload)), `a ${method} call`, timeoutMs),
    async close() {
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
