import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { REPORT, RESOLVE, createDisputableSessions, sql } from '../support/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => app.close());

const PREVIEW = `query($input: ResolveTicketInput!) { previewResolution(input: $input) {
  credit { amountMinor currency } charge { amountMinor currency } packageCreditsRestored creditNotes
  lines { line { id } credit { amountMinor currency } } } }`;

async function reportOn(token: string, sessionIds: string[]) {
  const result = await app.gql(REPORT, { input: { sessionIds, category: 'QUALITY', title: 'Not prepared', description: 'The lessons were not prepared.' } }, token);
  expect(result.errors).toBeUndefined();
  return result.data.reportIssue.id as string;
}

describe('previewResolution', () => {
  it('shows what resolveTicket then moves, and writes nothing', async () => {
    const parent = await app.login('parent@demo.test');
    const coordinator = await app.login('coordinator@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 3, priceMinor: 1001 });
    const ticketId = await reportOn(parent, sessionIds);
    const input = { ticketId, outcome: 'SPLIT', creditAmountMinor: 1000, comment: 'Split.' };
    const before = await sql(app, 'select count(*)::int as n from ticket_adjustments');
    const preview = await app.gql(PREVIEW, { input }, coordinator);
    expect(preview.errors).toBeUndefined();
    expect(preview.data.previewResolution).toMatchObject({ credit: { amountMinor: 1000, currency: 'EUR' }, charge: { amountMinor: 0 }, creditNotes: 1, packageCreditsRestored: 0 });
    expect(preview.data.previewResolution.lines.map((l: any) => l.credit.amountMinor).sort()).toEqual([333, 333, 334]);
    expect(await sql(app, 'select count(*)::int as n from ticket_adjustments')).toEqual(before);

    const resolved = await app.gql(RESOLVE, { input }, coordinator);
    expect(resolved.errors).toBeUndefined();
    const moved = await sql(app, 'select invoice_line_id, amount_minor from ticket_adjustments where ticket_id = ?', [ticketId]);
    expect(moved.map((m: any) => [m.invoice_line_id, m.amount_minor]).sort()).toEqual(
      preview.data.previewResolution.lines.map((l: any) => [l.line.id, l.credit.amountMinor]).sort());
  });

  it('refuses as resolveTicket does: NOT_FOUND, CONFLICT, FORBIDDEN, BAD_USER_INPUT', async () => {
    const parent = await app.login('parent@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const ticketId = await reportOn(parent, sessionIds);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['learner@demo.test', { outcome: 'SPLIT', creditAmountMinor: 99999, expectedVersion: 7 }, 'NOT_FOUND'],
      ['coordinator@demo.test', { outcome: 'SPLIT', creditAmountMinor: 99999, expectedVersion: 7 }, 'CONFLICT'],
      ['parent@demo.test', { outcome: 'SPLIT', creditAmountMinor: 99999 }, 'FORBIDDEN'],
      ['coordinator@demo.test', { outcome: 'SPLIT', creditAmountMinor: 99999 }, 'BAD_USER_INPUT'],
      ['coordinator@demo.test', { outcome: 'SPLIT', comment: ' ' }, 'BAD_USER_INPUT'],
    ];
    for (const [email, extra, code] of cases) {
      const token = await app.login(email);
      const input = { ticketId, comment: 'Decided.', ...extra };
      const [preview, resolve] = [await app.gql(PREVIEW, { input }, token), await app.gql(RESOLVE, { input }, token)];
      expect([email, errorCode(preview), preview.errors?.[0]?.extensions?.field]).toEqual([email, code, resolve.errors?.[0]?.extensions?.field]);
      expect(errorCode(resolve)).toBe(code);
    }
  });
});
