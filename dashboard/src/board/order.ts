import { BOARD_STATUSES, type OrderedTicket, type TicketStatus } from './types';

const RANK: Record<TicketStatus, number> = { ONGOING: 0, RESOLVED: 1, ESCALATED: 2, CLOSED: 3 };

export const statusRank = (status: TicketStatus): number => RANK[status] ?? BOARD_STATUSES.length;

/** Newest first; the id breaks ties the same way the server's keyset does (descending). */
export function compareNewestFirst(a: OrderedTicket, b: OrderedTicket): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/** The order of `tickets`: ONGOING, RESOLVED, ESCALATED, CLOSED, newest first inside each. */
export function compareBoardOrder(a: OrderedTicket, b: OrderedTicket): number {
  return statusRank(a.status) - statusRank(b.status) || compareNewestFirst(a, b);
}

export function sortBoardOrder<T extends OrderedTicket>(tickets: readonly T[]): T[] {
  return [...tickets].sort(compareBoardOrder);
}

/** Where `item` belongs in a list sorted by `compare` (first index whose element sorts after it). */
export function insertionIndex<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(list[mid], item) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the ticket with this id in a newest-first list, by binary search (createdAt never changes). */
export function indexOfTicket<T extends OrderedTicket>(list: readonly T[], ticket: OrderedTicket): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compareNewestFirst(list[mid], ticket);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid;
  }
  // A list not in order (should not happen) still finds its ticket.
  return list.findIndex((t) => t.id === ticket.id);
}
