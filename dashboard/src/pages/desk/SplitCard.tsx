import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { SplitTicketMutation } from '../../graphql/desk';
import { mutate } from '../../lib/client';
import { errorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';

interface SplittableSession { id: string; subject: string; language: string; scheduledStart: string }

/**
 * "Split off…": the chosen sessions move into a new ticket of the same reporter, which opens.
 * Shown only when the server's viewerCan.split says so; what may be chosen is the server's answer.
 */
export function SplitCard(props: { ticket: { id: string; sessions: SplittableSession[] } }) {
  const navigate = useNavigate();
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [title, setTitle] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen(), id] : chosen().filter((c) => c !== id));
  const split = async (event: Event) => {
    event.preventDefault();
    if (!chosen().length) return setError('Choose the sessions to move.');
    if (!title().trim()) return setError('Give the new ticket a title.');
    setBusy(true);
    setError('');
    try {
      const { splitTicket } = await mutate(SplitTicketMutation, { ticketId: props.ticket.id, sessionIds: chosen(), title: title().trim(), comment: null });
      navigate(`/tickets/${splitTicket.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="split-form" onSubmit={split} data-testid="split-card">
      <fieldset>
        <legend>Sessions to move</legend>
        <For each={props.ticket.sessions}>
          {(s) => (
            <label class="checkbox">
              <input type="checkbox" checked={chosen().includes(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} />
              {s.subject} · {s.language} · {formatDate(s.scheduledStart)}
            </label>
          )}
        </For>
      </fieldset>
      <label>
        Title of the new ticket
        <input type="text" maxLength={200} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <div class="form-actions">
        <button type="submit" disabled={busy()}>{busy() ? 'Splitting…' : `Split off ${chosen().length || ''} session${chosen().length === 1 ? '' : 's'}`.replace('  ', ' ')}</button>
      </div>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
    </form>
  );
}
