import { createSignal, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AddCommentMutation } from '../../graphql/tickets';
import { mutate } from '../../lib/client';
import { createSubmit } from '../../lib/submit';

/** A comment on the ticket; kept internal (never shown to the family or tutor) when the server allows it. */
export function CommentForm(props: { ticketId: string; canInternal: boolean; onDone: () => void }) {
  const [body, setBody] = createSignal('');
  const [internal, setInternal] = createSignal(false);
  const { busy, error, onSubmit } = createSubmit();
  const submit = onSubmit(
    async () => {
      await mutate(AddCommentMutation, { ticketId: props.ticketId, body: body().trim(), internal: props.canInternal ? internal() : null });
      setBody('');
      props.onDone();
    },
    () => !body().trim() && 'Write a comment first.',
  );
  return (
    <form class="comment-form" onSubmit={submit}>
      <label>
        Comment
        <textarea rows="3" value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <div class="form-actions">
        <Show when={props.canInternal}>
          <label class="checkbox switch">
            <input type="checkbox" role="switch" checked={internal()} onChange={(e) => setInternal(e.currentTarget.checked)} />
            Internal (staff only)
          </label>
        </Show>
        <button type="submit" disabled={busy()}>{busy() ? 'Sending…' : 'Add comment'}</button>
      </div>
      <ErrorNotice error={error()} />
    </form>
  );
}
