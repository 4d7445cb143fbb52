import { createSignal, onCleanup } from 'solid-js';
import type { BoardTicketFieldsFragment as Card } from '../graphql/generated/graphql';
import { BoardColumnQuery, FilteredTicketChangedSubscription } from '../graphql/tickets';
import { onReconnect, query, subscribe } from '../lib/client';
import { humanize } from '../lib/format';
import { BENCH_HOOKS, recordEventTiming } from './bench-hooks';
import { type BoardFilter, toTicketFilter } from './filters';
import { appendPage, applyTicketEvent, applyTicketEvents, emptyBoard, type Page } from './reducer';
import { BOARD_STATUSES, type BoardEvent, type BoardState, type TicketStatus } from './types';

export type { Card };
type Event = BoardEvent<Card>;

const FIRST_PAGE = 50;
const NEXT_PAGE = 100;
const FLASH_MS = 2_000;

/**
 * The board's data: four paged columns, kept current by `ticketChanged(filter)` (each event says
 * whether its ticket matches the filter), reloaded after a reconnect. Column logic: reducer.ts.
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

  async function fetchPage(status: TicketStatus, after: string | null, first: number): Promise<Page<Card>> {
    const data = await query(BoardColumnQuery, {
      filter: { ...toTicketFilter(filter(), viewerId()), status: [status] },
      first,
      after,
    });
    const connection = data.tickets;
    return {
      items: connection.edges.map((edge) => edge.node),
      total: connection.totalCount,
      endCursor: connection.pageInfo.endCursor ?? null,
      hasMore: connection.pageInfo.hasNextPage,
    };
  }

  /** Loads the columns for the current filter, listening for its live events first. */
  async function reload() {
    listen(filter());
    const mine = ++generation;
    pending = [];
    setLoading(true);
    setError(null);
    try {
      const pages = await Promise.all(BOARD_STATUSES.map((status) => fetchPage(status, null, FIRST_PAGE)));
      if (mine !== generation) return;
      let next: BoardState<Card> = { ...emptyBoard<Card>(), lastSequence: state().lastSequence };
      pages.forEach((page, i) => (next = appendPage(next, BOARD_STATUSES[i], page)));
      setState(applyTicketEvents(next, pending));
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
    const { state: next, changed } = applyTicketEvent(state(), event);
    if (!changed) return;
    setState(next); // Solid updates the DOM synchronously here.
    if (BENCH_HOOKS) recordEventTiming(arrived);
    flash(event.ticket.id);
    const t = event.ticket;
    setAnnouncement(
      event.kind === 'CREATED' ? `New ticket ${t.number}: ${t.title}`
      : event.kind === 'STATUS_CHANGED' ? `Ticket ${t.number} moved to ${humanize(t.status)}`
      : `Ticket ${t.number} updated`,
    );
  }

  // One subscription per filter: the server sends every visible ticket's events, each with
  // matchesFilter, so a ticket that stops matching (reassigned, say) leaves the board.
  let stopLive = () => {};
  let listening = '';
  const listen = (current: BoardFilter) => {
    const ticketFilter = toTicketFilter(current, viewerId());
    if (JSON.stringify(ticketFilter) === listening) return;
    listening = JSON.stringify(ticketFilter);
    stopLive();
    stopLive = subscribe(FilteredTicketChangedSubscription, { filter: ticketFilter }, (data) => receive(data.ticketChanged), setError);
  };
  // What happened while the connection was down is not replayed: the columns are asked again.
  const stopReconnect = onReconnect(() => void reload());
  onCleanup(() => {
    generation += 1;
    stopLive();
    stopReconnect();
  });

  return { state, loading, error, flashing, announcement, reload, loadMore };
}
