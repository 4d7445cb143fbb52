/**
 * Pushes a small platform export into the desk (people, then sessions, then invoices, then the
 * video room's check-ins) and reads the ledger back, page by page, from where it stopped last time.
 *
 *   TICKETS_URL=http://localhost:4000 TICKETS_API_KEY=pk_... npx tsx examples/partner/src/sync.ts
 *
 * The key needs the scopes sync:write and ledger:read. Run it twice: the second run is UNCHANGED.
 */
import { TicketsClient } from './client';
import { Ledger, RecordAttendance, SyncInvoices, SyncSessions, SyncUsers } from './sync-operations';

/** What a booking platform's nightly export might hold (ids are the platform's own). */
export function platformExport(prefix = 'demo') {
  const at = '2026-11-04T06:00:00Z';
  return {
    users: [
      { externalId: `${prefix}-fam-1`, role: 'PARENT' as const, name: 'Hana Sato', email: `hana.${prefix}@example.com`, timezone: 'Asia/Tokyo', sourceUpdatedAt: at },
      { externalId: `${prefix}-kid-1`, role: 'LEARNER' as const, name: 'Ren Sato', parentExternalId: `${prefix}-fam-1`, sourceUpdatedAt: at },
      { externalId: `${prefix}-tut-1`, role: 'TUTOR' as const, name: 'Ingrid Berg', email: `ingrid.${prefix}@example.com`, sourceUpdatedAt: at },
    ],
    sessions: [1, 2].map((n) => ({
      externalId: `${prefix}-appt-${n}`, kind: 'ONE_ON_ONE' as const, status: 'COMPLETED' as const, subject: 'English conversation', language: 'English',
      scheduledStart: `2026-11-0${n}T09:00:00Z`, scheduledEnd: `2026-11-0${n}T10:00:00Z`,
      price: { amountMinor: 4500, currency: 'EUR' }, tutorPay: { amountMinor: 2700, currency: 'EUR' },
      tutorExternalId: `${prefix}-tut-1`, learnerExternalIds: [`${prefix}-kid-1`], meetingId: `${prefix}-zoom-${n}`, sourceUpdatedAt: at,
    })),
    invoices: [{
      externalId: `${prefix}-inv-11`, number: `${prefix.toUpperCase()}-2026-11`, status: 'ISSUED' as const, billedToExternalId: `${prefix}-fam-1`, currency: 'EUR',
      issuedAt: '2026-11-03T00:00:00Z', sourceUpdatedAt: at,
      lines: [1, 2].map((n) => ({ externalId: `L${n}`, sessionExternalId: `${prefix}-appt-${n}`, description: `English conversation, 0${n} Nov`, amountMinor: 4500 })),
    }],
    attendance: [
      { sessionExternalId: `${prefix}-appt-1`, userExternalId: `${prefix}-tut-1`, kind: 'JOINED' as const, at: '2026-11-01T08:58:00Z', source: 'export' },
      { sessionExternalId: `${prefix}-appt-1`, userExternalId: `${prefix}-kid-1`, kind: 'JOINED' as const, at: '2026-11-01T09:01:00Z', source: 'export' },
    ],
  };
}

type Result = { externalId: string; outcome: string; id?: string | null; code?: string | null; field?: string | null; message?: string | null };

/** One kind after the other: later kinds refer to earlier ones by external id. */
export async function pushExport(client: TicketsClient, data = platformExport()): Promise<Record<string, Result[]>> {
  const users = (await client.request(SyncUsers, { input: data.users })).syncUsers;
  const sessions = (await client.request(SyncSessions, { input: data.sessions })).syncSessions;
  const invoices = (await client.request(SyncInvoices, { input: data.invoices })).syncInvoices;
  const attendance = (await client.request(RecordAttendance, { input: data.attendance })).recordAttendance;
  return { users, sessions, invoices, attendance };
}

/** The ledger after `cursor` (null: from the start), all pages; keep the returned cursor for next time. */
export async function readLedger(client: TicketsClient, cursor: string | null = null) {
  const entries = [];
  for (;;) {
    const { ledger } = await client.request(Ledger, { after: cursor, first: 100 });
    entries.push(...ledger.edges.map((e) => e.node));
    cursor = ledger.pageInfo.endCursor ?? cursor;
    if (!ledger.pageInfo.hasNextPage) return { entries, cursor };
  }
}

async function main() {
  const client = new TicketsClient(process.env.TICKETS_URL ?? 'http://localhost:4000', process.env.TICKETS_API_KEY ?? '');
  const pushed = await pushExport(client);
  for (const [kind, results] of Object.entries(pushed)) {
    for (const r of results) console.log(`${kind} ${r.externalId}: ${r.outcome}${r.message ? ` (${r.field}: ${r.message})` : ''}`);
  }
  const { entries, cursor } = await readLedger(client);
  for (const e of entries) console.log(`ledger ${e.kind} ${e.amount.amountMinor} ${e.amount.currency} invoice=${e.invoiceExternalId ?? '-'} line=${e.lineExternalId ?? '-'} ${e.reference ?? ''}`);
  console.log(`next time read after ${cursor}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
