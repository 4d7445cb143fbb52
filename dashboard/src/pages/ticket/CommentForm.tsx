import { createSignal, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AddCommentMutation } from '../../graphql/tickets';
import { mutate } from '../../lib/client';
import { ApiError } from '../../lib/errors';
import { createSubmit } from '../../lib/submit';

const MAX = 5000;

/**
 * A comment on the ticket; kept internal (never shown to the family or tutor) when the server allows it.
 * Sent with the version the page shows: when the ticket changed meanwhile the server refuses it and
 * says what changed; the page reloads to show it and the text stays here to send again.
 */
export function CommentForm(props: { ticketId: string; version: number; canInternal: boolean; onDone: () => void }) {
  const [body, setBody] = createSignal('');
  const [internal, setInternal] = createSignal(false);
  const { busy, error, onSubmit } = createSubmit();
  const submit = onSubmit(
    async () => {
      try {
        await mutate(AddCommentMutation, { ticketId: props.ticketId, body: body().trim(), internal: props.canInternal ? internal() : null, expectedVersion: props.version });
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'CONFLICT') props.onDone();
        throw failure;
      }
      setBody('');
      props.onDone();
    },
    () => (!body().trim() && 'Write a comment first.') || (body().trim().length > MAX && `The comment is too long: shorten it by ${body().trim().length - MAX} characters.`),
  );
  const counterId = () => `comment-count-${props.ticketId}`;
  return (
    <form class="comment-form" onSubmit={submit}>
      <label>
        Reply
        <textarea rows="3" value={body()} aria-describedby={counterId()} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <p id={counterId()} class="muted small" classList={{ error: body().length > MAX }}>{body().length.toLocaleString()} / {MAX.toLocaleString()} characters</p>
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
