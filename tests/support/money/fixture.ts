import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../../server/src/auth/roles';
import { run } from '../../../server/src/db/raw-sql';
import { ParentLink, User } from '../../../server/src/auth/user.entity';
import { Invoice, InvoiceLine, InvoiceStatus } from '../../../server/src/billing/invoice.entity';
import { Package } from '../../../server/src/billing/package.entity';
import { PayoutStatus, TutorPayout } from '../../../server/src/billing/payout.entity';
import { SessionKind, SessionParticipant, SessionStatus, TutoringSession } from '../../../server/src/sessions/session.entity';

const DAY = 86_400_000;

/** Who pays for a learner's place in a session: a line on one of the fixture's invoices, or a package credit. */
type Billing = { invoice: 'issued' | 'paid' | 'draft' | 'other'; priceMinor: number } | { pkg: true };
interface SessionPlan { label: string; completed: boolean; daysFromNow: number; learners: Array<{ learner: 'mia' | 'noah' | 'ola' | 'adult'; billing: Billing }>; payoutMinor?: number }

/**
 * One family's and one tutor's money, fresh for every sequence (rolled back with it): parent
 * (children mia, noah) and parent2 (ola) dispute completed sessions billed on issued, paid and draft
 * invoices, a package and a group class shared by both families; an adult's sessions give the tutor
 * undisputed payouts that late credits can be carried onto; three scheduled sessions can be cancelled.
 */
const PLANS: SessionPlan[] = [
  { label: 'A', completed: true, daysFromNow: -12, learners: [{ learner: 'mia', billing: { invoice: 'issued', priceMinor: 3000 } }] },
  { label: 'B', completed: true, daysFromNow: -11, learners: [{ learner: 'mia', billing: { invoice: 'issued', priceMinor: 2500 } }] },
  { label: 'C', completed: true, daysFromNow: -10, learners: [{ learner: 'noah', billing: { invoice: 'draft', priceMinor: 3333 } }] },
  { label: 'P', completed: true, daysFromNow: -9, learners: [{ learner: 'noah', billing: { pkg: true } }] },
  { label: 'G', completed: true, daysFromNow: -8, learners: [{ learner: 'mia', billing: { invoice: 'paid', priceMinor: 2000 } }, { learner: 'ola', billing: { invoice: 'other', priceMinor: 2000 } }], payoutMinor: 2401 },
  { label: 'X', completed: true, daysFromNow: -7, learners: [{ learner: 'ola', billing: { invoice: 'other', priceMinor: 2999 } }] },
  { label: 'Q', completed: true, daysFromNow: -6, learners: [{ learner: 'adult', billing: { invoice: 'other', priceMinor: 1500 } }] },
  { label: 'R', completed: true, daysFromNow: -5, learners: [{ learner: 'adult', billing: { invoice: 'other', priceMinor: 4000 } }] },
  { label: 'S1', completed: false, daysFromNow: 10, learners: [{ learner: 'mia', billing: { invoice: 'issued', priceMinor: 3000 } }] },
  { label: 'S2', completed: false, daysFromNow: 11, learners: [{ learner: 'noah', billing: { pkg: true } }] },
  { label: 'S3', completed: false, daysFromNow: 12, learners: [{ learner: 'noah', billing: { invoice: 'draft', priceMinor: 2000 } }, { learner: 'mia', billing: { invoice: 'draft', priceMinor: 2000 } }] },
];

export type Reporter = 'parent' | 'parent2';

export interface FixtureSession {
  label: string;
  id: string;
  /** Start time, ms since epoch. */
  startsAt: number;
  completed: boolean;
  /** The reporters whose children take part (who may dispute it). */
  reporters: Reporter[];
  /** Line amount per learner billed by invoice, keyed by reporter (the disputed learners' lines). */
  billedBy: Record<Reporter, number>;
  payoutId: string | null;
}

export interface Fixture {
  tutorId: string;
  users: Record<Reporter, string>;
  /** Every user the fixture bills (invoices and packages are theirs). */
  billedToIds: string[];
  sessions: FixtureSession[];
  payoutIds: string[];
  packageId: string;
  packageTotal: number;
  /** Credits used when the sequence starts (its sessions P and S2). */
  packageInitialUsed: number;
  invoiceIds: string[];
}

/** Writes the fixture in `em` (the sequence's transaction). `now`: the sequence clock's start. */
export async function createFixture(em: EntityManager, now: number): Promise<Fixture> {
  const tag = randomBytes(4).toString('hex');
  const user = (name: string, role: Role) => em.create(User, { name, email: `${name.toLowerCase()}-${tag}@money.test`, role, passwordHash: 'x' } as never);
  const tutor = user('Tutor', Role.TUTOR);
  const parent = user('Parent', Role.PARENT);
  const parent2 = user('Parent2', Role.PARENT);
  const people = { mia: user('Mia', Role.LEARNER), noah: user('Noah', Role.LEARNER), ola: user('Ola', Role.LEARNER), adult: user('Adult', Role.LEARNER) };
  em.create(ParentLink, { parent, child: people.mia });
  em.create(ParentLink, { parent, child: people.noah });
  em.create(ParentLink, { parent: parent2, child: people.ola });
  const invoice = (billedTo: User, status: InvoiceStatus) => em.create(Invoice, {
    number: `MONEY-${tag}-${status}-${billedTo.name}`, billedTo, status, currency: 'EUR', issuedAt: status === InvoiceStatus.DRAFT ? null : new Date(now - 20 * DAY),
  } as never);
  const invoices = { issued: invoice(parent, InvoiceStatus.ISSUED), paid: invoice(parent, InvoiceStatus.PAID), draft: invoice(parent, InvoiceStatus.DRAFT), other: invoice(parent2, InvoiceStatus.ISSUED), adult: invoice(people.adult, InvoiceStatus.ISSUED) };
  const pkg = em.create(Package, { name: 'Money test package', billedTo: parent, learner: people.noah, creditsTotal: 3, creditsUsed: 0 } as never);
  const reporterOf = { mia: 'parent', noah: 'parent', ola: 'parent2', adult: null } as const;
  const sessions: FixtureSession[] = [];
  const payoutIds: string[] = [];
  for (const plan of PLANS) {
    const start = new Date(now + plan.daysFromNow * DAY);
    const price = plan.learners.map((l) => ('priceMinor' in l.billing ? l.billing.priceMinor : 2800))[0];
    const session = em.create(TutoringSession, {
      kind: plan.learners.length > 1 ? SessionKind.GROUP : SessionKind.ONE_ON_ONE, status: plan.completed ? SessionStatus.COMPLETED : SessionStatus.SCHEDULED,
      language: 'English', subject: `Lesson ${plan.label}`, scheduledStart: start, scheduledEnd: new Date(start.getTime() + 3_600_000),
      priceMinor: price, currency: 'EUR', tutor, ...(plan.completed ? { tutorJoinedAt: start, tutorLeftAt: new Date(start.getTime() + 3_600_000), endedBy: tutor } : {}),
    } as never);
    const billedBy: Record<Reporter, number> = { parent: 0, parent2: 0 };
    for (const { learner, billing } of plan.learners) {
      const usesPackage = 'pkg' in billing;
      em.create(SessionParticipant, { session, learner: people[learner], package: usesPackage ? pkg : null, ...(plan.completed ? { joinedAt: start, leftAt: session.scheduledEnd } : {}) } as never);
      if (usesPackage) pkg.creditsUsed += 1;
      else {
        const on = learner === 'adult' ? invoices.adult : invoices[billing.invoice];
        em.create(InvoiceLine, { invoice: on, session, learner: people[learner], description: `Lesson ${plan.label}`, amountMinor: billing.priceMinor, currency: 'EUR' } as never);
        const reporter = reporterOf[learner];
        if (reporter) billedBy[reporter] += billing.priceMinor;
      }
    }
    let payoutId: string | null = null;
    if (plan.completed) {
      const payout = em.create(TutorPayout, { session, tutor, amountMinor: plan.payoutMinor ?? Math.round(price * 0.6), currency: 'EUR', status: PayoutStatus.RELEASED } as never);
      payoutId = payout.id;
      payoutIds.push(payout.id);
    }
    const reporters = [...new Set(plan.learners.map((l) => reporterOf[l.learner]).filter((r): r is Reporter => r !== null))];
    sessions.push({ label: plan.label, id: session.id, startsAt: start.getTime(), completed: plan.completed, reporters, billedBy, payoutId });
  }
  await em.flush();
  // The demo's own tickets keep still (no timers), so the sweep moves only the fixture's.
  await run(em, 'update tickets set auto_close_at = null, resolution_due_at = null where tutor_id is distinct from ?', [tutor.id]);
  return {
    tutorId: tutor.id,
    users: { parent: parent.id, parent2: parent2.id },
    billedToIds: [parent.id, parent2.id, people.adult.id],
    sessions,
    payoutIds,
    packageId: pkg.id,
    packageTotal: pkg.creditsTotal,
    packageInitialUsed: pkg.creditsUsed,
    invoiceIds: Object.values(invoices).map((i) => i.id),
  };
}
