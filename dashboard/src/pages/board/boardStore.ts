import { createSignal, onCleanup } from 'solid-js';
import { type BoardFilter, matchesBoardFilter, toTicketFilter } from '../../board/filters';
import { appendPage, applyTicketEvent, applyTicketEvents, emptyBoard, type Page } from '../../board/reducer';
import { BOARD_STATUSES, type BoardEvent, type BoardState, type TicketStatus } from '../../board/types';
import type { BoardTicketFieldsFragment } from '../../graphql/generated/graphql';
import { BoardColumnQuery, TicketChangedSubscription, TicketEventsQuery } from '../../graphql/tickets';
import { onReconnect, query, subscribe } from '../../lib/client';
import { humanize } from '../../lib/format';

export type Card = BoardTicketFieldsFragment & { status: TicketStatus };
type Event = BoardEvent<Card>;

const FIRST_PAGE = 50;
const NEXT_PAGE = 100;
const FLASH_MS = 2_000;

/** Arrival-to-DOM times of recent live events, read by the benchmark. */
export const eventTimings: number[] = [];
export const lastApplied = { at: 0 };

/**
 * The board's data: four paged columns, kept current by `ticketChanged`, caught up from
 * `ticketEvents` after a reconnect. All column logic is in board/reducer.ts.
 */
export function createBoardStore(filter: () => BoardFilter, viewerId: () => string | undefined) {
  const [state, setState] = createSignal<BoardState<Card>>(emptyBoard<Card>());
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<unknown>(null);
  const [flashing, setFlashing] = createSignal<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = createSignal('');
  const loadingMore = new Set<TicketStatus>();
  let generation = 0;
  // Events that arrive while the columns load are applied on top of the loaded pages.
  let pending: Event[] | null = null;

  const matches = (ticket: Card) => matchesBoardFilter(ticket, filter(), viewerId());

  async function fetchPage(status: TicketStatus, after: string | null, first: number): Promise<Page<Card>> {
    const data = await query(BoardColumnQuery, {
      filter: { ...toTicketFilter(filter(), viewerId()), status: [status] } as never,
      first,
      after,
    });
    const connection = data.tickets;
    return {
      items: connection.edges.map((edge) => edge.node as Card),
      total: connection.totalCount,
      endCursor: connection.pageInfo.endCursor ?? null,
      hasMore: connection.pageInfo.hasNextPage,
    };
  }

  async function reload() {
    const mine = ++generation;
    pending = [];
    setLoading(true);
    setError(null);
    try {
      const pages = await Promise.all(BOARD_STATUSES.map((status) => fetchPage(status, null, FIRST_PAGE)));
      if (mine !== generation) return;
      let next: BoardState<Card> = { ...emptyBoard<Card>(), lastSequence: state().lastSequence };
      pages.forEach((page, i) => (next = appendPage(next, BOARD_STATUSES[i], page)));
      setState(applyTicketEvents(next, pending, matches));
    } catch (e) {
      if (mine === generation) setError(e);
    } finally {
      if (mine === generation) {
        pending = null;
        setLoading(false);
      }
    }
  }

  async function loadMore(status: TicketStatus) {
    const column = state().columns[status];
    if (!column.hasMore || loadingMore.has(status) || loading()) return;
    loadingMore.add(status);
    const mine = generation;
    try {
      const page = await fetchPage(status, column.endCursor, NEXT_PAGE);
      if (mine === generation) setState((s) => appendPage(s, status, page));
    } catch (e) {
      setError(e);
    } finally {
      loadingMore.delete(status);
    }
  }

  function flash(id: string) {
    setFlashing((set) => new Set(set).add(id));
    setTimeout(() => setFlashing((set) => {
      const next = new Set(set);
      next.delete(id);
      return next;
    }), FLASH_MS);
  }

  function receive(event: Event) {
    if (pending) {
      pending.push(event);
      return;
    }
    const arrived = performance.now();
    const { state: next, changed } = applyTicketEvent(state(), event, matches);
    if (!changed) return;
    setState(next); // Solid updates the DOM synchronously here.
    flash(event.ticket.id);
    lastApplied.at = performance.now();
    eventTimings.push(lastApplied.at - arrived);
    if (eventTimings.length > 50) eventTimings.shift();
    const t = event.ticket;
    setAnnouncement(
      event.kind === 'CREATED' ? `New ticket ${t.number}: ${t.title}`
      : event.kind === 'STATUS_CHANGED' ? `Ticket ${t.number} moved to ${humanize(t.status)}`
      : `Ticket ${t.number} updated`,
    );
  }

  /** After a reconnect: replay what was missed, or reload when we cannot know what that was. */
  async function catchUp() {
    const from = state().lastSequence;
    if (from === null) return reload();
    try {
      let after = from;
      for (;;) {
        const { ticketEvents } = await query(TicketEventsQuery, { after, first: 100 });
        for (const event of ticketEvents) receive(event as Event);
        if (ticketEvents.length < 100) break;
        after = ticketEvents[ticketEvents.length - 1].sequence;
      }
    } catch {
      await reload();
    }
  }

  // Unfiltered on purpose: a ticket that stops matching (reassigned, say) must leave the board.
  const stopLive = subscribe(TicketChangedSubscription, { filter: null }, (data) => receive(data.ticketChanged as Event), setError);
  const stopReconnect = onReconnect(() => void catchUp());
  onCleanup(() => {
    generation += 1;
    stopLive();
    stopReconnect();
  });

  return { state, loading, error, flashing, announcement, reload, loadMore };
}
