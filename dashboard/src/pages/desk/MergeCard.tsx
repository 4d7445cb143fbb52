import { createResource, createSignal, For, Show } from 'solid-js';
import { MergeCandidatesQuery, MergeTicketsMutation } from '../../graphql/desk';
import { mutate, query } from '../../lib/client';
import { errorText } from '../../lib/errors';

interface Candidate { id: string; number: string; title: string; status: string; reporter: { name: string } }

/**
 * "Merge into…": the coordinator types the number of the ticket that lives on, picks it, and this
 * ticket closes into it. Shown only when the server's viewerCan.merge says so; whether that target
 * can take it (its status, reporter, tutor) is the server's answer too, shown as the error.
 */
export function MergeCard(props: { ticket: { id: string; number: string }; onDone: () => void }) {
  const [search, setSearch] = createSignal('');
  const [target, setTarget] = createSignal<Candidate | null>(null);
  const [comment, setComment] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [candidates] = createResource(
    () => (search().trim().length >= 2 && !target() ? search().trim() : false),
    async (text) => (await query(MergeCandidatesQuery, { search: text })).tickets.edges.map((e) => e.node).filter((t) => t.id !== props.ticket.id),
  );
  const merge = async (event: Event) => {
    event.preventDefault();
    const into = target();
    if (!into) return setError('Pick the ticket that lives on.');
    setBusy(true);
    setError('');
    try {
      await mutate(MergeTicketsMutation, { targetId: into.id, sourceIds: [props.ticket.id], comment: comment().trim() || null });
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="merge-form" onSubmit={merge} data-testid="merge-card">
      <Show
        when={target()}
        fallback={
          <label>
            Merge into ticket number
            <input type="search" placeholder="T-000123" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
          </label>
        }
      >
        {(into) => (
          <p class="merge-target">
            Into <strong>{into().number}</strong> {into().title} <span class="muted">({into().status.toLowerCase()})</span>{' '}
            <button type="button" class="link-button" onClick={() => setTarget(null)}>change</button>
          </p>
        )}
      </Show>
      <Show when={!target() && candidates()?.length}>
        <ul class="merge-candidates" aria-label="Tickets to merge into">
          <For each={candidates()}>
            {(c) => (
              <li>
                <button type="button" onClick={() => setTarget(c)}>
                  <span class="ticket-number">{c.number}</span> {c.title} <span class="muted">· {c.reporter.name} · {c.status.toLowerCase()}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!target() && search().trim().length >= 2 && candidates.state === 'ready' && !candidates()?.length}>
        <p class="muted">No other ticket matches.</p>
      </Show>
      <Show when={target()}>
        <label>
          Why (optional)
          <input type="text" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy()}>{busy() ? 'Merging…' : `Merge ${props.ticket.number} into ${target()!.number}`}</button>
        </div>
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
    </form>
  );
}
