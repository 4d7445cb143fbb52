import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/src/auth/user.entity';
import { loadConfig } from '../../server/src/config';
import { inTransaction } from '../../server/src/db/transaction';
import { enqueueDelivery } from '../../server/src/notifications/delivery';
import { createMailer, messageIdFor } from '../../server/src/notifications/email/mailer';
import { announce } from '../../server/src/notifications/outbox';
import { Ticket } from '../../server/src/tickets/ticket.entity';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { outboxOf, reportDispute, resolveForParent, waitForDeliveryJob, waitForRow } from '../support/disputes';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';

const PUBLIC_URL = 'https://tickets.example.test';
const MAIL_FROM = 'Tickets <tickets@example.test>';

let app: TestApp;
let sink: SmtpSink;
let parent: string;
let coordinator: string;
let admin: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await startTestApp({ SMTP_URL: sink.url, MAIL_FROM, PUBLIC_URL, NOTIFY_RETRY_BASE: '1s', NOTIFY_MAX_ATTEMPTS: '3' });
  [parent, coordinator, admin] = await Promise.all(['parent@demo.test', 'coordinator@demo.test', 'admin@demo.test'].map((e) => app.login(e)));
});
afterAll(async () => {
  await app?.close();
  await sink?.stop();
});

const mailsWithId = (messageId: string) => sink.received.filter((m) => m.mail.messageId === messageId);

describe('email delivery over SMTP', () => {
  it('emails the tutor about a new dispute: recipient, subject, escaped HTML, ticket link, stable Message-ID', async () => {
    const title = 'Tutor <b>never</b> came & "left"';
    const { id, number } = await reportDispute(app, parent, { title });
    const [{ to, mail }] = await sink.waitFor((m) => m.to.includes('tutor@demo.test') && (m.mail.subject ?? '').includes(number));
    expect(to).toEqual(['tutor@demo.test']);
    expect(mail.from?.value[0].address).toBe('tickets@example.test');
    expect(mail.subject).toBe(`New ticket ${number}: ${title}`);
    const link = `${PUBLIC_URL}/tickets/${id}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain('Tutor &lt;b&gt;never&lt;/b&gt; came &amp; &quot;left&quot;');
    expect(mail.html).not.toContain('<b>never');

    const row = await waitForRow(app, id, (r) => r.channel === 'EMAIL' && r.status === 'SENT');
    expect(row).toMatchObject({ event: 'ticket.created', recipient: 'tutor@demo.test', attempts: 1, last_error: null });
    expect(mail.messageId).toBe(messageIdFor(row.dedupe_key, MAIL_FROM));
    expect(row.external_id).toBe(mail.messageId);
  });

  it('emails the reporter the resolution, and the billed parent that the invoice changed', async () => {
    const { id, number } = await reportDispute(app, parent);
    await resolveForParent(app, coordinator, id);
    const [resolved] = await sink.waitFor((m) => m.to.includes('parent@demo.test') && m.mail.subject === `Ticket ${number} was resolved`);
    expect(resolved.mail.text).toContain('Sorry about that: the lesson is credited.');
    expect(resolved.mail.text).toContain(`${PUBLIC_URL}/tickets/${id}`);
    const invoiceRow = await waitForRow(app, id, (r) => r.event === 'invoice.updated' && r.status === 'SENT');
    expect(invoiceRow.recipient).toBe('parent@demo.test');
    const [invoiceMail] = mailsWithId(invoiceRow.external_id!);
    expect(invoiceMail.mail.subject).toMatch(/^Invoice .+ was updated$/);
    expect(invoiceMail.mail.text).toContain(number);
  });

  it('sends nothing to a user who turned email off, at write time and at send time; in-app stays on', async () => {
    const tutor = await app.login('tutor@demo.test');
    const off = await app.gql('mutation { updateNotificationPreferences(email: false) { emailNotifications telegramNotifications } }', {}, tutor);
    expect(off.data.updateNotificationPreferences).toEqual({ emailNotifications: false, telegramNotifications: true });
    const { id } = await reportDispute(app, parent);
    expect((await outboxOf(app, id)).filter((r) => r.recipient === 'tutor@demo.test')).toEqual([]);
    const inApp = await app.gql('{ notifications(first: 5) { edges { node { title ticket { id } } } } }', {}, tutor);
    expect(inApp.data.notifications.edges.map((e: any) => e.node.ticket?.id)).toContain(id);
    await app.gql('mutation { updateNotificationPreferences(email: true) { emailNotifications } }', {}, tutor);

    // Opted out after the message was written, before it went out: SKIPPED, nothing sent.
    await inTransaction(app.orm.em as EntityManager, async (tx) => {
      const ticket = await tx.em.findOneOrFail(Ticket, { id });
      const user = await tx.em.findOneOrFail(User, { email: 'tutor@demo.test' });
      await announce(tx, { event: 'test.late-opt-out', ticket, title: 'Late', body: 'Late', recipients: [{ user, channels: ['EMAIL'] }] });
      user.emailNotifications = false;
    });
    const skipped = await waitForRow(app, id, (r) => r.event === 'test.late-opt-out' && r.status !== 'PENDING');
    expect(skipped).toMatchObject({ status: 'SKIPPED', attempts: 0, last_error: 'Recipient turned email notifications off' });
    await app.gql('mutation { updateNotificationPreferences(email: true) { emailNotifications } }', {}, tutor);
  });

  it('delivers on the third attempt, exactly once, when the SMTP server is down for the first two', async () => {
    await sink.stop();
    const { id, number } = await reportDispute(app, parent);
    const failing = await waitForRow(app, id, (r) => r.channel === 'EMAIL' && r.attempts >= 2);
    expect(failing.status).toBe('PENDING');
    expect(failing.last_error).toMatch(/ECONNREFUSED/);
    await sink.start();
    const sent = await waitForRow(app, id, (r) => r.channel === 'EMAIL' && r.status === 'SENT', 30_000);
    expect(sent.attempts).toBe(3);
    expect(sent.last_error).toBeNull();
    await waitForDeliveryJob(app, sent.id);
    const copies = mailsWithId(sent.external_id!);
    expect(copies).toHaveLength(1);
    expect(copies[0].mail.subject).toContain(number);
  });

  it('never sends a SENT message again, even when its job runs again', async () => {
    const { id } = await reportDispute(app, parent);
    const sent = await waitForRow(app, id, (r) => r.channel === 'EMAIL' && r.status === 'SENT');
    await inTransaction(app.orm.em as EntityManager, (tx) => enqueueDelivery(tx.em, sent.id));
    await waitForDeliveryJob(app, sent.id);
    expect(mailsWithId(sent.external_id!)).toHaveLength(1);
    expect((await outboxOf(app, id)).find((r) => r.id === sent.id)).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('ends DEAD with the error after a permanent failure; admins see it and retry it', async () => {
    sink.rejectRecipients.add('tutor@demo.test');
    const { id } = await reportDispute(app, parent);
    const dead = await waitForRow(app, id, (r) => r.channel === 'EMAIL' && r.status === 'DEAD');
    sink.rejectRecipients.clear();
    expect(dead.attempts).toBe(1);
    expect(dead.last_error).toMatch(/^SMTP 550: .*Mailbox unavailable/);

    const DEAD_LIST = '{ deliveries(status: DEAD, first: 50) { totalCount edges { node { id status attempts lastError channel event recipient { email } ticket { id } } } } }';
    expect(errorCode(await app.gql(DEAD_LIST, {}, coordinator))).toBe('FORBIDDEN');
    const listed = (await app.gql(DEAD_LIST, {}, admin)).data.deliveries.edges.map((e: any) => e.node);
    expect(listed).toContainEqual({ id: dead.id, status: 'DEAD', attempts: 1, lastError: dead.last_error, channel: 'EMAIL', event: 'ticket.created', recipient: { email: 'tutor@demo.test' }, ticket: { id } });

    const RETRY = 'mutation($id: ID!) { retryDelivery(id: $id) { id status attempts } }';
    expect(errorCode(await app.gql(RETRY, { id: dead.id }, coordinator))).toBe('FORBIDDEN');
    expect((await app.gql(RETRY, { id: dead.id }, admin)).data.retryDelivery).toEqual({ id: dead.id, status: 'PENDING', attempts: 0 });
    const sent = await waitForRow(app, id, (r) => r.id === dead.id && r.status === 'SENT');
    expect(mailsWithId(sent.external_id!)).toHaveLength(1);
    expect(errorCode(await app.gql(RETRY, { id: dead.id }, admin))).toBe('CONFLICT');
  });

  it('ends DEAD with the last error when every attempt fails', async () => {
    await sink.stop();
    try {
      const { id } = await reportDispute(app, parent);
      const dead = await waitForRow(app, id, (r) => r.channel === 'EMAIL' && r.status === 'DEAD', 30_000);
      expect(dead.attempts).toBe(3);
      expect(dead.last_error).toMatch(/ECONNREFUSED/);
    } finally {
      await sink.start();
    }
  });
});

describe('email without SMTP_URL', () => {
  it('writes an .eml file under DATA_DIR/mail', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tickets-mail-'));
    const mailer = createMailer(loadConfig({ DATA_DIR: dataDir, MAIL_FROM }));
    expect(mailer.description).toContain(path.join(dataDir, 'mail'));
    const messageId = messageIdFor('some-key', MAIL_FROM);
    await mailer.send({ to: { name: 'Tess Tutor', address: 'tutor@demo.test' }, subject: 'Hello', text: 'Plain', html: '<p>Html</p>', messageId, fileKey: 'row-1' });
    const files = readdirSync(path.join(dataDir, 'mail'));
    expect(files).toEqual(['row-1.eml']);
    const parsed = await simpleParser(readFileSync(path.join(dataDir, 'mail', 'row-1.eml')));
    expect(parsed).toMatchObject({ subject: 'Hello', messageId, text: 'Plain' });
    expect(parsed.to).toMatchObject({ value: [{ address: 'tutor@demo.test', name: 'Tess Tutor' }] });
    mailer.close();
  });
});

describe('Telegram switched off', () => {
  it('refuses a link code when no bot token is set', async () => {
    expect(errorCode(await app.gql('mutation { createTelegramLinkCode { code } }', {}, parent))).toBe('CONFLICT');
  });
});
