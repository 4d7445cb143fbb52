import { useNavigate } from '@solidjs/router';
import { createSignal, For } from 'solid-js';
import { SplitTicketMutation } from '../../graphql/desk';
import { ErrorNotice } from '../../components/ErrorNotice';
import { mutate } from '../../lib/client';
import { formatDate } from '../../lib/format';
import { createSubmit } from '../../lib/submit';

interface SplittableSession { id: string; subject: string; language: string; scheduledStart: string }

/**
 * "Split off…": the chosen sessions move into a new ticket of the same reporter, which opens.
 * Shown only when the server's viewerCan.split says so; what may be chosen is the server's answer.
 */
export function SplitCard(props: { ticket: { id: string; sessions: SplittableSession[] } }) {
  const navigate = useNavigate();
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [title, setTitle] = createSignal('');
  const { busy, error, onSubmit } = createSubmit();
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen(), id] : chosen().filter((c) => c !== id));
  const split = onSubmit(
    async () => {
      const { splitTicket } = await mutate(SplitTicketMutation, { ticketId: props.ticket.id, sessionIds: chosen(), title: title().trim(), comment: null });
      navigate(`/tickets/${splitTicket.id}`);
    },
    () => (!chosen().length ? 'Choose the sessions to move.' : !title().trim() && 'Give the new ticket a title.'),
  );
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
      <ErrorNotice error={error()} />
    </form>
  );
}
