import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { outboxOf, reportDispute, resolveForParent, waitForRow } from '../support/disputes';
import { FAKE_BOT, FAKE_TOKEN, type FakeTelegram, startFakeTelegram } from '../support/fake-telegram';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';

const PUBLIC_URL = 'https://tickets.example.test';
const CHAT = { coordinator: 5001, tutor: 5002, parent: 5003, stranger: 5009 };

let app: TestApp;
let telegram: FakeTelegram;
let sink: SmtpSink;
const tokens: Record<'coordinator' | 'tutor' | 'parent' | 'admin', string> = {} as never;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  sink = await startSmtpSink();
  app = await startTestApp({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, PUBLIC_URL, SMTP_URL: sink.url, NOTIFY_RETRY_BASE: '1s' });
  for (const who of ['coordinator', 'tutor', 'parent', 'admin'] as const) tokens[who] = await app.login(`${who}@demo.test`);
});
afterAll(async () => {
  if (process.env.DEBUG_TELEGRAM) console.log(JSON.stringify(telegram.calls.filter((c) => c.method !== 'getUpdates'), null, 1));
  await app?.close();
  await telegram?.close();
  await sink?.stop();
});

const LINK = 'mutation { createTelegramLinkCode { code url expiresAt } }';
const ME = '{ me { telegramLinked telegramNotifications emailNotifications } }';
const botSaid = (chatId: number, prefix: string) => telegram.waitForSent((m) => m.chat_id === String(chatId) && m.text.startsWith(prefix));

async function link(who: keyof typeof CHAT & keyof typeof tokens) {
  if ((await app.gql(ME, {}, tokens[who])).data.me.telegramLinked) return;
  const { code } = (await app.gql(LINK, {}, tokens[who])).data.createTelegramLinkCode;
  telegram.userSays(CHAT[who], `/start ${code}`);
  await botSaid(CHAT[who], 'Linked to');
}

describe('linking a Telegram account', () => {
  it('links through the deep link /start <code>, once, within 15 minutes', async () => {
    const before = Date.now();
    const created = (await app.gql(LINK, {}, tokens.coordinator)).data.createTelegramLinkCode;
    expect(created.url).toBe(`https://t.me/${FAKE_BOT.username}?start=${created.code}`);
    expect(created.code).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    const ttl = new Date(created.expiresAt).getTime() - before;
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000 + 1000);
    const stored = await app.orm.em.fork().getConnection().execute('select code_hash from telegram_link_codes');
    expect(JSON.stringify(stored)).not.toContain(created.code);
    expect((await app.gql(ME, {}, tokens.coordinator)).data.me.telegramLinked).toBe(false);

    telegram.userSays(CHAT.coordinator, `/start ${created.code}`);
    expect((await botSaid(CHAT.coordinator, 'Linked to')).text).toContain('coordinator@demo.test');
    expect((await app.gql(ME, {}, tokens.coordinator)).data.me).toEqual({ telegramLinked: true, telegramNotifications: true, emailNotifications: true });

    telegram.userSays(CHAT.stranger, `/start ${created.code}`); // used already
    expect((await botSaid(CHAT.stranger, 'This link is invalid')).text).toContain('expired');
  });

  it('refuses an expired code', async () => {
    const { code } = (await app.gql(LINK, {}, tokens.parent)).data.createTelegramLinkCode;
    await app.orm.em.fork().getConnection().execute("update telegram_link_codes set expires_at = now() - interval '1 minute' where used_at is null");
    telegram.userSays(CHAT.parent, `/start ${code}`);
    await botSaid(CHAT.parent, 'This link is invalid');
    expect((await app.gql(ME, {}, tokens.parent)).data.me.telegramLinked).toBe(false);
  });
});

describe('the bot at work', () => {
  let ticket: { id: string; number: string };

  beforeAll(async () => {
    await link('coordinator');
    await link('tutor');
    await link('parent');
  });

  it('sends coordinators each new dispute with "open in dashboard" and "assign to me"; the button assigns', async () => {
    ticket = await reportDispute(app, tokens.parent, { title: 'No show on Tuesday' });
    const message = await telegram.waitForSent((m) => m.chat_id === String(CHAT.coordinator) && m.text.includes(ticket.number));
    expect(message.text).toContain('No show on Tuesday');
    expect(message.reply_markup.inline_keyboard).toEqual([
      [
        { text: 'Open in dashboard', url: `${PUBLIC_URL}/tickets/${ticket.id}` },
        { text: 'Assign to me', callback_data: `assign:${ticket.id}` },
      ],
    ]);
    const row = await waitForRow(app, ticket.id, (r) => r.channel === 'TELEGRAM' && r.status === 'SENT');
    expect(row).toMatchObject({ recipient: 'coordinator@demo.test', event: 'ticket.created', external_id: `${CHAT.coordinator}:${message.message_id}` });

    // Someone who is not staff presses it: refused, nothing changes.
    const refusedId = telegram.pressButton(CHAT.parent, message, `assign:${ticket.id}`);
    const refused = await telegram.waitForCall('answerCallbackQuery', (p) => p.callback_query_id === refusedId);
    expect(refused.payload).toMatchObject({ show_alert: true });

    const callbackId = telegram.pressButton(CHAT.coordinator, message, `assign:${ticket.id}`);
    const answer = await telegram.waitForCall('answerCallbackQuery', (p) => p.callback_query_id === callbackId);
    expect(answer.payload.text).toBe(`${ticket.number} is assigned to you.`);
    const assigned = await app.gql('query($id: ID!) { ticket(id: $id) { assignee { email } } }', { id: ticket.id }, tokens.admin);
    expect(assigned.data.ticket.assignee).toEqual({ email: 'coordinator@demo.test' });
  });

  it("contactTutor sends the tutor the ticket's context; the tutor's reply becomes a public comment", async () => {
    const CONTACT = 'mutation($t: ID!, $m: String!) { contactTutor(ticketId: $t, message: $m) { id channel status } }';
    expect(errorCode(await app.gql(CONTACT, { t: ticket.id, m: 'hi' }, tokens.parent))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(CONTACT, { t: ticket.id, m: '   ' }, tokens.coordinator))).toBe('BAD_USER_INPUT');
    const contact = await app.gql(CONTACT, { t: ticket.id, m: 'Did Mia join on time?' }, tokens.coordinator);
    expect(contact.data.contactTutor).toMatchObject({ channel: 'TELEGRAM', status: 'PENDING' });

    const question = await telegram.waitForSent((m) => m.chat_id === String(CHAT.tutor) && m.text.includes('Did Mia join on time?'));
    expect(question.text).toContain(ticket.number);
    expect(question.text).toContain('We waited 20 minutes.'); // the report's context
    expect(question.reply_markup).toMatchObject({ force_reply: true });

    const row = await waitForRow(app, ticket.id, (r) => r.id === contact.data.contactTutor.id && r.status === 'SENT');
    expect(row.external_id).toBe(`${CHAT.tutor}:${question.message_id}`);
    telegram.userSays(CHAT.tutor, 'Yes, she joined at 15:02.', question);
    await botSaid(CHAT.tutor, `Added to ${ticket.number}`);
    const logs = (await app.gql('query($id: ID!) { ticket(id: $id) { logs { action comment actor { email } } } }', { id: ticket.id }, tokens.coordinator)).data.ticket.logs;
    expect(logs).toContainEqual({ action: 'COMMENTED', comment: 'Yes, she joined at 15:02.', actor: { email: 'tutor@demo.test' } });
  });

  it('sends the parent the resolution', async () => {
    await resolveForParent(app, tokens.coordinator, ticket.id);
    const message = await telegram.waitForSent((m) => m.chat_id === String(CHAT.parent) && m.text.startsWith(`Ticket ${ticket.number} was resolved`));
    expect(message.text).toContain('Sorry about that: the lesson is credited.');
    expect(message.reply_markup.inline_keyboard[0]).toEqual([{ text: 'Open in dashboard', url: `${PUBLIC_URL}/tickets/${ticket.id}` }]);
  });

  it('marks a message to a chat that blocked the bot DEAD with the error', async () => {
    const second = await reportDispute(app, tokens.parent);
    telegram.blockedChats.add(String(CHAT.parent));
    try {
      await resolveForParent(app, tokens.coordinator, second.id);
      const dead = await waitForRow(app, second.id, (r) => r.channel === 'TELEGRAM' && r.recipient === 'parent@demo.test' && r.status === 'DEAD');
      expect(dead.attempts).toBe(1);
      expect(dead.last_error).toBe('Telegram 403: Forbidden: bot was blocked by the user');
    } finally {
      telegram.blockedChats.clear();
    }
  });

  it('respects a user who turned Telegram off', async () => {
    const off = await app.gql('mutation { updateNotificationPreferences(telegram: false) { telegramNotifications emailNotifications } }', {}, tokens.coordinator);
    expect(off.data.updateNotificationPreferences).toEqual({ telegramNotifications: false, emailNotifications: true });
    const third = await reportDispute(app, tokens.parent);
    expect((await outboxOf(app, third.id)).filter((r) => r.channel === 'TELEGRAM')).toEqual([]);
    await app.gql('mutation { updateNotificationPreferences(telegram: true) { telegramNotifications } }', {}, tokens.coordinator);
  });
});
