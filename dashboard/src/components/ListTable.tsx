import { For, type JSX, Show } from 'solid-js';

/**
 * A column's header: its label; `{ label, num }` for amounts (right-aligned); `{ label, hidden }`
 * for one only screen readers need; `{ content }` for anything else (a select-all box).
 */
export type Column = string | { label: string; num?: boolean; hidden?: boolean } | { content: JSX.Element };

/** The header cells of a table, one per column. */
export function HeaderCells(props: { columns: readonly Column[] }) {
  return (
    <For each={props.columns}>
      {(column) =>
        typeof column === 'string' ? <th scope="col">{column}</th>
        : 'content' in column ? <th scope="col">{column.content}</th>
        : <th scope="col" class={column.num ? 'num' : undefined}>{column.hidden ? <span class="sr-only">{column.label}</span> : column.label}</th>}
    </For>
  );
}

/** The one row of an empty table body: "Loading…" while the list loads, else what it would hold. */
export function EmptyRow(props: { columns: number; loading: boolean; empty: string }) {
  return <tr><td colspan={props.columns} class="muted">{props.loading ? 'Loading…' : props.empty}</td></tr>;
}

/** A list as a responsive table: the column headers, a row per item, the empty row while there is none. */
export function ListTable<T>(props: {
  columns: readonly Column[];
  each: readonly T[];
  loading: boolean;
  empty: string;
  testid?: string;
  children: (item: T) => JSX.Element;
}) {
  return (
    <div class="table-wrap">
      <table class="table responsive" data-testid={props.testid}>
        <thead>
          <tr><HeaderCells columns={props.columns} /></tr>
        </thead>
        <tbody>
          <For each={props.each} fallback={<EmptyRow columns={props.columns.length} loading={props.loading} empty={props.empty} />}>
            {(item) => props.children(item)}
          </For>
        </tbody>
      </table>
    </div>
  );
}

interface PagedList {
  hasMore: () => boolean;
  loading: () => boolean;
  loadMore: () => Promise<void>;
}

/** "Load more" under a paged list (lib/paged-list) while the server has more; `onLoaded` after each page. */
export function LoadMore(props: { list: PagedList; onLoaded?: () => void }) {
  return (
    <Show when={props.list.hasMore()}>
      <button type="button" class="load-more" disabled={props.list.loading()} onClick={() => void props.list.loadMore().then(() => props.onLoaded?.())}>Load more</button>
    </Show>
  );
}
