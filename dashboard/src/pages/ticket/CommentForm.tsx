import { createSignal, Show } from 'solid-js';
import { AddCommentMutation } from '../../graphql/tickets';
import { mutate } from '../../lib/client';
import { errorText } from '../../lib/errors';

/** A comment on the ticket; kept internal (never shown to the family or tutor) when the server allows it. */
export function CommentForm(props: { ticketId: string; canInternal: boolean; onDone: () => void }) {
  const [body, setBody] = createSignal('');
  const [internal, setInternal] = createSignal(false);
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!body().trim()) return setError('Write a comment first.');
    setBusy(true);
    setError('');
    try {
      await mutate(AddCommentMutation, { ticketId: props.ticketId, body: body().trim(), internal: props.canInternal ? internal() : null });
      setBody('');
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
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
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
    </form>
  );
}
