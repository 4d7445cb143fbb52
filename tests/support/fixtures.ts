import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../../server/src/auth/user.entity';
import { Invoice, InvoiceLine, InvoiceStatus } from '../../server/src/billing/invoice.entity';
import { Package } from '../../server/src/billing/package.entity';
import { PayoutStatus, TutorPayout } from '../../server/src/billing/payout.entity';
import { SessionKind, SessionParticipant, SessionStatus, TutoringSession } from '../../server/src/sessions/session.entity';
import type { TestApp } from './app';

let counter = 0;

/** Direct SQL for checks. */
export const sql = async (app: TestApp, query: string, params: unknown[] = []): Promise<any[]> => app.orm.em.fork().getConnection().execute(query, params);

export const userId = async (app: TestApp, email: string) => (await sql(app, 'select id from users where email = ?', [email]))[0].id as string;

/**
 * Fresh completed one-on-one sessions of `learner` with `tutor`: `invoiced` billed on one new
 * invoice in `invoiceStatus` billed to `billedTo`, and `packaged` paid with credits of a new package.
 * Each has a RELEASED tutor payout of 60% of the price.
 */
export async function createDisputableSessions(app: TestApp, options: {
  tutor: string; learner: string; billedTo: string; invoiced: number; packaged?: number; invoiceStatus?: InvoiceStatus; priceMinor?: number;
}) {
  const em = app.orm.em.fork() as EntityManager;
  const price = options.priceMinor ?? 3000;
  const [tutor, learner, billedTo] = await Promise.all([options.tutor, options.learner, options.billedTo].map((email) => em.findOneOrFail(User, { email })));
  const invoice = Object.assign(new Invoice(), {
    number: `TEST-${process.pid}-${(counter += 1)}-${Math.random().toString(36).slice(2, 8)}`,
    billedTo, status: options.invoiceStatus ?? InvoiceStatus.ISSUED, currency: 'EUR',
    issuedAt: options.invoiceStatus === InvoiceStatus.DRAFT ? null : new Date(),
  });
  const pkg = options.packaged ? Object.assign(new Package(), { name: 'Test package', billedTo, learner, creditsTotal: 10, creditsUsed: 0 }) : null;
  if (options.invoiced) em.persist(invoice);
  if (pkg) em.persist(pkg);
  const sessions: TutoringSession[] = [];
  const total = options.invoiced + (options.packaged ?? 0);
  for (let i = 0; i < total; i += 1) {
    const start = new Date(Date.now() - (3 + i + counter * 0.01) * 86_400_000);
    const session = Object.assign(new TutoringSession(), {
      kind: SessionKind.ONE_ON_ONE, status: SessionStatus.COMPLETED, language: 'English', subject: 'Test lesson',
      scheduledStart: start, scheduledEnd: new Date(start.getTime() + 3_600_000), priceMinor: price, currency: 'EUR', tutor,
      tutorJoinedAt: start, tutorLeftAt: new Date(start.getTime() + 3_600_000), endedBy: tutor,
    });
    const usesPackage = i >= options.invoiced;
    em.persist(session);
    em.persist(Object.assign(new SessionParticipant(), { session, learner, joinedAt: start, leftAt: session.scheduledEnd, package: usesPackage ? pkg : null }));
    if (usesPackage) pkg!.creditsUsed += 1;
    else em.persist(Object.assign(new InvoiceLine(), { invoice, session, learner, description: `Lesson ${i + 1}`, amountMinor: price, currency: 'EUR' }));
    em.persist(Object.assign(new TutorPayout(), { session, tutor, amountMinor: Math.round(price * 0.6), currency: 'EUR', status: PayoutStatus.RELEASED }));
    sessions.push(session);
  }
  await em.flush();
  return { sessionIds: sessions.map((s) => s.id), invoiceId: options.invoiced ? invoice.id : null, packageId: pkg?.id ?? null };
}

export const TICKET_FIELDS = `id number status version type category
  reporter { id } tutor { id } assignee { id }
  resolution { outcome comment credited { amountMinor currency } action { id label } }
  creditNotes { id number amount { amountMinor } }
  logs { action comment fromStatus toStatus actor { id } }`;

export const REPORT = `mutation($input: ReportIssueInput!) { reportIssue(input: $input) { ${TICKET_FIELDS} } }`;
export const RESOLVE = `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { ${TICKET_FIELDS} } }`;
export const ACCEPT = `mutation($id: ID!, $c: String) { acceptResolution(ticketId: $id, comment: $c) { ${TICKET_FIELDS} } }`;
export const ESCALATE = `mutation($id: ID!, $c: String!) { escalateTicket(ticketId: $id, comment: $c) { ${TICKET_FIELDS} } }`;
export const COMMENT = `mutation($id: ID!, $b: String!, $i: Boolean) { addTicketComment(ticketId: $id, body: $b, internal: $i) { ${TICKET_FIELDS} } }`;
export const ASSIGN = `mutation($id: ID!, $a: ID) { assignTicket(ticketId: $id, assigneeId: $a) { ${TICKET_FIELDS} } }`;
