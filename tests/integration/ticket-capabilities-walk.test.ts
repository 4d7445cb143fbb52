import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../../server/src/auth/user.entity';
import type { Viewer } from '../../server/src/auth/viewer';
import { attachEvidence } from '../../server/src/evidence/evidence.service';
import { Upload } from '../../server/src/evidence/upload.entity';
import { rateTicket } from '../../server/src/satisfaction/satisfaction.service';
import { errorCodeOf } from '../../server/src/errors';
import { mergeTickets } from '../../server/src/desk/merge';
import { splitTicket } from '../../server/src/desk/split';
import { nextNumber } from '../../server/src/billing/adjustments';
import { Ticket as TicketEntity } from '../../server/src/tickets/ticket.entity';
import { jobQueue } from '../../server/src/jobs/queue';
import { DEMO_ACCOUNTS } from '../../server/src/seed/demo-accounts';
import { type TicketService, createTicketService } from '../../server/src/tickets/tickets.service';
import { ticketTimerJobs } from '../../server/src/tickets/timer-jobs';
import { verdictFor } from '../../server/src/tickets/ticket-access';
import { type TestApp, startTestApp } from '../support/app';
import { sql } from '../support/fixtures';
import { inRolledBackTransaction } from '../support/rolled-back';

const CAPABILITIES = ['resolve', 'accept', 'escalate', 'assign', 'comment', 'commentInternal', 'attachEvidence', 'merge', 'split', 'rate'] as const;
type Capability = (typeof CAPABILITIES)[number];
const REFUSALS = ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT'];

const VIEWER_CAN = `{ tickets(first: 100) { pageInfo { hasNextPage } edges { node { id viewerCan { ${CAPABILITIES.join(' ')} } } } } }`;

interface Ticket { id: string; status: string; category: string | null; sessions: number }

for (const coordinatorsDecide of ['false', 'true']) {
  describe(`every demo ticket x every demo account (COORDINATORS_DECIDE_ESCALATIONS=${coordinatorsDecide})`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ RUN_WORKER: 'false', COORDINATORS_DECIDE_ESCALATIONS: coordinatorsDecide });
    });
    afterAll(() => app.close());

    /** What the attempts must all have undone. */
    const snapshot = () => sql(app, `select (select count(*)::int from issue_logs) as logs, (select count(*)::int from ticket_adjustments) as ledger,
      (select count(*)::int from credit_notes) as notes, (select string_agg(status::text || version, ',' order by id) from tickets) as tickets,
      (select count(*)::int from graphile_worker.jobs) as jobs, (select count(*)::int from outbox_messages) as outbox`);

    /** The one input each capability is tried with: a valid one, so only the rules can refuse it. */
    async function attempt(em: EntityManager, tickets: TicketService, viewer: Viewer, ticket: Ticket, capability: Capability, coordinatorId: string) {
      const ticketId = ticket.id;
      switch (capability) {
        case 'resolve': {
          if (viewer.role !== 'TUTOR') return tickets.resolve(viewer, { ticketId, outcome: 'IN_FAVOR_OF_EDUCATOR' as never, comment: 'Decided.' });
          const [action] = await sql(app, 'select id from resolution_actions where active and (category is null or category::text = ?) order by label limit 1', [ticket.category ?? '']);
          return tickets.resolve(viewer, { ticketId, actionId: action?.id ?? null, comment: 'Resolved.' });
        }
        case 'accept': return tickets.accept(viewer, { ticketId, comment: 'Thanks.' });
        case 'escalate': return tickets.escalate(viewer, { ticketId, comment: 'Please look again.' });
        case 'assign': return tickets.assign(viewer, { ticketId, assigneeId: ['COORDINATOR', 'ADMIN'].includes(viewer.role) ? viewer.id : coordinatorId });
        case 'comment': return tickets.comment(viewer, { ticketId, body: 'A note.' });
        case 'commentInternal': return tickets.comment(viewer, { ticketId, body: 'A staff note.', internal: true });
        case 'split': {
          // Splitting off the first session; a one-session ticket has nothing to split (BAD_USER_INPUT).
          const sessions = await sql(app, 'select session_id from ticket_sessions where ticket_id = ? order by session_id', [ticketId]);
          const deps = { em, config: app.services.config, timers: ticketTimerJobs(jobQueue) };
          return splitTicket(deps, viewer, { ticketId, sessionIds: sessions.slice(0, 1).map((s) => s.session_id), title: 'Split off' });
        }
        case 'merge': {
          // Into a fresh ONGOING duplicate of the same reporter and tutor, so only the rules can refuse.
          const source = await em.findOneOrFail(TicketEntity, { id: ticketId });
          const target = em.create(TicketEntity, {
            number: await nextNumber(em, 'ticket_number_seq', 'T-'), type: source.type, category: source.category, status: 'ONGOING' as never,
            title: 'Duplicate', description: 'The same', reporter: source.reporter, tutor: source.tutor, currency: source.currency, creditedMinor: 0, version: 0, createdAt: new Date(), updatedAt: new Date(),
          });
          await em.flush();
          const deps = { em, config: app.services.config, timers: ticketTimerJobs(jobQueue) };
          return mergeTickets(deps, viewer, { targetId: target.id, sourceIds: [ticketId] });
        }
        case 'attachEvidence': {
          const upload = Object.assign(new Upload(), { owner: em.getReference(User, viewer.id), filename: 'note.txt', contentType: 'text/plain; charset=utf-8', size: 1 });
          await em.persistAndFlush(upload);
          return attachEvidence(em, app.services.config, viewer, { ticketId, uploadIds: [upload.id] });
        }
        case 'rate': return rateTicket(em, app.services.config, viewer, { ticketId, score: 4 });
        default: throw new Error(`no mutation for ${capability} yet`);
      }
    }

    it('each capability that is true succeeds, each that is false is refused (every attempt rolled back)', async () => {
      const tickets: Ticket[] = await sql(app, 'select id, status::text as status, category::text as category, (select count(*)::int from ticket_sessions ts where ts.ticket_id = tickets.id) as sessions from tickets order by number');
      expect(DEMO_ACCOUNTS).toHaveLength(7);
      const before = await snapshot();
      expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['ONGOING', 'RESOLVED', 'ESCALATED', 'CLOSED']));
      const [{ id: coordinatorId }] = await sql(app, "select id from users where email = 'coordinator@demo.test'");
      const outcomes: Record<string, number> = {};
      // The setting changes only what staff may do (the lifecycle table test shows it for every actor).
      const accounts = coordinatorsDecide === 'true' ? DEMO_ACCOUNTS.filter((a) => a.role === 'COORDINATOR' || a.role === 'ADMIN') : DEMO_ACCOUNTS;
      for (const account of accounts) {
        const [viewer] = (await sql(app, 'select id, role::text as role from users where email = ?', [account.email])) as Viewer[];
        const listed = await app.gql(VIEWER_CAN, {}, await app.login(account.email));
        expect(listed.errors).toBeUndefined();
        expect(listed.data.tickets.pageInfo.hasNextPage).toBe(false);
        const can = new Map<string, Record<Capability, boolean>>(listed.data.tickets.edges.map((e: any) => [e.node.id, e.node.viewerCan]));
        for (const ticket of tickets) {
          // A ticket the account cannot see offers it nothing.
          const capabilities = can.get(ticket.id) ?? Object.fromEntries(CAPABILITIES.map((c) => [c, false])) as Record<Capability, boolean>;
          for (const capability of CAPABILITIES) {
            const result = await inRolledBackTransaction(app.orm, async (em) => {
              const service = createTicketService({ em, config: app.services.config, jobs: jobQueue });
              try {
                await attempt(em, service, viewer, ticket, capability, coordinatorId);
                return 'ok';
              } catch (error) {
                return errorCodeOf(error) ?? String(error);
              }
            });
            const nothingToSplit = capability === 'split' && ticket.sessions < 2;
            // viewerCan.split is false with nothing to split; the mutation says why (BAD_USER_INPUT) once the rules allow it.
            const splitRefused = nothingToSplit && verdictFor(app.services.config, viewer, { status: ticket.status, reporter: { id: '' }, tutor: null } as never, 'split').ok;
            const expected = splitRefused ? 'BAD_USER_INPUT' : capabilities[capability] ? 'ok' : REFUSALS.includes(result) ? result : 'a refusal';
            expect({ account: account.email, ticket: ticket.id, status: ticket.status, capability, result }).toEqual({ account: account.email, ticket: ticket.id, status: ticket.status, capability, result: expected });
            outcomes[result] = (outcomes[result] ?? 0) + 1;
          }
        }
      }
      expect(await snapshot()).toEqual(before);
      // Both kinds were tried.
      expect(outcomes.ok).toBeGreaterThan(10);
      expect(REFUSALS.reduce((sum, code) => sum + (outcomes[code] ?? 0), 0)).toBeGreaterThan(10);
    }, 600_000);
  });
}
