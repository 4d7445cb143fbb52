import { describe, expect, it } from 'vitest';
import { filterFromParams, filterToParams, matchesBoardFilter, toTicketFilter } from '../../dashboard/src/board/filters';
import type { FilterableTicket } from '../../dashboard/src/board/types';

const ticket: FilterableTicket = {
  id: '1',
  status: 'ONGOING',
  createdAt: '2026-01-01T00:00:00.000Z',
  type: 'DISPUTE',
  category: 'NO_SHOW',
  title: 'Tutor never came',
  description: 'We waited 20 minutes',
  tutor: { id: 'tutor-1' },
  assignee: { id: 'me' },
};

describe('board filters', () => {
  it('round-trips through the URL', () => {
    const filter = { type: 'DISPUTE', category: 'NO_SHOW', tutorId: 't', assigneeId: 'a', mine: true, search: 'late' };
    const params = filterToParams(filter);
    expect(params).toEqual({ type: 'DISPUTE', category: 'NO_SHOW', tutor: 't', assignee: 'a', mine: '1', q: 'late' });
    expect(filterFromParams(params)).toEqual(filter);
    // Cleared filters are present as undefined so the router removes them from the URL.
    expect(filterToParams({})).toEqual({ type: undefined, category: undefined, tutor: undefined, assignee: undefined, mine: undefined, q: undefined });
  });

  it('turns "assigned to me" into the viewer as assignee', () => {
    expect(toTicketFilter({ mine: true, assigneeId: 'x' }, 'me').assigneeId).toBe('me');
    expect(toTicketFilter({ assigneeId: 'x' }, 'me').assigneeId).toBe('x');
  });

  it('matches live tickets like the server does', () => {
    expect(matchesBoardFilter(ticket, {}, 'me')).toBe(true);
    expect(matchesBoardFilter(ticket, { category: 'QUALITY' }, 'me')).toBe(false);
    expect(matchesBoardFilter(ticket, { tutorId: 'tutor-1', mine: true }, 'me')).toBe(true);
    expect(matchesBoardFilter(ticket, { mine: true }, 'someone-else')).toBe(false);
    expect(matchesBoardFilter(ticket, { search: 'WAITED' }, 'me')).toBe(true);
    expect(matchesBoardFilter(ticket, { search: 'refund' }, 'me')).toBe(false);
  });
});
