import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { type BoardFilter, toTicketFilter } from './filters';
import { ErrorNotice } from '../components/ErrorNotice';
import type { SavedViewFieldsFragment } from '../graphql/generated/graphql';
import { AnyTicketChangedSubscription, DeleteViewMutation, SavedViewsQuery, SaveViewMutation } from '../graphql/desk';
import { viewer } from '../lib/auth';
import { mutate, query, subscribe } from '../lib/client';
import { createSubmit } from '../lib/submit';

const COUNT_REFRESH_MS = 1_000;

/** A saved view's filter as the board's own filter. */
export function boardFilterOf(view: SavedViewFieldsFragment): BoardFilter {
  const f = view.filter;
  return {
    type: f.type ?? undefined,
    category: f.category ?? undefined,
    tutorId: f.tutorId ?? undefined,
    assigneeId: f.assigneeId ?? undefined,
    search: f.search ?? undefined,
    sla: f.sla?.length ? [...f.sla] : undefined,
  };
}

/** Named filters, the caller's and the shared ones, with live counts; "Save view" keeps the current filter. */
export function SavedViewsSidebar(props: { current: BoardFilter; apply: (filter: BoardFilter) => void }) {
  const [views, setViews] = createSignal<SavedViewFieldsFragment[]>([]);
  const { error, setError, run } = createSubmit();
  const [naming, setNaming] = createSignal(false);
  let refresh: ReturnType<typeof setTimeout> | undefined;

  const load = async () => {
    try {
      setViews((await query(SavedViewsQuery, {})).savedViews);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  onMount(() => {
    void load();
    const stop = subscribe(AnyTicketChangedSubscription, {}, () => {
      clearTimeout(refresh);
      refresh = setTimeout(() => void load(), COUNT_REFRESH_MS);
    });
    onCleanup(() => {
      stop();
      clearTimeout(refresh);
    });
  });

  const save = (form: HTMLFormElement) => {
    const data = new FormData(form);
    return run(async () => {
      const filter = toTicketFilter(props.current, viewer()?.id);
      await mutate(SaveViewMutation, { input: { name: String(data.get('name') ?? ''), shared: data.get('shared') === 'on', filter: filter as never } });
      setNaming(false);
      await load();
    });
  };

  const remove = (id: string) =>
    run(async () => {
      await mutate(DeleteViewMutation, { id });
      await load();
    });

  return (
    <aside class="saved-views" aria-labelledby="saved-views-title" data-testid="saved-views">
      <h2 id="saved-views-title">Views</h2>
      <ul>
        <li>
          <button type="button" class="link-button view-name" onClick={() => props.apply({})}>All tickets</button>
        </li>
        <For each={views()}>
          {(view) => (
            <li data-testid="saved-view">
              <button type="button" class="link-button view-name" title={view.name} onClick={() => props.apply(boardFilterOf(view))}><span>{view.name}</span></button>
              <span class="count" aria-label={`${view.count} tickets`}>{view.count}</span>
              <Show when={view.shared}><span class="muted view-shared">Shared by {view.owner.name}</span></Show>
              <Show when={view.owner.id === viewer()?.id}>
                <button type="button" class="link-button" aria-label={`Delete view ${view.name}`} onClick={() => void remove(view.id)}>×</button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={naming()} fallback={<button type="button" onClick={() => setNaming(true)}>Save current view</button>}>
        <form onSubmit={(e) => { e.preventDefault(); void save(e.currentTarget); }}>
          <label>Name <input name="name" required maxLength={80} /></label>
          <label class="checkbox"><input type="checkbox" name="shared" /> Shared with the team</label>
          <button type="submit" class="primary">Save</button>
          <button type="button" class="link-button" onClick={() => setNaming(false)}>Cancel</button>
        </form>
      </Show>
      <ErrorNotice error={error()} />
    </aside>
  );
}
