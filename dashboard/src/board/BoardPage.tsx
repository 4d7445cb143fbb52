import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { ErrorNotice } from '../components/ErrorNotice';
import { VirtualList } from '../components/VirtualList';
import { viewer } from '../lib/auth';
import { humanize } from '../lib/format';
import { BENCH_HOOKS, exposeBoard } from './bench-hooks';
import { BoardKeyboard } from './BoardKeyboard';
import { BulkBar } from './BulkBar';
import { usePresenceFeed } from './presence';
import { SavedViewsSidebar } from './SavedViewsSidebar';
import { selection } from './selection';
import { BoardFilters } from './BoardFilters';
import { type Card, createBoardStore } from './boardStore';
import { type BoardFilter, filterFromParams, filterToParams, type FilterParams } from './filters';
import { TicketCard } from './TicketCard';
import { BOARD_STATUSES } from './types';

const CARD_HEIGHT = 104;

/** The coordinator's live board: four columns, newest first, counts, filters in the URL. */
export default function BoardPage() {
  const [params, setParams] = useSearchParams<FilterParams>();
  const filter = createMemo(() => filterFromParams({ ...params } as FilterParams), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const board = createBoardStore(filter, () => viewer()?.id);
  usePresenceFeed();
  selection.useOrder(() => BOARD_STATUSES.flatMap((s) => board.state().columns[s].items.map((t) => t.id)));
  const [keyError, setKeyError] = createSignal<unknown>(null);
  createEffect(on(filter, () => void board.reload()));
  if (BENCH_HOOKS) exposeBoard(board);

  const people = (pick: (t: Card) => { id: string; name: string } | null | undefined) =>
    createMemo(() => {
      const seen = new Map<string, { id: string; name: string }>();
      for (const status of BOARD_STATUSES) {
        for (const t of board.state().columns[status].items.slice(0, 500)) {
          const person = pick(t);
          if (person) seen.set(person.id, person);
        }
      }
      return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
    });
  const tutors = people((t) => t.tutor);
  const assignees = people((t) => t.assignee);

  const change = (next: BoardFilter) => setParams(filterToParams(next));

  return (
    <section class="board-page" aria-labelledby="board-title">
      <SavedViewsSidebar current={filter()} apply={change} />
      <div class="page-head">
        <h1 id="board-title">Tickets board</h1>
        <span class="muted">{BOARD_STATUSES.reduce((n, s) => n + board.state().columns[s].total, 0)} tickets</span>
      </div>
      <BoardFilters filter={filter()} tutors={tutors()} assignees={assignees()} onChange={change} />
      <BulkBar filter={filter()} assignees={assignees()} />
      <BoardKeyboard onError={setKeyError} />
      <ErrorNotice error={board.error() ?? keyError()} retry={board.reload} />
      <p class="sr-only" aria-live="polite">{board.announcement()}</p>
      <div class="board" aria-busy={board.loading()}>
        <For each={BOARD_STATUSES}>
          {(status) => {
            const column = () => board.state().columns[status];
            return (
              <section class={`column column-${status.toLowerCase()}`} aria-labelledby={`col-${status}`} data-status={status}>
                <h2 id={`col-${status}`} class="column-head">
                  <span>{humanize(status)}</span>
                  <span class="count" data-testid={`count-${status}`} aria-label={`${column().total} tickets`}>{column().total}</span>
                </h2>
                <Show when={!board.loading() || column().items.length} fallback={<p class="muted column-empty">Loading…</p>}>
                  <Show when={column().items.length} fallback={<p class="muted column-empty">No tickets</p>}>
                    <VirtualList
                      items={column().items}
                      total={column().total}
                      itemHeight={CARD_HEIGHT}
                      label={`${humanize(status)} tickets`}
                      onNearEnd={() => void board.loadMore(status)}
                    >
                      {(ticket) => <TicketCard ticket={ticket} flashing={board.flashing().has(ticket.id)} />}
                    </VirtualList>
                  </Show>
                </Show>
              </section>
            );
          }}
        </For>
      </div>
    </section>
  );
}
