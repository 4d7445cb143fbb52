import { compareNewestFirst, indexOfTicket, insertionIndex } from './order';
import { BOARD_STATUSES, type BoardEvent, type BoardState, type Column, type Columns, type OrderedTicket, type TicketStatus } from './types';

export function emptyColumn<T>(status: TicketStatus): Column<T> {
  return { status, items: [], total: 0, endCursor: null, hasMore: false };
}

export function emptyBoard<T>(): BoardState<T> {
  const columns = {} as Columns<T>;
  for (const status of BOARD_STATUSES) columns[status] = emptyColumn<T>(status);
  return { columns, lastSequence: null };
}

export interface Page<T> {
  items: T[];
  total: number;
  endCursor: string | null;
  hasMore: boolean;
}

/** Adds a fetched page to a column, skipping tickets a live event already put there. */
export function appendPage<T extends OrderedTicket>(state: BoardState<T>, status: TicketStatus, page: Page<T>): BoardState<T> {
  const column = state.columns[status];
  const known = new Set(column.items.map((t) => t.id));
  const items = column.items.concat(page.items.filter((t) => !known.has(t.id)));
  return {
    ...state,
    columns: { ...state.columns, [status]: { status, items, total: page.total, endCursor: page.endCursor, hasMore: page.hasMore } },
  };
}

/** True when the ticket sorts below everything loaded in a column that has more to load. */
function inUnloadedTail<T extends OrderedTicket>(column: Column<T>, ticket: OrderedTicket): boolean {
  if (!column.hasMore) return false;
  const last = column.items[column.items.length - 1];
  return !last || compareNewestFirst(ticket, last) > 0;
}

export interface Applied<T> {
  state: BoardState<T>;
  /** False when the event was a duplicate (already applied). */
  changed: boolean;
}

/**
 * Applies one live ticket event to the board: the ticket leaves the column it was in and, when the
 * server says it matches the board's filter (`matchesFilter`), enters its status column at its
 * newest-first place. Counts follow. Applying an event twice is harmless (a duplicate sequence is
 * ignored, and a ticket that is already in place is simply moved onto itself).
 */
export function applyTicketEvent<T extends OrderedTicket>(state: BoardState<T>, event: BoardEvent<T>): Applied<T> {
  if (state.lastSequence !== null && event.sequence <= state.lastSequence) return { state, changed: false };
  const ticket = event.ticket;
  const columns: Columns<T> = { ...state.columns };
  const update = (status: TicketStatus, change: Partial<Column<T>>) => {
    const column = columns[status];
    columns[status] = { ...column, ...change, total: Math.max(0, change.total ?? column.total) };
  };

  let removed = false;
  for (const status of BOARD_STATUSES) {
    const column = columns[status];
    const index = indexOfTicket(column.items, ticket);
    if (index < 0) continue;
    const items = column.items.slice();
    items.splice(index, 1);
    update(status, { items, total: column.total - 1 });
    removed = true;
    break;
  }
  if (!removed && event.kind !== 'CREATED') {
    // It may sit in a column's unloaded tail, counted there if it matched before. The event says
    // whether it matches now; only a change of the filtered fields (an assignment) could differ.
    const oldStatus = event.previousStatus ?? ticket.status;
    const oldColumn = columns[oldStatus];
    if (inUnloadedTail(oldColumn, ticket) && event.matchesFilter) {
      update(oldStatus, { total: oldColumn.total - 1 });
    }
  }

  if (event.matchesFilter) {
    const column = columns[ticket.status];
    if (inUnloadedTail(column, ticket)) {
      update(ticket.status, { total: column.total + 1 });
    } else {
      const items = column.items.slice();
      items.splice(insertionIndex(items, ticket, compareNewestFirst), 0, ticket);
      update(ticket.status, { items, total: column.total + 1 });
    }
  }
  const lastSequence = Math.max(state.lastSequence ?? 0, event.sequence);
  return { state: { columns, lastSequence }, changed: true };
}

/** Applies several events in sequence order (those that arrived while the columns loaded). */
export function applyTicketEvents<T extends OrderedTicket>(state: BoardState<T>, events: readonly BoardEvent<T>[]): BoardState<T> {
  return [...events].sort((a, b) => a.sequence - b.sequence).reduce((s, e) => applyTicketEvent(s, e).state, state);
}
