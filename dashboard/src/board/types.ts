/** The board's vocabulary, kept free of DOM and GraphQL so it can be unit-tested under Node. */
export type TicketStatus = 'ONGOING' | 'RESOLVED' | 'ESCALATED' | 'CLOSED';

/** Column order on the board and list order everywhere (API.md "Board order"). */
export const BOARD_STATUSES: readonly TicketStatus[] = ['ONGOING', 'RESOLVED', 'ESCALATED', 'CLOSED'];

/** The least a ticket must carry for ordering and filtering. */
export interface OrderedTicket {
  id: string;
  status: TicketStatus;
  createdAt: string;
}

export interface FilterableTicket extends OrderedTicket {
  type: string;
  category?: string | null;
  title: string;
  description?: string | null;
  tutor?: { id: string } | null;
  assignee?: { id: string } | null;
  reporter?: { id: string } | null;
  /** The server's SLA state (never derived here). */
  slaState?: string | null;
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

export type TicketEventKind = 'CREATED' | 'STATUS_CHANGED' | 'ASSIGNED' | 'COMMENTED' | 'UPDATED';

export interface BoardEvent<T> {
  kind: TicketEventKind;
  ticket: T;
  previousStatus?: TicketStatus | null;
  sequence: number;
}

export interface BoardState<T> {
  columns: Columns<T>;
  /** Highest event sequence applied; null until the first event. */
  lastSequence: number | null;
}
