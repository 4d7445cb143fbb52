import { createSignal, Show } from 'solid-js';
import { AcceptResolutionMutation, EscalateTicketMutation } from '../graphql/tickets';
import { mutate } from '../lib/client';
import { errorText } from '../lib/errors';

/** The reporter's answer to a resolution: accept it, or escalate with a reason. */
export function ReporterActions(props: { ticketId: string; onDone: () => void }) {
  const [escalating, setEscalating] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    try {
      await action();
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const accept = () => run(() => mutate(AcceptResolutionMutation, { ticketId: props.ticketId, comment: null }));
  const escalate = (event: Event) => {
    event.preventDefault();
    if (!reason().trim()) return setError('Tell us why you do not agree.');
    return run(() => mutate(EscalateTicketMutation, { ticketId: props.ticketId, comment: reason().trim() }));
  };

  return (
    <div class="reporter-actions">
      <Show
        when={escalating()}
        fallback={
          <div class="form-actions">
            <button type="button" class="primary" disabled={busy()} onClick={accept}>Accept resolution</button>
            <button type="button" disabled={busy()} onClick={() => setEscalating(true)}>Escalate</button>
          </div>
        }
      >
        <form onSubmit={escalate}>
          <label>
            Why do you not agree?
            <textarea required rows="3" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <div class="form-actions">
            <button type="submit" class="primary" disabled={busy()}>Escalate to an admin</button>
            <button type="button" onClick={() => setEscalating(false)}>Cancel</button>
          </div>
        </form>
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
    </div>
  );
}
