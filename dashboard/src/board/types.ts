/** The board's vocabulary, kept free of DOM so it can be unit-tested under Node. */
import type { TicketEventKind, TicketStatus } from '../graphql/generated/graphql';

export type { TicketStatus };

/** Column order on the board and list order everywhere (the API's board order). */
export const BOARD_STATUSES: readonly TicketStatus[] = ['ONGOING', 'RESOLVED', 'ESCALATED', 'CLOSED'];

/** The least a ticket must carry for ordering. */
export interface OrderedTicket {
  id: string;
  status: TicketStatus;
  createdAt: string;
}

export interface Column<T> {
  status: TicketStatus;
  /** Loaded tickets, newest first. */
  items: T[];
  /** Every matching ticket in this status, loaded or not. */
  total: number;
  endCursor: string | null;
  hasMore: boolean;
}

export type Columns<T> = Record<TicketStatus, Column<T>>;

/** A live event as the board uses it; the server says whether the ticket matches the board's filter. */
export interface BoardEvent<T> {
  kind: TicketEventKind;
  ticket: T;
  previousStatus?: TicketStatus | null;
  sequence: number;
  matchesFilter: boolean;
}

export interface BoardState<T> {
  columns: Columns<T>;
  /** Highest event sequence applied; null until the first event. */
  lastSequence: number | null;
}
