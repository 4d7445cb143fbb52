import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import type { Services } from '../services';
import { DisputeCategory, ResolutionEffect, ResolutionOutcome, TicketType } from '../tickets/enums';
import { ResolutionAction } from '../tickets/resolution-action.entity';

/** Completed sessions of a learner, optionally only those billed on an invoice in a given status. */
async function sessionsOf(em: EntityManager, learnerEmail: string, invoiceStatus: string | 'PACKAGE', limit: number): Promise<string[]> {
  const billing = invoiceStatus === 'PACKAGE'
    ? 'sp.package_id is not null'
    : `exists (select 1 from invoice_lines l join invoices i on i.id = l.invoice_id where l.session_id = s.id and l.learner_id = u.id and i.status = '${invoiceStatus}')`;
  const rows: Array<{ id: string }> = await em.getConnection().execute(
    `select s.id from tutoring_sessions s join session_participants sp on sp.session_id = s.id join users u on u.id = sp.learner_id
      where u.email = ? and s.status = 'COMPLETED' and s.kind = 'ONE_ON_ONE' and ${billing}
        and not exists (select 1 from ticket_sessions ts where ts.session_id = s.id)
      order by s.scheduled_start desc limit ?`,
    [learnerEmail, limit],
  );
  return rows.map((r) => r.id);
}

/** Demo tickets in every status, made through the real lifecycle so logs, money and outbox are real. */
export async function seedDemoTickets(services: Services): Promise<void> {
  const em = services.orm.em.fork() as EntityManager;
  const viewer = async (email: string): Promise<Viewer> => {
    const user = await em.findOneOrFail(User, { email });
    return { id: user.id, role: user.role };
  };
  const [parent, parent2, learner, tutor2, coordinator, admin] = await Promise.all(
    ['parent@demo.test', 'parent2@demo.test', 'learner@demo.test', 'tutor2@demo.test', 'coordinator@demo.test', 'admin@demo.test'].map(viewer),
  );
  const action = async (label: string) => (await em.findOneOrFail(ResolutionAction, { label })).id;

  // ONGOING: a no-show on Mia's latest lesson, assigned to the coordinator.
  const noShow = await services.tickets.report(parent, {
    sessionIds: await sessionsOf(em, 'mia@demo.test', 'DRAFT', 1), category: DisputeCategory.NO_SHOW, type: TicketType.DISPUTE,
    title: 'Tutor did not join the lesson', description: 'Mia waited 20 minutes and nobody came.', requestedEffect: ResolutionEffect.FULL_CREDIT,
  });
  await services.tickets.assign(coordinator, { ticketId: noShow.id, assigneeId: coordinator.id });
  await services.tickets.comment(coordinator, { ticketId: noShow.id, body: 'Checking the tutor calendar before calling.', internal: true });

  // RESOLVED: the tutor grants a partial credit for a short lesson.
  const short = await services.tickets.report(learner, {
    sessionIds: await sessionsOf(em, 'learner@demo.test', 'DRAFT', 1), category: DisputeCategory.DURATION, type: TicketType.DISPUTE,
    title: 'Lesson ended 20 minutes early', description: 'The call dropped and the tutor did not come back.',
  });
  await services.tickets.resolve(tutor2, { ticketId: short.id, actionId: await action('Partial credit for the missing time (50%)'), comment: 'Sorry, my connection failed. Half the lesson is credited.' });

  // ESCALATED: the family disagrees with the coordinator.
  const quality = await services.tickets.report(parent2, {
    sessionIds: await sessionsOf(em, 'ola@demo.test', 'ISSUED', 2), category: DisputeCategory.QUALITY, type: TicketType.DISPUTE,
    title: 'Lessons were not prepared', description: 'Two grammar lessons repeated the same worksheet.',
  });
  await services.tickets.resolve(coordinator, { ticketId: quality.id, outcome: ResolutionOutcome.IN_FAVOR_OF_EDUCATOR, comment: 'The worksheets were a planned review.' });
  await services.tickets.escalate(parent2, { ticketId: quality.id, comment: 'A review was never announced to us.' });

  // CLOSED: a billing error credited on an issued invoice, accepted.
  const billing = await services.tickets.report(parent, {
    sessionIds: await sessionsOf(em, 'mia@demo.test', 'ISSUED', 1), category: DisputeCategory.BILLING, type: TicketType.DISPUTE,
    title: 'Billed for a lesson twice', description: 'This lesson appears on two invoices.',
  });
  await services.tickets.resolve(coordinator, { ticketId: billing.id, outcome: ResolutionOutcome.IN_FAVOR_OF_PARENT, comment: 'Credited in full; sorry for the error.' });
  await services.tickets.accept(parent, { ticketId: billing.id, comment: 'Thank you!' });

  // CLOSED by an admin's final decision on a package session.
  const pkg = await services.tickets.report(parent, {
    sessionIds: await sessionsOf(em, 'noah@demo.test', 'PACKAGE', 1), category: DisputeCategory.NO_SHOW, type: TicketType.DISPUTE,
    title: 'Tutor missed the package lesson', description: 'Noah was online; the tutor never came.',
  });
  await services.tickets.resolve(coordinator, { ticketId: pkg.id, outcome: ResolutionOutcome.SPLIT, comment: 'Both sides had connection trouble.' });
  await services.tickets.escalate(parent, { ticketId: pkg.id, comment: 'Our connection was fine.' });
  await services.tickets.resolve(admin, { ticketId: pkg.id, outcome: ResolutionOutcome.IN_FAVOR_OF_PARENT, comment: 'The logs show the tutor never joined: the package credit is restored.' });

  // ONGOING support question without sessions.
  await services.tickets.report(learner, {
    sessionIds: [], category: DisputeCategory.SCHEDULING, type: TicketType.SUPPORT,
    title: 'How do I move next week\'s lesson?', description: 'I travel next week and need to move Tuesday\'s lesson.',
  });
}
