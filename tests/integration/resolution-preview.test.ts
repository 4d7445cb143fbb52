import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceStatus } from '../../server/src/billing/invoice.entity';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { ESCALATE, REPORT, RESOLVE, createDisputableSessions, sql } from '../support/fixtures';

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

/** What a ticket's resolutions have moved so far, from the ledger, the lines, the notes and the packages. */
async function movedSoFar(ticketId: string, sessionIds: string[], packageId: string | null) {
  const [totals] = await sql(app, `select
      (select coalesce(sum(amount_minor) filter (where amount_minor > 0), 0)::int from ticket_adjustments where ticket_id = ?) as credit,
      (select coalesce(-sum(amount_minor) filter (where amount_minor < 0), 0)::int from ticket_adjustments where ticket_id = ?) as charge,
      (select coalesce(sum(package_credits), 0)::int from ticket_adjustments where ticket_id = ?) as package_credits,
      (select count(*)::int from credit_notes where ticket_id = ?) as notes,
      (select coalesce(credits_used, 0) from packages where id = ?) as credits_used,
      (select json_object_agg(id, credited_minor) from invoice_lines where session_id = any(?::uuid[])) as lines`,
  [ticketId, ticketId, ticketId, ticketId, packageId, `{${sessionIds.join(',')}}`]);
  return { ...totals, lines: new Map<string, number>(Object.entries(totals.lines ?? {})) };
}

const decision = fc.oneof(
  fc.record({ outcome: fc.constantFrom('IN_FAVOR_OF_PARENT', 'IN_FAVOR_OF_EDUCATOR', 'SPLIT') }),
  fc.record({ outcome: fc.constant('SPLIT'), creditAmountMinor: fc.integer({ min: 0, max: 12_000 }) }),
);
const scenario = fc.record({
  invoiced: fc.integer({ min: 0, max: 3 }),
  packaged: fc.integer({ min: 0, max: 2 }),
  invoiceStatus: fc.constantFrom(InvoiceStatus.DRAFT, InvoiceStatus.ISSUED, InvoiceStatus.PAID),
  priceMinor: fc.integer({ min: 500, max: 4001 }),
  first: decision,
  // After escalation, the admin's final decision (applies only the difference).
  final: fc.option(decision, { nil: null }),
}).filter((s) => s.invoiced + s.packaged > 0);

describe('previewResolution against resolveTicket, 50 random decisions', () => {
  it('previews exactly what each resolution then moves, line by line', async () => {
    const [parent, coordinator, admin] = await Promise.all(['parent@demo.test', 'coordinator@demo.test', 'admin@demo.test'].map((e) => app.login(e)));
    let compared = 0;
    await fc.assert(fc.asyncProperty(scenario, async (s) => {
      const { sessionIds, packageId } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', ...s });
      const ticketId = await reportOn(parent, sessionIds);
      const decide = async (token: string, choice: Record<string, unknown>) => {
        const input = { ticketId, comment: 'Decided.', ...choice };
        const before = await movedSoFar(ticketId, sessionIds, packageId);
        const preview = await app.gql(PREVIEW, { input }, token);
        const resolved = await app.gql(RESOLVE, { input }, token);
        const after = await movedSoFar(ticketId, sessionIds, packageId);
        if (preview.errors) {
          expect([errorCode(resolved), resolved.errors?.[0]?.extensions?.field]).toEqual([errorCode(preview), preview.errors[0].extensions?.field]);
          expect(after).toEqual(before);
          return false;
        }
        expect(resolved.errors).toBeUndefined();
        const p = preview.data.previewResolution;
        const changed = [...after.lines].filter(([id, credited]) => credited !== before.lines.get(id)).map(([id, credited]) => [id, credited - before.lines.get(id)!]);
        expect(p.lines.map((l: any) => [l.line.id, l.credit.amountMinor]).sort()).toEqual(changed.sort());
        expect([p.credit.amountMinor, p.charge.amountMinor]).toEqual([after.credit - before.credit, after.charge - before.charge]);
        expect(p.creditNotes).toBe(after.notes - before.notes);
        expect(p.packageCreditsRestored).toBe(after.package_credits - before.package_credits);
        expect(p.packageCreditsRestored).toBe((before.credits_used ?? 0) - (after.credits_used ?? 0));
        compared += 1;
        return true;
      };
      if (!(await decide(coordinator, s.first)) || !s.final) return;
      const escalated = await app.gql(ESCALATE, { id: ticketId, c: 'We disagree.' }, parent);
      expect(escalated.errors).toBeUndefined();
      await decide(admin, s.final);
    }), { seed: 424242, numRuns: 50 });
    // Most decisions are valid; the comparisons ran.
    expect(compared).toBeGreaterThan(50);
  }, 300_000);
});
