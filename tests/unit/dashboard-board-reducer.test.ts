import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../dashboard/src/board/order';
import { appendPage, applyTicketEvent, applyTicketEvents, emptyBoard } from '../../dashboard/src/board/reducer';
import { BOARD_STATUSES, type BoardEvent, type BoardState, type OrderedTicket, type TicketStatus } from '../../dashboard/src/board/types';

/** A card as the reducer sees it: ordering fields plus what a test looks at. */
type T = OrderedTicket & { type: string; title: string; assignee?: { id: string } | null };
const ticket = (id: string, status: TicketStatus, minute: number, extra: Partial<T> = {}): T => ({
  id,
  status,
  type: 'DISPUTE',
  title: `Ticket ${id}`,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  ...extra,
});

function board(tickets: T[], options: { hasMore?: Partial<Record<TicketStatus, boolean>>; totals?: Partial<Record<TicketStatus, number>> } = {}): BoardState<T> {
  let state = emptyBoard<T>();
  for (const status of BOARD_STATUSES) {
    const items = tickets.filter((x) => x.status === status).sort(compareNewestFirst);
    state = appendPage(state, status, {
      items,
      total: options.totals?.[status] ?? items.length,
      endCursor: items.length ? items[items.length - 1].id : null,
      hasMore: options.hasMore?.[status] ?? false,
    });
  }
  return state;
}
const ids = (state: BoardState<T>, status: TicketStatus) => state.columns[status].items.map((x) => x.id);
const counts = (state: BoardState<T>) => BOARD_STATUSES.map((s) => state.columns[s].total);
let sequence = 0;
/** matchesFilter: what the server says about the ticket and the board's filter (true: no filter). */
const event = (kind: BoardEvent<T>['kind'], t: T, previousStatus: TicketStatus | null = null, matchesFilter = true): BoardEvent<T> => ({ kind, ticket: t, previousStatus, sequence: ++sequence, matchesFilter });

describe('applyTicketEvent', () => {
  it('puts a new ticket at the top of ONGOING and counts it', () => {
    const start = board([ticket('a', 'ONGOING', 1), ticket('b', 'ONGOING', 2)]);
    const { state, changed } = applyTicketEvent(start, event('CREATED', ticket('c', 'ONGOING', 3)));
    expect(changed).toBe(true);
    expect(ids(state, 'ONGOING')).toEqual(['c', 'b', 'a']);
    expect(counts(state)).toEqual([3, 0, 0, 0]);
  });

  it('moves a ticket between columns on a status change, keeping newest first', () => {
    const start = board([ticket('a', 'ONGOING', 1), ticket('b', 'ONGOING', 5), ticket('r1', 'RESOLVED', 9), ticket('r2', 'RESOLVED', 0)]);
    const { state } = applyTicketEvent(start, event('STATUS_CHANGED', ticket('a', 'RESOLVED', 1), 'ONGOING'));
    expect(ids(state, 'ONGOING')).toEqual(['b']);
    expect(ids(state, 'RESOLVED')).toEqual(['r1', 'a', 'r2']);
    expect(counts(state)).toEqual([1, 3, 0, 0]);
  });

  it('replaces the card in place on an update, without changing counts', () => {
    const start = board([ticket('a', 'ONGOING', 1), ticket('b', 'ONGOING', 2)]);
    const { state } = applyTicketEvent(start, event('ASSIGNED', ticket('a', 'ONGOING', 1, { assignee: { id: 'u1' } })));
    expect(ids(state, 'ONGOING')).toEqual(['b', 'a']);
    expect(state.columns.ONGOING.items[1].assignee?.id).toBe('u1');
    expect(counts(state)).toEqual([2, 0, 0, 0]);
    // Untouched columns keep their identity, so Solid re-renders nothing there.
    expect(state.columns.CLOSED).toBe(start.columns.CLOSED);
  });

  it('ignores an event it has already applied', () => {
    const start = board([]);
    const created = event('CREATED', ticket('a', 'ONGOING', 1));
    const once = applyTicketEvent(start, created).state;
    const twice = applyTicketEvent(once, created);
    expect(twice.changed).toBe(false);
    expect(twice.state).toBe(once);
    expect(once.lastSequence).toBe(created.sequence);
  });

  it('drops a ticket the server says no longer matches the filter', () => {
    const start = board([ticket('a', 'ONGOING', 1, { assignee: { id: 'me' } })]);
    const { state } = applyTicketEvent(start, event('ASSIGNED', ticket('a', 'ONGOING', 1, { assignee: { id: 'other' } }), null, false));
    expect(ids(state, 'ONGOING')).toEqual([]);
    expect(counts(state)).toEqual([0, 0, 0, 0]);
  });

  it('counts a ticket that lands below the loaded part of a column without loading it', () => {
    const start = board([ticket('new', 'ONGOING', 50)], { hasMore: { ONGOING: true }, totals: { ONGOING: 500 } });
    const { state } = applyTicketEvent(start, event('STATUS_CHANGED', ticket('old', 'ONGOING', 1), 'RESOLVED'));
    expect(ids(state, 'ONGOING')).toEqual(['new']);
    expect(state.columns.ONGOING.total).toBe(501);
  });

  it('moves a ticket out of an unloaded tail: the old column count drops', () => {
    const start = board([ticket('new', 'ONGOING', 50)], { hasMore: { ONGOING: true }, totals: { ONGOING: 500 } });
    const { state } = applyTicketEvent(start, event('STATUS_CHANGED', ticket('old', 'RESOLVED', 1), 'ONGOING'));
    expect(state.columns.ONGOING.total).toBe(499);
    expect(ids(state, 'RESOLVED')).toEqual(['old']);
    expect(state.columns.RESOLVED.total).toBe(1);
  });

  it('keeps the board consistent with a full recomputation, for any sequence of events', () => {
    const statuses = fc.constantFrom<TicketStatus>(...BOARD_STATUSES);
    const step = fc.record({ id: fc.integer({ min: 0, max: 15 }), status: statuses, assignee: fc.constantFrom('me', 'other') });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.boolean(), (steps, onlyMine) => {
        // Stands in for the server's filter, which the event's matchesFilter reports.
        const matches = (x: T) => !onlyMine || x.assignee?.id === 'me';
        const truth = new Map<string, T>();
        let state = emptyBoard<T>();
        steps.forEach((s, i) => {
          const id = `t${s.id}`;
          const before = truth.get(id);
          const next = ticket(id, s.status, s.id, { assignee: { id: s.assignee } });
          truth.set(id, next);
          const kind = before ? (before.status !== next.status ? 'STATUS_CHANGED' : 'ASSIGNED') : 'CREATED';
          state = applyTicketEvent(state, { kind, ticket: next, previousStatus: before?.status ?? null, sequence: i + 1, matchesFilter: matches(next) }).state;
        });
        for (const status of BOARD_STATUSES) {
          const expected = [...truth.values()].filter((x) => x.status === status && matches(x)).sort(compareNewestFirst);
          expect(ids(state, status)).toEqual(expected.map((x) => x.id));
          expect(state.columns[status].total).toBe(expected.length);
        }
      }),
    );
  });

  it('applies a batch (events that came in while loading) in sequence order whatever order it arrives in', () => {
    const start = board([ticket('a', 'ONGOING', 1)]);
    const s1 = { kind: 'STATUS_CHANGED' as const, ticket: ticket('a', 'RESOLVED', 1), previousStatus: 'ONGOING' as const, sequence: 101, matchesFilter: true };
    const s2 = { kind: 'STATUS_CHANGED' as const, ticket: ticket('a', 'CLOSED', 1), previousStatus: 'RESOLVED' as const, sequence: 102, matchesFilter: true };
    const state = applyTicketEvents(start, [s2, s1]);
    expect(ids(state, 'CLOSED')).toEqual(['a']);
    expect(counts(state)).toEqual([0, 0, 0, 1]);
    expect(state.lastSequence).toBe(102);
  });

  it('takes a page without duplicating a ticket a live event already added', () => {
    let state = board([ticket('a', 'ONGOING', 9)], { hasMore: { ONGOING: true }, totals: { ONGOING: 3 } });
    state = applyTicketEvent(state, event('CREATED', ticket('z', 'ONGOING', 10))).state;
    state = appendPage(state, 'ONGOING', { items: [ticket('z', 'ONGOING', 10), ticket('b', 'ONGOING', 2)], total: 4, endCursor: 'b', hasMore: false });
    expect(ids(state, 'ONGOING')).toEqual(['z', 'a', 'b']);
  });

  it('moves one ticket on a 10,000-ticket board and leaves every other card in place', () => {
    const tickets = Array.from({ length: 10_000 }, (_, i) => ticket(`t${i}`, BOARD_STATUSES[i % 4], i));
    const start = board(tickets);
    const { state } = applyTicketEvent(start, event('STATUS_CHANGED', ticket('t4000', 'RESOLVED', 4000), 'ONGOING'));
    expect(state.columns.RESOLVED.total).toBe(2_501);
    expect(state.columns.ONGOING.total).toBe(2_499);
    expect(ids(state, 'ONGOING')).toEqual(ids(start, 'ONGOING').filter((id) => id !== 't4000'));
  });
});
