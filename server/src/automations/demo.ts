import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import { Invoice, InvoiceLine, InvoiceStatus } from '../billing/invoice.entity';
import { PayoutStatus, TutorPayout } from '../billing/payout.entity';
import { SessionKind, SessionParticipant, SessionStatus, TutoringSession } from '../sessions/session.entity';
import { DisputeCategory, ResolutionEffect } from '../tickets/enums';
import { ResolutionAction } from '../tickets/resolution-action.entity';
import { Automation } from './automation.entity';
import { AutomationActionKind, AutomationTrigger, FactOp, TicketFact } from './enums';

const MINUTE = 60_000;
export const VERIFIED_NO_SHOW = 'Verified no-show';
export const NO_SHOW_LIMIT_MINOR = 10_000;

/**
 * The demo's automation "Verified no-show" (active) and a lesson ready to report: yesterday's
 * Spanish lesson of Ola (billed to parent2 on a draft invoice) that the tutor never joined. Seeded
 * after the demo tickets, so the stories are told as people told them.
 */
export async function seedDemoAutomations(em: EntityManager, now = new Date()): Promise<Automation> {
  const [admin, tutor, ola, parent2] = await Promise.all(['admin@demo.test', 'tutor@demo.test', 'ola@demo.test', 'parent2@demo.test']
    .map((email) => em.findOneOrFail(User, { email })));
  const fullCredit = await em.findOneOrFail(ResolutionAction, { category: DisputeCategory.NO_SHOW, effect: ResolutionEffect.FULL_CREDIT, active: true });
  const automation = Object.assign(new Automation(), {
    name: VERIFIED_NO_SHOW,
    active: true,
    trigger: AutomationTrigger.TICKET_CREATED,
    filter: { category: DisputeCategory.NO_SHOW },
    facts: [
      { fact: TicketFact.TUTOR_JOINED_MINUTES, op: FactOp.EQ, value: 0 },
      { fact: TicketFact.DISPUTED_AMOUNT_MINOR, op: FactOp.LTE, value: NO_SHOW_LIMIT_MINOR },
    ],
    actions: [{ kind: AutomationActionKind.RESOLVE, actionId: fullCredit.id, assigneeId: null,
      text: 'The video room shows the tutor never joined this lesson, so it is credited in full. The tutor may contest this within 48 hours.' }],
    createdBy: admin,
  });
  em.persist(automation);
  if (admin.role !== Role.ADMIN) throw new Error('demo: admin@demo.test is not an admin');

  const start = new Date(now.getTime() - 26 * 60 * MINUTE);
  start.setUTCMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 60 * MINUTE);
  const session = Object.assign(new TutoringSession(), {
    kind: SessionKind.ONE_ON_ONE, status: SessionStatus.COMPLETED, language: 'Spanish', subject: 'Grammar',
    scheduledStart: start, scheduledEnd: end, priceMinor: 3000, currency: 'EUR', tutor,
    lessonId: 'L-19999', orderId: 'O-29999', teacherSessionId: 'TS-39999',
    endedBy: null, tutorJoinedAt: null, tutorLeftAt: null,
  });
  em.persist(session);
  // Ola waited twenty minutes for a tutor who never came.
  em.persist(Object.assign(new SessionParticipant(), { session, learner: ola, joinedAt: start, leftAt: new Date(start.getTime() + 20 * MINUTE) }));
  const draft = await em.findOne(Invoice, { billedTo: parent2, status: InvoiceStatus.DRAFT });
  const invoice = draft ?? Object.assign(new Invoice(), { number: 'INV-09999', billedTo: parent2, status: InvoiceStatus.DRAFT, currency: 'EUR', issuedAt: null });
  em.persist(invoice);
  em.persist(Object.assign(new InvoiceLine(), {
    invoice, session, learner: ola, description: `Grammar with ${tutor.name}, ${start.toISOString().slice(0, 10)} (${ola.name})`, amountMinor: 3000, currency: 'EUR',
  }));
  em.persist(Object.assign(new TutorPayout(), { session, tutor, amountMinor: 1800, currency: 'EUR', status: PayoutStatus.RELEASED, releasedAt: new Date(end.getTime() + 60 * MINUTE) }));
  await em.flush();
  return automation;
}
