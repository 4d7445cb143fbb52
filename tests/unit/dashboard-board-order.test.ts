import { describe, expect, it } from 'vitest';
import { compareBoardOrder, indexOfTicket, insertionIndex, compareNewestFirst, sortBoardOrder } from '../../dashboard/src/board/order';
import type { OrderedTicket, TicketStatus } from '../../dashboard/src/board/types';

const t = (id: string, status: TicketStatus, minute: number): OrderedTicket => ({
  id,
  status,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
});

describe('board order', () => {
  it('orders ONGOING, RESOLVED, ESCALATED, CLOSED, newest first inside each', () => {
    const tickets = [t('a', 'CLOSED', 9), t('b', 'ONGOING', 1), t('c', 'ESCALATED', 5), t('d', 'ONGOING', 7), t('e', 'RESOLVED', 3)];
    expect(sortBoardOrder(tickets).map((x) => x.id)).toEqual(['d', 'b', 'e', 'c', 'a']);
  });

  it('breaks a tie on createdAt by id, descending', () => {
    expect(sortBoardOrder([t('a', 'ONGOING', 1), t('b', 'ONGOING', 1)]).map((x) => x.id)).toEqual(['b', 'a']);
    expect(compareBoardOrder(t('a', 'ONGOING', 1), t('a', 'ONGOING', 1))).toBe(0);
  });

  it('finds the insertion point and a ticket by binary search', () => {
    const list = [t('e', 'ONGOING', 50), t('d', 'ONGOING', 40), t('c', 'ONGOING', 30), t('b', 'ONGOING', 20)];
    expect(insertionIndex(list, t('x', 'ONGOING', 60), compareNewestFirst)).toBe(0);
    expect(insertionIndex(list, t('x', 'ONGOING', 35), compareNewestFirst)).toBe(2);
    expect(insertionIndex(list, t('x', 'ONGOING', 10), compareNewestFirst)).toBe(4);
    expect(indexOfTicket(list, t('c', 'RESOLVED', 30))).toBe(2);
    expect(indexOfTicket(list, t('z', 'ONGOING', 30))).toBe(-1);
  });

  it('still finds a ticket in a list that is out of order', () => {
    const list = [t('a', 'ONGOING', 1), t('b', 'ONGOING', 9)];
    expect(indexOfTicket(list, t('b', 'ONGOING', 9))).toBe(1);
  });
});
