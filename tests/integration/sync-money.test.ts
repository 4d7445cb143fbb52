import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { resolveForParent } from '../support/disputes';
import { sql } from '../support/fixtures';
import { SYNC, apiKey, familyItems, runPrefix, sessionItem } from '../support/sync';
import { type WebhookReceiver, startWebhookReceiver } from '../support/webhook-receiver';

let app: TestApp;
let receiver: WebhookReceiver;
let key: string;
let parent: string;
let coordinator: string;
let admin: string;
const p = runPrefix();
const REPORT = 'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id number } }';
const LEDGER = `query($after: String) { ledger(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { id kind amount { amountMinor currency } ticket { id number } invoiceExternalId lineExternalId sessionExternalId userExternalId reference } } } }`;

const invoice = (n: string, status: string, lines: Array<[string, number, number]>, at = '2026-11-02T00:00:00Z') => ({
  externalId: `${p}-${n}`, number: `${p}-${n}`, status, billedToExternalId: `${p}-parent`, currency: 'EUR', issuedAt: status === 'DRAFT' ? null : '2026-11-02T00:00:00Z',
  lines: lines.map(([line, session, amountMinor]) => ({ externalId: line, sessionExternalId: `${p}-s${session}`, description: `Lesson ${session}`, amountMinor })),
  sourceUpdatedAt: at,
});

async function readLedger(token: string) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await app.gql(LEDGER, { after }, token);
    expect(page.errors).toBeUndefined();
    nodes.push(...page.data.ledger.edges.map((e: any) => e.node));
    if (!page.data.ledger.pageInfo.hasNextPage) return nodes;
    after = page.data.ledger.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  app = await startTestApp({ WEBHOOK_RETRY_BASE: '50ms' });
  [admin, parent, coordinator] = await Promise.all(['admin@demo.test', 'parent@demo.test', 'coordinator@demo.test'].map((e) => app.login(e)));
  const hook = await app.gql('mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
    { input: { url: receiver.url, events: ['LEDGER_ENTRY_CREATED'], description: 'accounting' } }, admin);
  expect(hook.errors).toBeUndefined();
  receiver.secrets = [hook.data.createWebhookEndpoint.secret];
  key = await apiKey(app, ['sync:write', 'ledger:read', 'tickets:read']);
  expect((await app.gql(SYNC.users, { input: familyItems(p) }, key)).errors).toBeUndefined();
  const sessions = await app.gql(SYNC.sessions, { input: [sessionItem(p, 1), sessionItem(p, 2), sessionItem(p, 3, { tutorPay: null })] }, key);
  expect(sessions.data.syncSessions.map((r: any) => r.outcome)).toEqual(['CREATED', 'CREATED', 'CREATED']);
  const invoices = await app.gql(SYNC.invoices, { input: [invoice('inv1', 'ISSUED', [['L1', 1, 3000], ['L2', 2, 3000]]), invoice('inv2', 'DRAFT', [['L1', 3, 3000]])] }, key);
  expect(invoices.data.syncInvoices.map((r: any) => r.outcome)).toEqual(['CREATED', 'CREATED']);
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

const sessionId = async (n: number) => (await sql(app, 'select entity_id from sync_records where kind = ? and external_id = ?', ['SESSION', `${p}-s${n}`]))[0].entity_id;

describe('a synced session disputed end to end', () => {
  it('protects money in an open dispute, logs other changes on the ticket, and the ledger carries the business ids to the webhook', async () => {
    const report = await app.gql(REPORT, { input: { sessionIds: [await sessionId(1)], category: 'NO_SHOW', title: 'Nobody came', description: 'We waited half an hour.' } }, parent);
    expect(report.errors).toBeUndefined();
    const ticket = report.data.reportIssue;

    const refused = await app.gql(SYNC.sessions, { input: [
      sessionItem(p, 1, { price: { amountMinor: 4000, currency: 'EUR' }, sourceUpdatedAt: '2026-11-03T00:00:00Z' }),
      sessionItem(p, 1, { tutorExternalId: `${p}-tutorB`, sourceUpdatedAt: '2026-11-03T00:00:00Z' }),
    ] }, key);
    expect(refused.data.syncSessions.map((r: any) => [r.outcome, r.code, r.field])).toEqual([['FAILED', 'CONFLICT', 'price'], ['FAILED', 'BAD_USER_INPUT', 'tutorExternalId']]);
    await app.gql(SYNC.users, { input: [{ externalId: `${p}-tutorB`, role: 'TUTOR', name: 'Other Tutor', sourceUpdatedAt: '2026-11-01T00:00:00Z' }] }, key);
    const tutorChange = await app.gql(SYNC.sessions, { input: [sessionItem(p, 1, { tutorExternalId: `${p}-tutorB`, sourceUpdatedAt: '2026-11-03T00:00:00Z' })] }, key);
    expect(tutorChange.data.syncSessions[0]).toMatchObject({ outcome: 'FAILED', code: 'CONFLICT', field: 'tutorExternalId' });

    const moved = await app.gql(SYNC.sessions, { input: [sessionItem(p, 1, { subject: 'Algebra', sourceUpdatedAt: '2026-11-03T00:00:00Z' })] }, key);
    expect(moved.data.syncSessions[0].outcome).toBe('UPDATED');
    const lineMoved = await app.gql(SYNC.invoices, { input: [{ ...invoice('inv1', 'ISSUED', [['L1', 1, 3000], ['L2', 2, 3000]], '2026-11-03T00:00:00Z'),
      lines: [{ externalId: 'L1', sessionExternalId: `${p}-s1`, description: 'Algebra lesson', amountMinor: 3000 }, { externalId: 'L2', sessionExternalId: `${p}-s2`, description: 'Lesson 2', amountMinor: 3000 }] }] }, key);
    expect(lineMoved.data.syncInvoices[0].outcome).toBe('UPDATED');
    const logs = (await app.gql('query($id: ID!) { ticket(id: $id) { logs { action comment actor { id } } } }', { id: ticket.id }, coordinator)).data.ticket.logs;
    const sourced = logs.filter((l: any) => l.action === 'SOURCE_CHANGED');
    expect(sourced.map((l: any) => l.comment)).toEqual([
      expect.stringContaining('subject "Maths" → "Algebra"'),
      expect.stringContaining('description "Lesson 1" → "Algebra lesson"'),
    ]);
    expect(sourced[0].actor).toBeNull();

    // A session whose pay arrives while a ticket on it is open: its payout is HELD.
    const second = await app.gql(REPORT, { input: { sessionIds: [await sessionId(3)], category: 'DURATION', title: 'Short lesson', description: 'It ended after 20 minutes.' } }, parent);
    await app.gql(SYNC.sessions, { input: [sessionItem(p, 3, { sourceUpdatedAt: '2026-11-03T00:00:00Z' })] }, key);
    expect(await sql(app, 'select status from tutor_payouts where session_id = ?', [await sessionId(3)])).toEqual([{ status: 'HELD' }]);

    await resolveForParent(app, coordinator, ticket.id);
    await resolveForParent(app, coordinator, second.data.reportIssue.id);

    const lowered = await app.gql(SYNC.invoices, { input: [invoice('inv1', 'ISSUED', [['L1', 1, 1000], ['L2', 2, 3000]], '2026-11-04T00:00:00Z')] }, key);
    expect(lowered.data.syncInvoices[0]).toMatchObject({ outcome: 'FAILED', code: 'CONFLICT', field: 'lines.0.amountMinor' });

    const ledger = await readLedger(key);
    const note = ledger.find((e) => e.kind === 'CREDIT_NOTE' && e.lineExternalId === 'L1' && e.invoiceExternalId === `${p}-inv1`);
    expect(note).toMatchObject({ amount: { amountMinor: 3000, currency: 'EUR' }, sessionExternalId: `${p}-s1`, userExternalId: `${p}-kid`, ticket: { id: ticket.id, number: ticket.number } });
    expect(note.reference).toMatch(/^CN-/);
    const voided = ledger.find((e) => e.invoiceExternalId === `${p}-inv2`);
    expect(voided).toMatchObject({ kind: 'LINE_VOIDED', lineExternalId: 'L1', sessionExternalId: `${p}-s3`, amount: { amountMinor: 3000 } });
    const [{ ticket_id }] = await sql(app, 'select ticket_id from ledger_entries where id = ?', [note.id]);
    expect(ticket_id).toBe(ticket.id);

    await receiver.waitFor((hooks) => hooks.some((h) => h.answered < 300 && JSON.parse(h.body).data.entry.id === note.id), 'the credit note entry delivered');
    const delivered = JSON.parse(receiver.received.find((h) => JSON.parse(h.body).data.entry.id === note.id)!.body);
    expect(delivered).toMatchObject({ type: 'ledger.entry_created', data: { entry: { kind: 'CREDIT_NOTE', lineExternalId: 'L1', invoiceExternalId: `${p}-inv1`,
      sessionExternalId: `${p}-s1`, ticketId: ticket.id, ticketNumber: ticket.number, amount: { amountMinor: 3000, currency: 'EUR' } } } });
    expect(receiver.received.find((h) => JSON.parse(h.body).data.entry.id === note.id)!.verified).toBe(true);
  });

  it('the ledger summed per invoice is what the desk credited on each', async () => {
    const rows = await sql(app, `select e.invoice_id, sum(e.amount_minor)::int as ledger,
        (select sum(credited_minor)::int from invoice_lines l where l.invoice_id = e.invoice_id) as credited
      from ledger_entries e where e.invoice_id is not null group by e.invoice_id`);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.ledger).toBe(row.credited);
    // The same through the API: the partner's view.
    const ledger = await readLedger(key);
    const perInvoice = new Map<string, number>();
    for (const e of ledger.filter((x) => x.invoiceExternalId?.startsWith(p))) perInvoice.set(e.invoiceExternalId, (perInvoice.get(e.invoiceExternalId) ?? 0) + e.amount.amountMinor);
    for (const [externalId, sum] of perInvoice) {
      const [{ credited }] = await sql(app, `select sum(l.credited_minor)::int as credited from invoice_lines l join sync_records r on r.entity_id = l.invoice_id and r.kind = 'INVOICE' where r.external_id = ?`, [externalId]);
      expect(sum).toBe(credited);
    }
    expect(perInvoice.size).toBe(2);
  });

  it('people who are not staff, and keys without ledger:read, may not read the ledger', async () => {
    expect((await app.gql(LEDGER, {}, parent)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const syncOnly = await apiKey(app, ['sync:write']);
    expect((await app.gql(LEDGER, {}, syncOnly)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
