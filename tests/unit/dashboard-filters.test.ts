import { describe, expect, it } from 'vitest';
import { filterFromParams, filterToParams, toTicketFilter } from '../../dashboard/src/board/filters';

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

  it('sends the API only enum values it knows, and nothing for cleared fields', () => {
    expect(toTicketFilter({ type: 'DISPUTE', category: 'NO_SHOW', search: 'late' }, 'me')).toEqual({
      type: 'DISPUTE', category: 'NO_SHOW', tutorId: null, assigneeId: null, search: 'late', sla: null,
    });
    expect(toTicketFilter({ sla: ['AT_RISK', 'BREACHED'] }, 'me').sla).toEqual(['AT_RISK', 'BREACHED']);
    expect(toTicketFilter({ type: 'NOPE', category: '' }, 'me')).toMatchObject({ type: null, category: null });
  });
});
