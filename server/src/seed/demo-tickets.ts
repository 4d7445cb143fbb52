import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import type { Services } from '../app/services';
import { ResolutionAction } from '../tickets/resolution-action.entity';
import { Ticket } from '../tickets/ticket.entity';
import { daysAgo, demoClock } from './backdate';
import { DEMO_STORIES, type SessionPick, type Story, type Who } from './demo-stories';

const EMAILS: Record<Who, string> = {
  parent: 'parent@demo.test', parent2: 'parent2@demo.test', learner: 'learner@demo.test', tutor: 'tutor@demo.test',
  tutor2: 'tutor2@demo.test', coordinator: 'coordinator@demo.test', admin: 'admin@demo.test',
};

const SHORT = `s.tutor_joined_at > s.scheduled_start + interval '5 minutes' or s.tutor_left_at < s.scheduled_end - interval '5 minutes'`;
const ATTENDANCE: Record<NonNullable<SessionPick['attendance']>, string> = {
  TUTOR_ABSENT: 's.tutor_joined_at is null and sp.joined_at is not null',
  LEARNER_ABSENT: 's.tutor_joined_at is not null and sp.joined_at is null',
  SHORT: `s.tutor_joined_at is not null and sp.joined_at is not null and (${SHORT})`,
  PRESENT: 's.tutor_joined_at is not null and sp.joined_at is not null',
};

/**
 * The pick's latest matching session that ended before `before` and that no ticket has yet; a
 * PRESENT pick takes a full-length lesson when there is one, leaving the short ones to SHORT.
 */
async function pickSession(em: EntityManager, pick: SessionPick, before: Date): Promise<string> {
  const billing = pick.billing === 'PACKAGE'
    ? 'sp.package_id is not null'
    : `exists (select 1 from invoice_lines l join invoices i on i.id = l.invoice_id where l.session_id = s.id and l.learner_id = u.id and i.status = '${pick.billing}')`;
  const rows: Array<{ id: string }> = await em.getConnection().execute(
    `select s.id from tutoring_sessions s join session_participants sp on sp.session_id = s.id join users u on u.id = sp.learner_id
      where u.email = ? and s.status = 'COMPLETED' and s.kind = ? and s.scheduled_end <= ? and ${billing}
        and ${ATTENDANCE[pick.attendance ?? 'PRESENT']}
        and not exists (select 1 from ticket_sessions ts where ts.session_id = s.id)
      order by (${SHORT}) = (? = 'SHORT') desc, s.scheduled_start desc limit 1`,
    [pick.learner, pick.group ? 'GROUP' : 'ONE_ON_ONE', before, pick.attendance ?? 'PRESENT'],
  );
  if (!rows.length) throw new Error(`demo seed: no ${pick.billing} ${pick.attendance ?? 'PRESENT'} session of ${pick.learner} before ${before.toISOString()}`);
  return rows[0].id;
}

/**
 * The demo tickets (demo-stories.ts), each told through the real ticket service, as the people
 * involved would have, and moved to the days the story gives (backdate.ts).
 */
export async function seedDemoTickets(services: Services, now = new Date()): Promise<void> {
  const em = services.orm.em.fork() as EntityManager;
  const { at, finish } = demoClock(em);
  const viewers = new Map<Who, Viewer & { id: string }>();
  for (const [who, email] of Object.entries(EMAILS) as Array<[Who, string]>) {
    const user = await em.findOneOrFail(User, { email });
    viewers.set(who, { id: user.id, role: user.role });
  }
  const as = (who: Who) => viewers.get(who)!;
  const actionId = async (label: string) => (await em.findOneOrFail(ResolutionAction, { label })).id;
  const tickets = services.tickets;

  // Oldest first, so ticket numbers follow the days.
  for (const story of [...DEMO_STORIES].sort((a, b) => b.day - a.day)) {
    const reportedAt = daysAgo(now, story.day);
    const sessionIds = story.sessions ? [await pickSession(em, story.sessions, reportedAt)] : [];
    const ticket = await at(reportedAt, null, () => tickets.report(as(story.by), {
      sessionIds, category: story.category, type: story.type, title: story.title, description: story.description, requestedEffect: story.requestedEffect ?? null,
    }));
    await tell(story, ticket.id);
  }
  await finish();
  // ticket_events is the catch-up buffer of live clients (ticketEvents(after:)), not history (the
  // issue logs are): no client saw the seed's events, so the demo starts with an empty buffer.
  await em.getConnection().execute('delete from ticket_events');

  async function tell(story: Story, ticketId: string) {
    for (const step of story.then ?? []) {
      if ('autoClose' in step) {
        // The product's own timer, at the moment the window it gave runs out.
        const { autoCloseAt } = await em.fork().findOneOrFail(Ticket, { id: ticketId });
        await at(autoCloseAt!, ticketId, async () => (await tickets.autoClose(ticketId), { id: ticketId }));
        continue;
      }
      const viewer = as(step.by);
      const when = daysAgo(now, step.day);
      if ('resolve' in step) {
        const { action, ...decision } = step.resolve;
        await at(when, ticketId, async () => tickets.resolve(viewer, { ticketId, ...decision, actionId: action ? await actionId(action) : null }));
      } else if ('accept' in step) {
        await at(when, ticketId, () => tickets.accept(viewer, { ticketId, comment: step.accept }));
      } else if ('escalate' in step) {
        await at(when, ticketId, () => tickets.escalate(viewer, { ticketId, comment: step.escalate }));
      } else if ('assign' in step) {
        await at(when, ticketId, () => tickets.assign(viewer, { ticketId, assigneeId: step.assign ? as(step.assign).id : null }));
      } else {
        await at(when, ticketId, () => tickets.comment(viewer, { ticketId, body: step.comment, internal: step.internal ?? false }));
      }
    }
  }
}
