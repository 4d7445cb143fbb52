import { createSignal, Show } from 'solid-js';
import { AssignTicketMutation, ContactTutorMutation, EscalateTicketMutation } from '../../graphql/tickets';
import { viewer } from '../../lib/auth';
import { mutate } from '../../lib/client';
import { errorText } from '../../lib/errors';
import type { TicketDetail } from './types';

/** Assign, escalate and contact the tutor: the coordinator's side actions. */
export function StaffActions(props: { ticket: TicketDetail; staff: boolean; onDone: () => void }) {
  const [error, setError] = createSignal('');
  const [notice, setNotice] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [mode, setMode] = createSignal<'' | 'escalate' | 'contact'>('');
  const [text, setText] = createSignal('');
  const open = () => props.ticket.status !== 'CLOSED';
  const mine = () => props.ticket.assignee?.id === viewer()?.id;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await action();
      setMode('');
      setText('');
      setNotice(done);
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const assign = (assigneeId: string | null) =>
    run(() => mutate(AssignTicketMutation, { ticketId: props.ticket.id, assigneeId }), assigneeId ? 'Assigned to you.' : 'Unassigned.');
  const submit = (event: Event) => {
    event.preventDefault();
    if (!text().trim()) return setError(mode() === 'escalate' ? 'Say why it needs an admin.' : 'Write a message.');
    if (mode() === 'escalate') return run(() => mutate(EscalateTicketMutation, { ticketId: props.ticket.id, comment: text().trim() }), 'Escalated.');
    return run(() => mutate(ContactTutorMutation, { ticketId: props.ticket.id, message: text().trim() }), 'Message sent to the tutor.');
  };

  return (
    <Show when={open()}>
      <div class="staff-actions">
        <div class="form-actions">
          <Show when={props.staff}>
            <Show when={!mine()} fallback={<button type="button" disabled={busy()} onClick={() => assign(null)}>Unassign me</button>}>
              <button type="button" disabled={busy()} onClick={() => assign(viewer()!.id)}>Assign to me</button>
            </Show>
          </Show>
          <Show when={props.ticket.status === 'ONGOING'}>
            <button type="button" disabled={busy()} aria-expanded={mode() === 'escalate'} onClick={() => setMode(mode() === 'escalate' ? '' : 'escalate')}>Escalate</button>
          </Show>
          <Show when={props.staff && props.ticket.tutor}>
            <button type="button" disabled={busy()} aria-expanded={mode() === 'contact'} onClick={() => setMode(mode() === 'contact' ? '' : 'contact')}>Contact tutor on Telegram</button>
          </Show>
        </div>
        <Show when={mode()}>
          <form onSubmit={submit}>
            <label>
              {mode() === 'escalate' ? 'Why does it need an admin?' : `Message to ${props.ticket.tutor?.name ?? 'the tutor'}`}
              <textarea rows="3" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            <div class="form-actions">
              <button type="submit" class="primary" disabled={busy()}>{mode() === 'escalate' ? 'Escalate' : 'Send'}</button>
              <button type="button" onClick={() => setMode('')}>Cancel</button>
            </div>
          </form>
        </Show>
        <Show when={notice()}>
          <p class="success" role="status">{notice()}</p>
        </Show>
        <Show when={error()}>
          <p class="error" role="alert">{error()}</p>
        </Show>
      </div>
    </Show>
  );
}
