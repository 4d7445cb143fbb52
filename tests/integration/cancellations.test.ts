import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceStatus } from '../../server/src/billing/invoice.entity';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { FAKE_TOKEN, type FakeTelegram, startFakeTelegram } from '../support/fake-telegram';
import { createDisputableSessions, sql } from '../support/fixtures';

const CHAT = { tutor: 6102, parent: 6103 };
const CANCEL = 'mutation($id: ID!, $r: String!) { cancelSession(sessionId: $id, reason: $r) { id status cancelledAt cancellationReason cancelledBy { email } } }';
const INVOICE = 'query($id: ID!) { invoice(id: $id) { status balance { amountMinor } lines { voided credited { amountMinor } } creditNotes { number amount { amountMinor } ticket { id } } } }';

let app: TestApp;
let telegram: FakeTelegram;
const tokens: Record<string, string> = {};

/** Fresh sessions of tutor@ with mia@ (billed to parent@) turned into SCHEDULED ones `hoursAhead` from now, with no payout yet. */
async function scheduled(options: { invoiced: number; packaged?: number; invoiceStatus?: InvoiceStatus; hoursAhead?: number }) {
  const made = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', ...options });
  await sql(app, `update tutoring_sessions set status = 'SCHEDULED', scheduled_start = now() + ? * interval '1 hour', scheduled_end = now() + ? * interval '1 hour',
    tutor_joined_at = null, tutor_left_at = null, ended_by_id = null where id in (?)`, [options.hoursAhead ?? 48, (options.hoursAhead ?? 48) + 1, made.sessionIds]);
  await sql(app, 'update session_participants set joined_at = null, left_at = null where session_id in (?)', [made.sessionIds]);
  await sql(app, 'delete from tutor_payouts where session_id in (?)', [made.sessionIds]);
  return made;
}

async function link(who: 'tutor' | 'parent') {
  const { code } = (await app.gql('mutation { createTelegramLinkCode { code } }', {}, tokens[who])).data.createTelegramLinkCode;
  telegram.userSays(CHAT[who], `/start ${code}`);
  await telegram.waitForSent((m) => m.chat_id === String(CHAT[who]) && m.text.startsWith('Linked to'));
}

beforeAll(async () => {
  telegram = await startFakeTelegram();
  app = await startTestApp({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot });
  for (const who of ['tutor', 'parent', 'parent2', 'tutor2', 'coordinator']) tokens[who] = await app.login(`${who}@demo.test`);
  await link('tutor');
  await link('parent');
});
afterAll(async () => {
  await app?.close();
  await telegram?.close();
});

describe('tutor cancellations', () => {
  it('from Telegram: /upcoming, the Cancel button, the reason; parents told on every channel; a credit note on the issued invoice; no payout', async () => {
    const { sessionIds: [sessionId], invoiceId } = await scheduled({ invoiced: 1, invoiceStatus: InvoiceStatus.ISSUED, hoursAhead: 1 });
    telegram.userSays(CHAT.tutor, '/upcoming');
    const list = await telegram.waitForSent((m) => m.chat_id === String(CHAT.tutor) && m.text.startsWith('Your next sessions'));
    const buttons = list.reply_markup.inline_keyboard.flat();
    const button = buttons.find((b: any) => b.callback_data === `cancel_session:${sessionId}`);
    expect(button.text).toMatch(/^Cancel .+ Test lesson$/);
    expect(buttons[0]).toBe(button); // the soonest first

    telegram.pressButton(CHAT.tutor, list, button.callback_data);
    const prompt = await telegram.waitForSent((m) => m.chat_id === String(CHAT.tutor) && m.text.startsWith('Why are you cancelling'));
    expect(prompt.reply_markup).toMatchObject({ force_reply: true });
    telegram.userSays(CHAT.tutor, 'I am ill, sorry', prompt);
    await telegram.waitForSent((m) => m.chat_id === String(CHAT.tutor) && m.text.startsWith('Cancelled Test lesson'));

    const session = (await app.gql(`query($id: ID!) { session(id: $id) { status cancelledAt cancellationReason cancelledBy { email } } }`, { id: sessionId }, tokens.parent)).data.session;
    expect(session).toMatchObject({ status: 'CANCELLED', cancellationReason: 'I am ill, sorry', cancelledBy: { email: 'tutor@demo.test' } });
    const told = await telegram.waitForSent((m) => m.chat_id === String(CHAT.parent) && m.text.includes('Session cancelled'));
    expect(told.text).toContain('I am ill, sorry');
    const rows = await sql(app, `select u.email, o.channel from outbox_messages o join users u on u.id = o.recipient_id where o.event = 'session.cancelled' and o.payload->>'sessionId' = ? order by 1, 2`, [sessionId]);
    expect(rows).toEqual(expect.arrayContaining([{ email: 'parent@demo.test', channel: 'EMAIL' }, { email: 'parent@demo.test', channel: 'TELEGRAM' }, { email: 'mia@demo.test', channel: 'EMAIL' }]));
    const inApp = await app.gql('{ notifications(first: 20) { edges { node { title } } } }', {}, tokens.parent);
    expect(inApp.data.notifications.edges.map((e: any) => e.node.title)).toContainEqual(expect.stringMatching(/^Session cancelled: Test lesson/));

    const invoice = (await app.gql(INVOICE, { id: invoiceId }, tokens.parent)).data.invoice;
    expect(invoice.creditNotes).toEqual([expect.objectContaining({ amount: { amountMinor: 3000 }, ticket: null })]);
    expect(invoice.balance.amountMinor).toBe(0);
    expect((await sql(app, 'select count(*)::int as n from tutor_payouts where session_id = ?', [sessionId]))[0].n).toBe(0);

    // The button again: the session is cancelled already.
    telegram.pressButton(CHAT.tutor, list, button.callback_data);
    await telegram.waitForCall('answerCallbackQuery', (p) => /cancelled, not scheduled/.test(p.text ?? ''));
  });

  it('money per invoice status: a draft line is voided, a paid invoice gets a credit note, a package credit comes back', async () => {
    const draft = await scheduled({ invoiced: 1, invoiceStatus: InvoiceStatus.DRAFT });
    const paid = await scheduled({ invoiced: 1, invoiceStatus: InvoiceStatus.PAID });
    const pack = await scheduled({ invoiced: 0, packaged: 1 });
    const usedBefore = (await sql(app, 'select credits_used from packages where id = ?', [pack.packageId]))[0].credits_used;
    for (const { sessionIds } of [draft, paid, pack]) {
      const result = await app.gql(CANCEL, { id: sessionIds[0], r: 'Teacher training day' }, tokens.tutor);
      expect(result.data.cancelSession).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Teacher training day', cancelledBy: { email: 'tutor@demo.test' } });
    }
    const draftInvoice = (await app.gql(INVOICE, { id: draft.invoiceId }, tokens.parent)).data.invoice;
    expect(draftInvoice).toMatchObject({ status: 'DRAFT', lines: [{ voided: true, credited: { amountMinor: 3000 } }], creditNotes: [] });
    const paidInvoice = (await app.gql(INVOICE, { id: paid.invoiceId }, tokens.parent)).data.invoice;
    expect(paidInvoice.creditNotes).toEqual([expect.objectContaining({ amount: { amountMinor: 3000 } })]);
    expect((await sql(app, 'select credits_used from packages where id = ?', [pack.packageId]))[0].credits_used).toBe(usedBefore - 1);
  });

  it('refuses a started session (CONFLICT), strangers (NOT_FOUND), the family (FORBIDDEN) and an empty reason; staff may cancel', async () => {
    const { sessionIds: [started] } = await scheduled({ invoiced: 1, hoursAhead: -0.1 });
    expect(errorCode(await app.gql(CANCEL, { id: started, r: 'Too late' }, tokens.tutor))).toBe('CONFLICT');
    expect((await sql(app, 'select status from tutoring_sessions where id = ?', [started]))[0].status).toBe('SCHEDULED');

    const { sessionIds: [later] } = await scheduled({ invoiced: 1 });
    expect(errorCode(await app.gql(CANCEL, { id: later, r: 'x' }, tokens.tutor2))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(CANCEL, { id: later, r: 'x' }, tokens.parent2))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(CANCEL, { id: later, r: 'x' }, tokens.parent))).toBe('FORBIDDEN');
    const empty = await app.gql(CANCEL, { id: later, r: '  ' }, tokens.tutor);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const byStaff = await app.gql(CANCEL, { id: later, r: 'Tutor left the agency' }, tokens.coordinator);
    expect(byStaff.data.cancelSession.cancelledBy.email).toBe('coordinator@demo.test');
    expect(errorCode(await app.gql(CANCEL, { id: later, r: 'again' }, tokens.coordinator))).toBe('CONFLICT');
  });
});
