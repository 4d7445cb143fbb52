import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/passwords';
import { Role } from '../auth/roles';
import { ParentLink, User } from '../auth/user.entity';
import { Invoice, InvoiceLine, InvoiceStatus } from '../billing/invoice.entity';
import { Package } from '../billing/package.entity';
import { PayoutStatus, TutorPayout } from '../billing/payout.entity';
import { SessionKind, SessionParticipant, SessionStatus, TutoringSession } from '../sessions/session.entity';
import { ResolutionAction } from '../tickets/resolution-action.entity';
import { DEFAULT_RESOLUTION_ACTIONS } from '../tickets/resolution-actions.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The tutor's share of what a session earns. */
export const TUTOR_SHARE = 0.6;

/**
 * Lessons the tutor never joined (plan index and days ago): the attendance records show only the
 * learner, who waited a while and left. The demo's no-show disputes are about these.
 */
const TUTOR_NO_SHOWS = new Set(['0:3', '1:44', '2:22']);
/** A lesson the learner missed while the tutor waited: a no-show claim the records contradict. */
const LEARNER_NO_SHOWS = new Set(['3:9']);
/** Lessons the tutor joined 15 minutes late: the demo's duration disputes are about these. */
const LATE_TUTOR = new Set(['2:49', '0:39', '1:29', '3:18', '0:6', '2:4']);

/** A small deterministic PRNG so every seed is the same relative to "now". */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

function make<T extends object>(em: EntityManager, type: new () => T, data: Partial<T>): T {
  const entity = Object.assign(new type(), data);
  em.persist(entity);
  return entity;
}

/** The demo data API.md promises: accounts, families, 60 days of sessions, invoices and payouts. */
export async function seedDemo(em: EntityManager, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, User>();
  const addUser = (email: string, name: string, role: Role, timezone = 'Europe/Berlin') => {
    const user = make(em, User, { email, name, role, passwordHash, timezone });
    users.set(email, user);
    return user;
  };
  for (const account of DEMO_ACCOUNTS) addUser(account.email, account.name, account.role);
  DEFAULT_RESOLUTION_ACTIONS.forEach((action, sortOrder) => make(em, ResolutionAction, { ...action, active: true, sortOrder }));
  const tutor = users.get('tutor@demo.test')!;
  const tutor2 = users.get('tutor2@demo.test')!;
  const parent = users.get('parent@demo.test')!;
  const parent2 = users.get('parent2@demo.test')!;
  const adult = users.get('learner@demo.test')!;
  const mia = addUser('mia@demo.test', 'Mia Novak', Role.LEARNER);
  const noah = addUser('noah@demo.test', 'Noah Novak', Role.LEARNER);
  const ola = addUser('ola@demo.test', 'Ola Berg', Role.LEARNER);
  make(em, ParentLink, { parent, child: mia });
  make(em, ParentLink, { parent, child: noah });
  make(em, ParentLink, { parent: parent2, child: ola });

  const billedToOf = new Map<User, User>([[mia, parent], [noah, parent], [ola, parent2], [adult, adult]]);
  const noahPackage = make(em, Package, { name: '10 German lessons', billedTo: parent, learner: noah, creditsTotal: 10, creditsUsed: 0 });

  const rand = random(42);
  const lessonPlans = [
    { learners: [mia], tutor, language: 'English', subject: 'Reading', price: 3000 },
    { learners: [noah], tutor: tutor2, language: 'German', subject: 'Conversation', price: 3500, pkg: noahPackage },
    { learners: [ola], tutor, language: 'Spanish', subject: 'Grammar', price: 3000 },
    { learners: [adult], tutor: tutor2, language: 'French', subject: 'Business French', price: 4500 },
    { learners: [mia, ola, adult], tutor, language: 'English', subject: 'Group: Debate club', price: 1500, group: true },
  ];

  const sessions: TutoringSession[] = [];
  const linesByInvoiceKey = new Map<string, Array<{ session: TutoringSession; learner: User; amount: number }>>();
  let counter = 0;
  for (let day = 58; day >= 1; day -= 1) {
    for (const [index, plan] of lessonPlans.entries()) {
      // One-on-one lessons every third day, the group class about twice a week.
      if ((day + index) % (plan.group ? 6 : 3) !== 0 && !(plan.group && day % 7 === 3)) continue;
      const tutorAbsent = TUTOR_NO_SHOWS.has(`${index}:${day}`);
      const learnerAbsent = LEARNER_NO_SHOWS.has(`${index}:${day}`);
      counter += 1;
      const start = new Date(now.getTime() - day * DAY);
      start.setUTCHours(14 + index, 0, 0, 0);
      const end = new Date(start.getTime() + (plan.group ? 90 : 60) * MINUTE);
      const tutorLate = LATE_TUTOR.has(`${index}:${day}`) ? 15 : rand() < 0.2 ? Math.round(rand() * 15) : 0;
      const endedEarly = rand() < 0.15 ? Math.round(rand() * 20) : 0;
      const session = make(em, TutoringSession, {
        kind: plan.group ? SessionKind.GROUP : SessionKind.ONE_ON_ONE,
        status: SessionStatus.COMPLETED,
        language: plan.language,
        subject: plan.subject,
        scheduledStart: start,
        scheduledEnd: end,
        priceMinor: plan.price,
        currency: 'EUR',
        tutor: plan.tutor,
        lessonId: plan.group ? null : `L-${10_000 + counter}`,
        orderId: `O-${20_000 + counter}`,
        teacherSessionId: `TS-${30_000 + counter}`,
        endedBy: tutorAbsent ? null : plan.tutor,
        tutorJoinedAt: tutorAbsent ? null : new Date(start.getTime() + tutorLate * MINUTE),
        tutorLeftAt: tutorAbsent ? null : new Date(end.getTime() - endedEarly * MINUTE),
        educatorNotes: rand() < 0.3 ? 'Good progress; homework set.' : null,
      });
      sessions.push(session);
      for (const learner of plan.learners) {
        const learnerLate = rand() < 0.2 ? Math.round(rand() * 10) : 0;
        const usesPackage = plan.pkg && plan.pkg.creditsUsed < plan.pkg.creditsTotal - 2;
        make(em, SessionParticipant, {
          session,
          learner,
          joinedAt: learnerAbsent ? null : new Date(start.getTime() + learnerLate * MINUTE),
          // A learner whose tutor never came gives up after 20 minutes.
          leftAt: learnerAbsent ? null : new Date(tutorAbsent ? start.getTime() + 20 * MINUTE : end.getTime() - endedEarly * MINUTE),
          package: usesPackage ? plan.pkg : null,
        });
        if (usesPackage) {
          plan.pkg!.creditsUsed += 1;
          continue;
        }
        const billedTo = billedToOf.get(learner)!;
        const period = day > 40 ? InvoiceStatus.PAID : day > 14 ? InvoiceStatus.ISSUED : InvoiceStatus.DRAFT;
        const key = `${billedTo.email}|${period}`;
        const bucket = linesByInvoiceKey.get(key) ?? [];
        bucket.push({ session, learner, amount: plan.price });
        linesByInvoiceKey.set(key, bucket);
      }
      const earned = plan.price * plan.learners.length;
      make(em, TutorPayout, {
        session,
        tutor: plan.tutor,
        amountMinor: Math.round(earned * TUTOR_SHARE),
        currency: 'EUR',
        status: day > 30 ? PayoutStatus.PAID : PayoutStatus.RELEASED,
        releasedAt: new Date(end.getTime() + DAY),
        // Paid in fortnightly payment runs.
        paidAt: day > 30 ? new Date(end.getTime() + 3 * DAY) : null,
        reference: day > 30 ? `RUN-${String(Math.ceil((59 - day) / 14)).padStart(3, '0')}` : null,
      });
    }
  }

  // A few sessions that are not completed, to show the other statuses.
  for (const [offset, status] of [[2, SessionStatus.SCHEDULED], [5, SessionStatus.SCHEDULED], [-3, SessionStatus.CANCELLED]] as const) {
    const start = new Date(now.getTime() + offset * DAY);
    start.setUTCHours(16, 0, 0, 0);
    const session = make(em, TutoringSession, {
      kind: SessionKind.ONE_ON_ONE, status, language: 'English', subject: 'Reading', scheduledStart: start,
      scheduledEnd: new Date(start.getTime() + 60 * MINUTE), priceMinor: 3000, currency: 'EUR', tutor,
      lessonId: `L-${19_000 + offset + 10}`, orderId: `O-${29_000 + offset + 10}`,
    });
    make(em, SessionParticipant, { session, learner: mia });
  }

  await em.flush();
  let invoiceNumber = 0;
  for (const [key, lines] of linesByInvoiceKey) {
    const [email, status] = key.split('|') as [string, InvoiceStatus];
    const first = lines[0].session.scheduledStart;
    const last = lines.at(-1)!.session.scheduledStart;
    invoiceNumber += 1;
    const invoice = make(em, Invoice, {
      number: `INV-${String(invoiceNumber).padStart(5, '0')}`,
      billedTo: users.get(email)!,
      status,
      currency: 'EUR',
      issuedAt: status === InvoiceStatus.DRAFT ? null : new Date(last.getTime() + DAY),
      createdAt: new Date(first.getTime() + DAY),
    });
    for (const line of lines) {
      make(em, InvoiceLine, {
        invoice,
        session: line.session,
        learner: line.learner,
        description: `${line.session.subject} with ${line.session.tutor.name}, ${line.session.scheduledStart.toISOString().slice(0, 10)} (${line.learner.name})`,
        amountMinor: line.amount,
        currency: 'EUR',
        createdAt: new Date(line.session.scheduledEnd.getTime()),
      });
    }
  }
  await em.flush();
  // Keep the invoice number sequence ahead of the seeded numbers.
  await em.getConnection().execute(`select setval('invoice_number_seq', ${invoiceNumber + 1}, false)`);
}
