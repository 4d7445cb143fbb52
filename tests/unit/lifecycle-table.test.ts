import { describe, expect, it } from 'vitest';
import { Role } from '../../server/src/auth/roles';
import type { Viewer } from '../../server/src/auth/viewer';
import { TicketStatus } from '../../server/src/tickets/enums';
import type { TicketAction } from '../../server/src/tickets/rules';
import { verdictFor } from '../../server/src/tickets/ticket-access';
import type { Ticket } from '../../server/src/tickets/ticket.entity';

/*
 * docs/API.md "Lifecycle", written out by hand (not derived from rules.ts): for every status and
 * action, what each actor gets. A status is the resulting status (the change is allowed), FORBIDDEN
 * (the status offers the action, but not to this actor) or CONFLICT (the status offers it to nobody).
 * Columns: the reporter (a parent); another learner or parent (the reporter's child, who can see the
 * ticket); the reporter of a ticket merged into this one (another parent of a group class: may
 * comment, never decide); the ticket's tutor; another tutor; a coordinator; a coordinator where
 * COORDINATORS_DECIDE_ESCALATIONS is on; an admin; the system (timers).
 */
const TABLE = `
status     action           reporter   family     merged     tutor      tutor2     coord      coord*     admin      system
ONGOING    resolve          FORBIDDEN  FORBIDDEN  FORBIDDEN  RESOLVED   FORBIDDEN  RESOLVED   RESOLVED   RESOLVED   FORBIDDEN
ONGOING    accept           CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ONGOING    escalate         FORBIDDEN  FORBIDDEN  FORBIDDEN  ESCALATED  FORBIDDEN  ESCALATED  ESCALATED  FORBIDDEN  FORBIDDEN
ONGOING    assign           FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  ONGOING    ONGOING    ONGOING    FORBIDDEN
ONGOING    comment          ONGOING    FORBIDDEN  ONGOING    ONGOING    FORBIDDEN  ONGOING    ONGOING    ONGOING    FORBIDDEN
ONGOING    commentInternal  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  ONGOING    ONGOING    ONGOING    FORBIDDEN
ONGOING    autoClose        CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ONGOING    autoEscalate     FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  ESCALATED
ONGOING    split            FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  ONGOING    ONGOING    ONGOING    FORBIDDEN
RESOLVED   resolve          CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
RESOLVED   accept           CLOSED     FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN
RESOLVED   escalate         ESCALATED  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN
RESOLVED   assign           FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  RESOLVED   RESOLVED   RESOLVED   FORBIDDEN
RESOLVED   comment          RESOLVED   FORBIDDEN  RESOLVED   RESOLVED   FORBIDDEN  RESOLVED   RESOLVED   RESOLVED   FORBIDDEN
RESOLVED   commentInternal  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  RESOLVED   RESOLVED   RESOLVED   FORBIDDEN
RESOLVED   autoClose        FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  CLOSED
RESOLVED   autoEscalate     CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
RESOLVED   split            CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ESCALATED  resolve          FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  CLOSED     CLOSED     FORBIDDEN
ESCALATED  accept           CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ESCALATED  escalate         CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ESCALATED  assign           FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  ESCALATED  ESCALATED  ESCALATED  FORBIDDEN
ESCALATED  comment          ESCALATED  FORBIDDEN  ESCALATED  ESCALATED  FORBIDDEN  ESCALATED  ESCALATED  ESCALATED  FORBIDDEN
ESCALATED  commentInternal  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  ESCALATED  ESCALATED  ESCALATED  FORBIDDEN
ESCALATED  autoClose        CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ESCALATED  autoEscalate     CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ESCALATED  split            CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     resolve          CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     accept           CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     escalate         CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     assign           CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     comment          CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     commentInternal  CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     autoClose        CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     autoEscalate     CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     split            CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ONGOING    attachEvidence   ONGOING    FORBIDDEN  FORBIDDEN  ONGOING    FORBIDDEN  ONGOING    ONGOING    ONGOING    FORBIDDEN
ONGOING    rate             CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
RESOLVED   attachEvidence   RESOLVED   FORBIDDEN  FORBIDDEN  RESOLVED   FORBIDDEN  RESOLVED   RESOLVED   RESOLVED   FORBIDDEN
RESOLVED   rate             CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ESCALATED  attachEvidence   ESCALATED  FORBIDDEN  FORBIDDEN  ESCALATED  FORBIDDEN  ESCALATED  ESCALATED  ESCALATED  FORBIDDEN
ESCALATED  rate             CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     attachEvidence   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     rate             CLOSED     FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN
ONGOING    merge            FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  CLOSED     CLOSED     CLOSED     FORBIDDEN
ONGOING    mergeInto        FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  ONGOING    ONGOING    ONGOING    FORBIDDEN
RESOLVED   merge            FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  CLOSED     CLOSED     CLOSED     FORBIDDEN
RESOLVED   mergeInto        CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
ESCALATED  merge            FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  CLOSED     CLOSED     CLOSED     FORBIDDEN
ESCALATED  mergeInto        FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  FORBIDDEN  ESCALATED  ESCALATED  ESCALATED  FORBIDDEN
CLOSED     merge            CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
CLOSED     mergeInto        CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT   CONFLICT
`;

const ACTORS: Record<string, { viewer: Viewer | null; coordinatorsDecideEscalations: boolean }> = {
  reporter: { viewer: { id: 'parent-1', role: Role.PARENT }, coordinatorsDecideEscalations: false },
  family: { viewer: { id: 'learner-1', role: Role.LEARNER }, coordinatorsDecideEscalations: false },
  merged: { viewer: { id: 'parent-2', role: Role.PARENT }, coordinatorsDecideEscalations: false },
  tutor: { viewer: { id: 'tutor-1', role: Role.TUTOR }, coordinatorsDecideEscalations: false },
  tutor2: { viewer: { id: 'tutor-2', role: Role.TUTOR }, coordinatorsDecideEscalations: false },
  coord: { viewer: { id: 'coordinator-1', role: Role.COORDINATOR }, coordinatorsDecideEscalations: false },
  'coord*': { viewer: { id: 'coordinator-1', role: Role.COORDINATOR }, coordinatorsDecideEscalations: true },
  admin: { viewer: { id: 'admin-1', role: Role.ADMIN }, coordinatorsDecideEscalations: false },
  system: { viewer: null, coordinatorsDecideEscalations: false },
};

const ticketIn = (status: TicketStatus) => ({ status, reporter: { id: 'parent-1' }, mergedReporterIds: ['parent-2'], tutor: { id: 'tutor-1' } }) as Ticket;
const outcome = (status: TicketStatus, action: TicketAction, actor: keyof typeof ACTORS, flag = ACTORS[actor].coordinatorsDecideEscalations) => {
  const verdict = verdictFor({ coordinatorsDecideEscalations: flag }, ACTORS[actor].viewer, ticketIn(status), action);
  return verdict.ok ? verdict.to : verdict.code;
};

const [header, ...rows] = TABLE.trim().split('\n').map((line) => line.trim().split(/\s+/));
const actors = header.slice(2);

describe('the lifecycle table of docs/API.md', () => {
  it('covers every status and action once', () => {
    const statuses = Object.values(TicketStatus);
    const actions = ['resolve', 'accept', 'escalate', 'assign', 'comment', 'commentInternal', 'autoClose', 'autoEscalate', 'attachEvidence', 'rate', 'split', 'merge', 'mergeInto'];
    expect(rows.map(([s, a]) => `${s} ${a}`).sort()).toEqual(statuses.flatMap((s) => actions.map((a) => `${s} ${a}`)).sort());
    expect(actors).toEqual(Object.keys(ACTORS));
  });

  for (const [status, action, ...expected] of rows) {
    it(`${status} ${action}`, () => {
      expect(actors.map((actor) => outcome(status as TicketStatus, action as TicketAction, actor))).toEqual(expected);
    });
  }

  it('COORDINATORS_DECIDE_ESCALATIONS changes only the coordinator\'s final decision', () => {
    for (const [status, action] of rows) {
      for (const actor of actors.filter((a) => !a.startsWith('coord'))) {
        expect(outcome(status as TicketStatus, action as TicketAction, actor, true)).toBe(outcome(status as TicketStatus, action as TicketAction, actor, false));
      }
    }
  });
});
